//! Native benchmark of the version diff on the pairs `make bench` times in the browser: the
//! Zeekr pair, a generated 1 MB pair with 5% of its paragraphs edited and a completely
//! rewritten 1 MB pair. The generator is a port of `scripts/bench.mjs` (mulberry32, same
//! words, same order of draws), so the pairs are the same documents.
//!
//! `cargo run --release -p policy-lens-core --example diff_bench [RUNS] [--dump DIR] [--only NAME]`
//!
//! Prints, per pair, the median, min and max of RUNS diffs (default 21), the number of changes
//! and ops, whether the budget ran out, and a hash of the serialised result, so that a change
//! to the engine can be shown to leave every result as it was.

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::Instant;

use policy_lens_core::{diff, parse_version, PolicyVersion};
use serde_json::{json, Value};

const WORDS: &str = "we collect use store share process your personal information data device location account \
service services app vehicle phone number email address name identity payment order contact partners \
affiliates third parties providers purposes consent withdraw delete access correct copy transfer abroad \
retain period security measures encryption children guardian rights request law regulation authority \
necessary legitimate interests marketing analytics improve provide features navigation charging remote \
control voice camera microphone photos storage logs crash reports cookies sdk permission notify update \
policy changes material significant the a of and to in for with on by from as may will not only when \
if or any other such including where our this that these those you us it";

/// mulberry32, as in `scripts/bench.mjs`.
struct Rng(u32);

impl Rng {
    fn next_u32(&mut self) -> u32 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let s = self.0;
        let mut t = (s ^ (s >> 15)).wrapping_mul(1 | s);
        t = t.wrapping_add((t ^ (t >> 7)).wrapping_mul(61 | t)) ^ t;
        t ^ (t >> 14)
    }
    /// `r()`: a float in [0, 1).
    fn float(&mut self) -> f64 {
        f64::from(self.next_u32()) / 4_294_967_296.0
    }
    /// `Math.floor(r() * n)`, exact (the product is below 2^53).
    fn below(&mut self, n: usize) -> usize {
        ((u64::from(self.next_u32()) * n as u64) >> 32) as usize
    }
    fn pick(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }
}

struct Gen {
    words: Vec<&'static str>,
}

