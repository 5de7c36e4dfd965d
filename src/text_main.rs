//! The text module's entry point (`text.html`, built with `--no-default-features --features
//! text-module`). Its functions are exports (`src/text_module.rs`); calling into the library
//! here is what links them in.

fn main() {
    #[cfg(target_arch = "wasm32")]
    policy_lens::start_text_module();
}
