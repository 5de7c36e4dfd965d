//! The work budget. The diff is bounded by these constants, never by a clock (clocks trap on
//! `wasm32-unknown-unknown`).

/// Work allowed for pairing deleted and inserted blocks (token-feature comparisons).
pub const PAIRING_BUDGET: usize = 1_000_000;
/// Tokens (old plus new) that inline diffs may consume over the whole comparison.
pub const INLINE_TOKEN_BUDGET: usize = 250_000;
/// Tokens (old plus new) above which a single modified block is not diffed inline.
pub const MAX_INLINE_TOKENS: usize = 40_000;

/// Work spent so far.
#[derive(Default)]
pub(super) struct Budget {
    pub(super) pairing: usize,
    pub(super) tokens: usize,
    pub(super) exhausted: bool,
}
