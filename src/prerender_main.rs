//! `policy-lens-prerender POLICIES OUT`: the first layer of the summary of each bundled
//! policy version (its header and "at a glance", without the sections) and its full text, and
//! what changed from the version before the latest to the latest, rendered at build time by
//! the widget's own components (Yew's server renderer), for each interface language. The hook
//! (`scripts/build-extra.sh`) writes them next to the data: `OUT/<id>/<version>.<lang>.html`,
//! `OUT/<id>/<version>.<lang>.full.html` and (for a policy with two versions or more)
//! `OUT/<id>/<version>.<lang>.changes.html`. The full page and an embed render each alike, so one
//! file serves both (the tool checks that they still do).
//!
//! `embed.js` shows the file while the wasm downloads and compiles, so that the first layer's
//! text is laid out and on screen before the widget runs; the widget then renders the same page
//! itself, and takes its place once it is ready (see `embed/embed.js`, "prerendered summary").
//! Only the plain case is prerendered: the summary or full text of a bundled version, or the
//! changes from the version before the latest to the latest; no host data, no remembered place.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use policy_lens::{App, AppProps, Doc, Lang, Route, View};
use yew::LocalServerRenderer;

/// The interface languages, as `embed.js` names them in the file names.
const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Zh, "zh-CN")];

/// The views prerendered, and their files' suffixes: the summary's first layer
/// (`<version>.<lang>.html`), the full text (`<version>.<lang>.full.html`), and what changed
/// from the version before (`<version>.<lang>.changes.html`), which a link straight to either
/// view shows while the widget's wasm and that view's module load.
const VIEWS: [(View, &str); 3] = [
    (View::Summary, ""),
    (View::Full, ".full"),
    (View::Changes, ".changes"),
];

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a single-thread runtime")
        .block_on(f)
}

/// `docs`: the version shown, then (for the changes view) the one before it; `version`: the
/// version as the route names it (none for the latest).
async fn render(
    docs: &[Doc],
    version: Option<String>,
    view: View,
    lang: Lang,
    full_page: bool,
) -> String {
    let props = AppProps {
        route: Route {
            policy: Some(docs[0].id.clone()),
            version,
            view,
            lang: Some(lang),
            ..Route::default()
        },
        full_page,
        base: "".into(),
        preloaded: docs.to_vec(),
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

/// Each policy in the bundled index: `(id, versions)`, oldest first.
fn bundled(policies: &Path) -> Result<Vec<(String, Vec<String>)>, String> {
    let index = policies.join("index.json");
    let text = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", index.display()))?;
    entries
        .iter()
        .map(|e| {
            let id = e["id"].as_str();
            let versions: Option<Vec<String>> = e["versions"]
                .as_array()
                .and_then(|v| v.iter().map(|v| Some(v.as_str()?.to_string())).collect());
            match (id, versions) {
                (Some(id), Some(v)) if !v.is_empty() => Ok((id.to_string(), v)),
                _ => Err(format!(
                    "{}: an entry without id or versions",
                    index.display()
                )),
            }
        })
        .collect()
}

fn read(policies: &Path, id: &str, version: &str) -> Result<Doc, String> {
    let file = policies.join(id).join(format!("{version}.json"));
    let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let read = policy_lens_core::parse_version(&file.display().to_string(), &bytes).map_err(
        |problems| {
            let reasons: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            format!("{}: {}", file.display(), reasons.join("; "))
        },
    )?;
    Ok(Doc::new(read, bytes))
}

fn run(policies: &Path, out: &Path) -> Result<usize, String> {
    let mut written = 0;
    for (id, versions) in bundled(policies)? {
        let dir: PathBuf = out.join(&id);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        // Each version is read once; the latest also takes the one before it (the pair "What
        // changed" shows first).
        let mut previous: Option<Doc> = None;
        for (i, version) in versions.iter().enumerate() {
            let latest = i + 1 == versions.len();
            let doc = read(policies, &id, version)?;
            let mut docs = vec![doc.clone()];
            if latest {
                docs.extend(previous.take());
            }
            previous = Some(doc);
            // An older version is shown only when named; the latest, named or not.
            let named = (!latest).then(|| version.clone());
            for (lang, tag) in LANGS {
                for (view, suffix) in VIEWS {
                    if view == View::Changes && docs.len() < 2 {
                        continue;
                    }
                    let html = block_on(render(&docs, named.clone(), view, lang, false));
                    if html != block_on(render(&docs, named.clone(), view, lang, true)) {
                        return Err(format!(
                            "{id} {version} {tag} {}: the full page and the embed render it \
                             differently; one prerender cannot serve both",
                            view.as_str()
                        ));
                    }
                    let path = dir.join(format!("{version}.{tag}{suffix}.html"));
                    std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
                    written += 1;
                }
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
            println!("{n} pages (summaries, full texts and changes) prerendered into {out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("policy-lens-prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
