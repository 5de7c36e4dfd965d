//! The changes module's entry point (`changes.html`, built with `--no-default-features
//! --features changes-module`). Its functions are exports (`src/changes_module.rs`); calling
//! into the library here is what links them in.

fn main() {
    #[cfg(target_arch = "wasm32")]
    policy_lens::start_changes_module();
}
