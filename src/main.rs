//! The preview and full-page entry point.

fn main() {
    #[cfg(target_arch = "wasm32")]
    policy_lens::start_page();
}