impl Gen {
    fn sentence(&self, r: &mut Rng) -> String {
        let n = 8 + r.below(13);
        let mut w: Vec<String> = (0..n).map(|_| r.pick(&self.words).to_string()).collect();
        let first = &w[0];
        w[0] = first[..1].to_uppercase() + &first[1..];
        w.join(" ") + "."
    }
    fn paragraph(&self, r: &mut Rng) -> String {
        let n = 2 + r.below(4);
        (0..n)
            .map(|_| self.sentence(r))
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn heading(&self, r: &mut Rng) -> String {
        let n = 2 + r.below(4);
        (0..n)
            .map(|_| r.pick(&self.words))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn generate(&self, id: &str, target: usize, seed: u32) -> Value {
        let mut r = Rng(seed);
        let mut sections = Vec::new();
        let mut bytes = 200;
        let mut s = 1;
        while bytes < target {
            let heading = self.heading(&mut r);
            let mut blocks = Vec::new();
            let mut p = 0;
            while p < 8 && bytes < target {
                let text = self.paragraph(&mut r);
                bytes += text.len() + 40;
                blocks.push(json!({ "type": "paragraph", "text": text }));
                p += 1;
            }
            bytes += heading.len() + 60;
            sections.push(json!({ "id": format!("s{s}"), "label": format!("{s}."), "heading": heading, "blocks": blocks }));
            s += 1;
        }
        json!({
            "id": id, "version": "2025-01-01", "title": format!("Generated policy {id}"),
            "language": "en", "source": "scripts/bench.mjs", "sections": sections,
        })
    }

    fn paragraphs(doc: &mut Value) -> Vec<&mut Value> {
        doc["sections"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .flat_map(|s| s["blocks"].as_array_mut().unwrap().iter_mut())
            .collect()
    }

    /// Edits `fraction` of the paragraphs: replaced words, an added sentence or a dropped one.
    fn edited(&self, doc: &Value, fraction: f64, seed: u32) -> Value {
        let mut r = Rng(seed);
        let mut out = doc.clone();
        out["version"] = json!("2025-02-01");
        let mut ps = Self::paragraphs(&mut out);
        let want = (ps.len() as f64 * fraction).round() as usize;
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < want {
            let i = r.below(ps.len());
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        for i in chosen {
            let p = &mut ps[i];
            let text = p["text"].as_str().unwrap().to_string();
            let kind = r.float();
            let new = if kind < 0.5 {
                let mut w: Vec<String> = text.split(' ').map(str::to_string).collect();
                let mut k = 0;
                while k < 1 + r.below(3) {
                    let at = r.below(w.len());
                    w[at] = r.pick(&self.words).to_string();
                    k += 1;
                }
                w.join(" ")
            } else if kind < 0.8 {
                format!("{text} {}", self.sentence(&mut r))
            } else {
                let ss: Vec<&str> = text.split(". ").collect();
                if ss.len() > 1 {
                    ss[1..].join(". ")
                } else {
                    self.sentence(&mut r)
                }
            };
            p["text"] = json!(new);
        }
        out
    }

    /// The same outline (ids, counts) with every heading and paragraph written anew.
    fn rewritten(&self, doc: &Value, seed: u32) -> Value {
        let mut r = Rng(seed);
        let mut out = doc.clone();
        out["version"] = json!("2025-02-01");
        for s in out["sections"].as_array_mut().unwrap() {
            s["heading"] = json!(self.heading(&mut r));
            for b in s["blocks"].as_array_mut().unwrap() {
                b["text"] = json!(self.paragraph(&mut r));
            }
        }
        out
    }
}

fn version(name: &str, v: &Value, dump: Option<&Path>) -> PolicyVersion {
    let text = serde_json::to_string_pretty(v).unwrap() + "\n";
    if let Some(dir) = dump {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(format!("{name}.json")), &text).unwrap();
    }
    parse_version(name, text.as_bytes()).unwrap_or_else(|p| panic!("{name} is invalid: {}", p[0]))
}

fn load(rel: &str) -> PolicyVersion {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel);
    let bytes = std::fs::read(&path).unwrap();
    parse_version(rel, &bytes).unwrap_or_else(|p| panic!("{rel} is invalid: {}", p[0]))
}

fn main() {
    let mut runs = 21;
    let mut dump = None;
    let mut only = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump" => dump = args.next().map(std::path::PathBuf::from),
            "--only" => only = args.next(),
            n => runs = n.parse().expect("RUNS, --dump DIR or --only NAME"),
        }
    }
    let g = Gen {
        words: WORDS.split(' ').collect(),
    };
    let dump = dump.as_deref();
    let g1m = g.generate("gen-1m", 1024 * 1024, 2);
    let mut g1m_rw = g1m.clone();
    g1m_rw["id"] = json!("gen-1m-rewritten");
    let pairs = [
        (
            "zeekr",
            load("policies/zeekr/2025-11-10.json"),
            load("policies/zeekr/2025-12-31.json"),
        ),
        (
            "1mb-edited",
            version("gen-1m", &g1m, dump),
            version("gen-1m-edited", &g.edited(&g1m, 0.05, 12), dump),
        ),
        (
            "1mb-rewritten",
            version("gen-1m-rewritten", &g1m_rw, dump),
            version("gen-1m-rewritten-new", &g.rewritten(&g1m_rw, 13), dump),
        ),
    ];
    println!("pair\tmedian ms\tmin ms\tmax ms\tchanges\tops\tcounts (+ - ~ > =)\texhausted\thash");
    for (name, a, b) in &pairs {
        if only.as_deref().is_some_and(|o| o != *name) {
            continue;
        }
        let d = diff(a, b).unwrap();
        let json = serde_json::to_string(&d).unwrap();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        json.hash(&mut h);
        let mut ts: Vec<f64> = (0..runs)
            .map(|_| {
                let t = Instant::now();
                let d = diff(a, b).unwrap();
                let e = t.elapsed().as_secs_f64() * 1000.0;
                std::hint::black_box(d);
                e
            })
            .collect();
        ts.sort_by(f64::total_cmp);
        if ts.is_empty() {
            ts.push(f64::NAN);
        }
        let c = d.counts();
        println!(
            "{name}\t{:.2}\t{:.2}\t{:.2}\t{}\t{}\t{} {} {} {} {}\t{}\t{:016x}",
            ts[ts.len() / 2],
            ts[0],
            ts[ts.len() - 1],
            d.changes().len(),
            d.ops().len(),
            c.added(),
            c.deleted(),
            c.modified(),
            c.moved(),
            c.unchanged(),
            d.budget_exhausted(),
            h.finish(),
        );
    }
}
