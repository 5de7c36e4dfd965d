//! `policy-lens-prerender POLICIES OUT`: the first layer of the summary of each bundled
//! policy's latest version (its header and "at a glance", without the sections), and its full
//! text, rendered at build time by the widget's own components (Yew's server renderer), for each
//! interface language. The trunk hook (`scripts/build-extra.sh`) writes them next to the data:
//! `OUT/<id>/<version>.<lang>.html` and `OUT/<id>/<version>.<lang>.full.html`. The full page and
//! an embed render each alike, so one file serves both (the tool checks that they still do).
//!
//! `embed.js` shows the file while the wasm downloads and compiles, so that the first layer's
//! text is laid out and on screen before the widget runs; the widget then renders the same page
//! itself, and takes its place once it is ready (see `embed/embed.js`, "prerendered summary").
//! Only the plain case is prerendered: the summary or full text of the latest bundled version, no
//! host data, no remembered place.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use policy_lens::{App, AppProps, Doc, Lang, Route, View};
use yew::LocalServerRenderer;

/// The interface languages, as `embed.js` names them in the file names.
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Zh, "zh-CN")];

/// The views prerendered, and their files' suffixes: the summary's first layer
/// (`<version>.<lang>.html`), and the full text (`<version>.<lang>.full.html`), which a link
/// straight to it shows while the widget's wasm and the text module load.
const VIEWS: [(View, &str); 2] = [(View::Summary, ""), (View::Full, ".full")];

fn render(doc: &Doc, view: View, lang: Lang, full_page: bool) -> String {
    block_on(render_async(doc, view, lang, full_page))
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a single-thread runtime")
        .block_on(f)
}

async fn render_async(doc: &Doc, view: View, lang: Lang, full_page: bool) -> String {
    let props = AppProps {
        route: Route {
            policy: Some(doc.id.clone()),
            view,
            lang: Some(lang),
            ..Route::default()
        },
        full_page,
        base: "".into(),
        preloaded: vec![doc.clone()],
        src: None,
        remember: false,
        reviewed_only: false,
        first_layer_only: true,
    };
    LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The latest version of each policy in the bundled index: `(id, version)`.
fn latest(policies: &Path) -> Result<Vec<(String, String)>, String> {
    let index = policies.join("index.json");
    let text = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", index.display()))?;
    entries
        .iter()
        .map(|e| {
            let id = e["id"].as_str();
            let version = e["versions"].as_array().and_then(|v| v.last()?.as_str());
            match (id, version) {
                (Some(id), Some(v)) => Ok((id.to_string(), v.to_string())),
                _ => Err(format!(
                    "{}: an entry without id or versions",
                    index.display()
                )),
            }
        })
        .collect()
}

fn run(policies: &Path, out: &Path) -> Result<usize, String> {
    let mut written = 0;
    for (id, version) in latest(policies)? {
        let file = policies.join(&id).join(format!("{version}.json"));
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let read = policy_lens_core::parse_version(&file.display().to_string(), &bytes).map_err(
            |problems| {
                let reasons: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                format!("{}: {}", file.display(), reasons.join("; "))
            },
        )?;
        let doc = Doc::new(read, bytes);
        let dir: PathBuf = out.join(&id);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for (lang, tag) in LANGS {
            for (view, suffix) in VIEWS {
                let html = render(&doc, view, lang, false);
                if html != render(&doc, view, lang, true) {
                    return Err(format!(
                        "{id} {version} {tag} {}: the full page and the embed render it differently; \
                         one prerender cannot serve both",
                        view.as_str()
                    ));
                }
                let path = dir.join(format!("{version}.{tag}{suffix}.html"));
                std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
                written += 1;
            }
        }
    }
    Ok(written)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [policies, out] = args.as_slice() else {
        eprintln!("usage: policy-lens-prerender POLICIES OUT");
        return ExitCode::from(2);
    };
    match run(Path::new(policies), Path::new(out)) {
        Ok(n) => {
            println!("{n} pages (summaries and full texts) prerendered into {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("policy-lens-prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
