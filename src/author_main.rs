//! The authoring page's entry point (`author.html`; built with the `author` feature).

fn main() {
    #[cfg(target_arch = "wasm32")]
    policy_lens::author::start();
}
