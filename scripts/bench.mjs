// Policy Lens benchmark (`make bench`): bundle size, load to ready, memory, diff speed in the
// browser against jsdiff, and the native CLI. Run after `trunk build --release`; prints the
// machine and ONE markdown table. Each figure with a budget is marked ✅ meets / ❌ misses.
// Nothing fails on numbers: this is a measurement, not a test.
//
//   node scripts/bench.mjs            RUNS=5 node scripts/bench.mjs   (fewer runs, for a quick look)
//   ONLY=load RUNS=7 node scripts/bench.mjs   (sizes and the load breakdown only)
//   ONLY=diff node scripts/bench.mjs          (sizes and the diff speeds only)
//   ONLY=phone node scripts/bench.mjs         (sizes and the phone profile only)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { serve, launch, open, dist as builtDist, root } from '../tests/browser/harness.js';

const RUNS = Number(process.env.RUNS || 20);
// ONLY=load: sizes and the largest policy's load breakdown only (for quick iterations).
const ONLY_LOAD = process.env.ONLY === 'load';
// ONLY=diff: sizes and the diff speeds only.
const ONLY_DIFF = process.env.ONLY === 'diff';
// ONLY=phone: sizes and the phone profile (throttled network and CPU) only.
const ONLY_PHONE = process.env.ONLY === 'phone';
class Done extends Error {}
const JSDIFF_TIMEOUT_MS = 10_000; // per call; jsdiff returns undefined ("gave up") past it
const JSDIFF_TOTAL_MS = 30_000; // per pair and function: stop repeating past this
const KB = 1024;

const rows = [];
const row = (measure, result, budget = '—') => rows.push([measure, result, budget]);
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const ms = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const mark = (ok) => (ok ? '✅' : '❌');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const log = (...a) => console.error('[bench]', ...a);

// ---------------------------------------------------------------------------------------------
// Machine
// ---------------------------------------------------------------------------------------------
const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
const cpu = (cpuinfo.match(/^model name\s*:\s*(.*)$/m) || [, os.cpus()[0]?.model || 'unknown'])[1].trim();
const cores = os.cpus().length;
const load = os.loadavg()[0];

// The bundle is copied first: dist/ is shared with `trunk serve` and other builds, and a rebuild
// in the middle of a run would mix two bundles in one table.
const source = process.env.BENCH_DIST ? path.resolve(root, process.env.BENCH_DIST) : builtDist;
for (const f of ['policy-lens-widget.js', 'policy-lens-widget_bg.wasm']) {
  if (!fs.existsSync(path.join(source, f))) { console.error(`${path.join(source, f)} is missing: run \`trunk build --release\` (make bench does)`); process.exit(2); }
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-bench-'));
const dist = path.join(tmp, 'dist');
fs.cpSync(source, dist, { recursive: true, dereference: true });

/// Names of a wasm module's custom sections (a debug build keeps `name`; a release build
/// through wasm-opt does not).
function customSections(buf) {
  const names = [];
  let i = 8;
  const leb = () => { let r = 0, s = 0, b; do { b = buf[i++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
  while (i < buf.length) {
    const id = buf[i++];
    const size = leb();
    const end = i + size;
    if (id === 0) { const n = leb(); names.push(buf.subarray(i, i + n).toString('utf8')); }
    i = end;
  }
  return names;
}
const notes = [];
if (customSections(fs.readFileSync(path.join(dist, 'policy-lens-widget_bg.wasm'))).includes('name')
  || fs.readFileSync(path.join(dist, 'index.html'), 'utf8').includes('__trunk_address__')) {
  notes.push(`WARNING: ${path.relative(root, source) || '.'} is not a release build (debug names or the trunk serve reload script): the figures are not representative.`);
}

// ---------------------------------------------------------------------------------------------
// a. Size
// ---------------------------------------------------------------------------------------------
function sizes(file) {
  const buf = fs.readFileSync(file);
  return {
    raw: buf.length,
    gz: zlib.gzipSync(buf, { level: 9 }).length,
    br: zlib.brotliCompressSync(buf, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}
const fmtSize = (s) => `${kb(s.raw)} raw · ${kb(s.gz)} gzip -9 · ${kb(s.br)} brotli 11`;

// The first bundle: every script the page or a vendor's embed runs before the summary is
// ready. embed.js loads first (the one tag a vendor adds), then the widget's glue and wasm.
const embed = sizes(path.join(dist, 'embed.js'));
const js = sizes(path.join(dist, 'policy-lens-widget.js'));
const wasm = sizes(path.join(dist, 'policy-lens-widget_bg.wasm'));
const sum = (...xs) => ({ raw: xs.reduce((a, x) => a + x.raw, 0), gz: xs.reduce((a, x) => a + x.gz, 0), br: xs.reduce((a, x) => a + x.br, 0) });
const code = sum(embed, js, wasm);
row('Size: embed.js', fmtSize(embed));
row('Size: policy-lens-widget.js', fmtSize(js));
row('Size: policy-lens-widget_bg.wasm', fmtSize(wasm));
row('Size: widget code (embed.js + glue JS + wasm)', fmtSize(code),
  `${mark(code.gz <= 150 * KB)} ≤ 150 KB gzip · stretch ≤ 100 KB ${mark(code.gz <= 100 * KB)}`);
// The modules of the other views load on demand: the changes module (diff engine, changes
// view, full validation) and the text module (the full text). Not part of the first bundle,
// shown for their own size.
for (const [name, what] of [['changes', 'changes module'], ['text', 'text module']]) {
  const js = path.join(dist, name, `policy-lens-${name}.js`);
  const wasm = path.join(dist, name, `policy-lens-${name}_bg.wasm`);
  if (fs.existsSync(js) && fs.existsSync(wasm)) {
    const m = sum(sizes(js), sizes(wasm));
    row(`Size: ${what}, loaded on demand (JS + wasm)`, fmtSize(m));
    if (name === 'text') {
      row('Size: code for a link straight to the full text (first bundle + text module)', fmtSize(sum(code, m)));
    }
  } else {
    notes.push(`WARNING: the ${what} (dist/${name}/) is missing from this build.`);
  }
}
for (const extra of ['policy-lens.css']) {
  const f = path.join(dist, extra);
  if (fs.existsSync(f)) row(`Size: ${extra}`, fmtSize(sizes(f)));
}
const policyFiles = [];
for (const id of fs.readdirSync(path.join(dist, 'policies')).sort()) {
  const dir = path.join(dist, 'policies', id);
  if (!fs.statSync(dir).isDirectory()) continue;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, f);
    policyFiles.push({ id, version: f.replace(/\.json$/, ''), file, bytes: fs.statSync(file).size });
    row(`Size: data ${id}/${f} (the source)`, fmtSize(sizes(file)));
    // Its binary form, made at build time: what the widget fetches.
    const bin = file.replace(/\.json$/, '.bin');
    if (fs.existsSync(bin)) row(`Size: data ${id}/${path.basename(bin)} (what the widget reads)`, fmtSize(sizes(bin)));
  }
}
// The summary shows a policy's latest version; the largest policy is the one whose latest is largest.
const latest = new Map();
for (const p of policyFiles) latest.set(p.id, p); // sorted: the last one wins
const policies = [...latest.values()];
const largest = policies.reduce((a, b) => (b.bytes > a.bytes ? b : a));

// ---------------------------------------------------------------------------------------------
// Generated version pairs for the diff benchmark
// ---------------------------------------------------------------------------------------------
function rng(seed) { // mulberry32
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const WORDS = ('we collect use store share process your personal information data device location account ' +
  'service services app vehicle phone number email address name identity payment order contact partners ' +
  'affiliates third parties providers purposes consent withdraw delete access correct copy transfer abroad ' +
  'retain period security measures encryption children guardian rights request law regulation authority ' +
  'necessary legitimate interests marketing analytics improve provide features navigation charging remote ' +
  'control voice camera microphone photos storage logs crash reports cookies sdk permission notify update ' +
  'policy changes material significant the a of and to in for with on by from as may will not only when ' +
  'if or any other such including where our this that these those you us it').split(' ');
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
function sentence(r) {
  const n = 8 + Math.floor(r() * 13);
  const w = Array.from({ length: n }, () => pick(r, WORDS));
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
}
const paragraph = (r) => Array.from({ length: 2 + Math.floor(r() * 4) }, () => sentence(r)).join(' ');
const heading = (r) => Array.from({ length: 2 + Math.floor(r() * 4) }, () => pick(r, WORDS)).join(' ');

function generate(id, targetBytes, seed) {
  const r = rng(seed);
  const doc = { id, version: '2025-01-01', title: `Generated policy ${id}`, language: 'en', source: 'scripts/bench.mjs', sections: [] };
  let bytes = 200;
  for (let s = 1; bytes < targetBytes; s++) {
    const sec = { id: `s${s}`, label: `${s}.`, heading: heading(r), blocks: [] };
    for (let p = 0; p < 8 && bytes < targetBytes; p++) {
      const text = paragraph(r);
      sec.blocks.push({ type: 'paragraph', text });
      bytes += Buffer.byteLength(text) + 40;
    }
    bytes += Buffer.byteLength(sec.heading) + 60;
    doc.sections.push(sec);
  }
  return doc;
}
const paragraphsOf = (doc) => doc.sections.flatMap((s) => s.blocks);

/// Edits `fraction` of the paragraphs: replaced words, an added sentence or a dropped one.
function edited(doc, fraction, seed) {
  const r = rng(seed);
  const out = structuredClone(doc);
  out.version = '2025-02-01';
  const ps = paragraphsOf(out);
  const chosen = new Set();
  while (chosen.size < Math.round(ps.length * fraction)) chosen.add(Math.floor(r() * ps.length));
  for (const i of chosen) {
    const p = ps[i];
    const kind = r();
    if (kind < 0.5) {
      const w = p.text.split(' ');
      for (let k = 0; k < 1 + Math.floor(r() * 3); k++) w[Math.floor(r() * w.length)] = pick(r, WORDS);
      p.text = w.join(' ');
    } else if (kind < 0.8) {
      p.text = `${p.text} ${sentence(r)}`;
    } else {
      const ss = p.text.split('. ');
      p.text = ss.length > 1 ? ss.slice(1).join('. ') : sentence(r);
    }
  }
  return out;
}

/// The same outline (ids, counts) with every heading and paragraph written anew.
function rewritten(doc, seed) {
  const r = rng(seed);
  const out = structuredClone(doc);
  out.version = '2025-02-01';
  for (const s of out.sections) {
    s.heading = heading(r);
    for (const b of s.blocks) b.text = paragraph(r);
  }
  return out;
}

const page = path.join(tmp, 'page'); // the diff page's directory
fs.mkdirSync(page);
function write(doc) {
  const rel = `gen/${doc.id}/${doc.version}.json`;
  fs.mkdirSync(path.join(page, 'gen', doc.id), { recursive: true });
  fs.writeFileSync(path.join(page, rel), JSON.stringify(doc, null, 2) + '\n');
  return rel;
}
const g100 = generate('gen-100k', 100 * KB, 1);
const g1m = generate('gen-1m', 1024 * KB, 2);
const g1mRw = { ...g1m, id: 'gen-1m-rewritten' };
const pairs = [
  { label: 'Zeekr 2025-11-10 → 2025-12-31', old: 'policies/zeekr/2025-11-10.json', new: 'policies/zeekr/2025-12-31.json', budget: 5 },
  { label: 'generated 100 KB, 5% of paragraphs edited', old: write(g100), new: write(edited(g100, 0.05, 11)) },
  { label: 'generated 1 MB, 5% of paragraphs edited', old: write(g1m), new: write(edited(g1m, 0.05, 12)), budget: 100 },
  { label: 'generated 1 MB, completely rewritten', old: write(g1mRw), new: write(rewritten(g1mRw, 13)), budget: 300 },
];
// The served directory: a blank page, the widget module, jsdiff and the pairs, same origin.
for (const f of ['policy-lens-changes.js', 'policy-lens-changes_bg.wasm']) fs.symlinkSync(path.join(dist, 'changes', f), path.join(page, f));
fs.symlinkSync(path.join(dist, 'policies'), path.join(page, 'policies'));
fs.symlinkSync(path.join(root, 'node_modules', 'diff', 'dist', 'diff.min.js'), path.join(page, 'diff.min.js'));
fs.writeFileSync(path.join(page, 'index.html'), `<!doctype html><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,">
<script src="/diff.min.js"></script>
<script type="module">
import init, * as m from '/policy-lens-changes.js';
await init({ module_or_path: '/policy-lens-changes_bg.wasm' });
window.widget = m;
document.title = 'ready';
</script>`);
const diffVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'diff', 'package.json'), 'utf8')).version;

// Check the generated files with the CLI (a wrong file would make the benchmark meaningless).
const cli = path.join(path.resolve(root, process.env.CARGO_TARGET_DIR || 'target'), 'release', 'policy-lens');
if (fs.existsSync(cli)) execFileSync(cli, ['validate', path.join(page, 'gen')], { stdio: ['ignore', 'ignore', 'inherit'] });

// ---------------------------------------------------------------------------------------------
// f. Native CLI (first, while the browser is not running)
// ---------------------------------------------------------------------------------------------
log('native CLI');
const nativeArgs = pairs.slice(1).flatMap((p) => [p.label, path.join(page, p.old), path.join(page, p.new)]);
const native = ONLY_LOAD || ONLY_DIFF || ONLY_PHONE ? [] : execFileSync(path.join(root, 'scripts', 'bench-native.sh'), nativeArgs, {
  env: { ...process.env, RUNS: String(RUNS) }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
}).trim().split('\n').map((l) => {
  const [name, med, min, max, bytes] = l.split('\t');
  return { name, med: +med, min: +min, max: +max, bytes: +bytes };
});

// ---------------------------------------------------------------------------------------------
// Browser: b. load to ready, c. memory, d./e. diff speed
// ---------------------------------------------------------------------------------------------
const browser = await launch();
const chromium = browser.version();
const problems = [];

// Each hook records the ready time, then the end of the next frame (`__plPainted`: a
// requestAnimationFrame callback runs just before the frame's style, layout and paint, and a
// message posted from it is handled just after them), and tells the bench through a binding
// (`__plDone`), so that nothing polls the page while it loads: Playwright's waitForFunction
// would inject and run its utility script (about 20 ms of main thread) in the middle of the
// widget's start. The plain page's load event comes before its text is laid out (its first
// layout, 70–150 ms of cold text layout here, runs in the next frame), while the widget's
// ready comes after its own layouts, so only "painted" compares like with like.
const READY_HOOK = () => {
  const painted = () => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { window.__plPainted = performance.now(); window.__plDone?.(); };
    ch.port2.postMessage(0);
  });
  document.addEventListener('policy-lens:ready', () => {
    if (window.__plReady === undefined) {
      window.__plReady = performance.now();
      painted();
    }
  }, { capture: true });
  // The prerendered summary (embed.js marks `pl:prerendered` when it has put it in the page):
  // the end of the frame after it, when its text is on screen.
  try {
    new PerformanceObserver((list) => {
      if (!list.getEntries().some((e) => e.name === 'pl:prerendered')) return;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { window.__plPrerenderPainted = performance.now(); };
        ch.port2.postMessage(0);
      });
    }).observe({ type: 'mark' });
  } catch (e) { /* no mark observer: no prerender time */ }
};
// The plain page is ready when it has loaded (its text and stylesheet).
const LOADED_HOOK = () => {
  window.addEventListener('load', () => {
    window.__plReady = performance.now();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { window.__plPainted = performance.now(); window.__plDone?.(); };
      ch.port2.postMessage(0);
    });
  });
};
// Long tasks (over 50 ms) seen from navigation on, for the main-thread budget.
const LONG_TASKS_HOOK = () => {
  window.__plLong = [];
  try {
    const take = (entries) => { for (const e of entries) window.__plLong.push([e.startTime, e.duration]); };
    const observer = new PerformanceObserver((list) => take(list.getEntries()));
    observer.observe({ type: 'longtask' });
    // Entries are delivered in a later task: the reader flushes the ones still queued.
    window.__plFlushLong = () => take(observer.takeRecords());
  } catch (e) { /* no long-task support: none counted */ }
};

async function loadOnce(origin, url, after, hook = READY_HOOK, throttle = null) {
  const w = await open(browser, origin, throttle?.viewport ? { viewport: throttle.viewport } : {});
  try {
    if (throttle) {
      const cdp = await w.context.newCDPSession(w.page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', throttle.network);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
    }
    let done, timer;
    const ready = new Promise((ok, fail) => {
      done = ok;
      timer = setTimeout(() => fail(new Error(`${url}: not ready within ${throttle ? 40 : 15} s`)), throttle ? 40000 : 15000);
    });
    await w.page.exposeBinding('__plDone', () => done());
    await w.page.addInitScript(LONG_TASKS_HOOK);
    await w.page.addInitScript(hook);
    await w.page.goto(origin + url, { waitUntil: 'commit' });
    await ready.finally(() => clearTimeout(timer));
    const [t, painted] = await w.page.evaluate(() => [window.__plReady, window.__plPainted]);
    const extra = after ? await after(w) : undefined;
    problems.push(...w.problems.filter((p) => !throttle?.expected?.test(p)).map((p) => `${url}: ${p}`));
    return { t, painted, extra };
  } finally {
    await w.context.close();
  }
}

async function loads(origin, url, n = RUNS) {
  await loadOnce(origin, url); // warm-up (server, OS file cache), not counted
  const ts = [];
  for (let i = 0; i < n; i++) ts.push((await loadOnce(origin, url)).t);
  return stats(ts);
}
const fmtLoad = (s) => `median ${ms(s.median)} ms (min ${ms(s.min)}, max ${ms(s.max)}; n=${s.n})`;

/// One load's breakdown, from the navigation and resource timings and the widget's `pl:*`
/// marks (see src/dom.rs `mark`), in ms from navigation start; long tasks that started before
/// the first layer was on screen (read two frames after it, so that every task before has ended).
async function breakdown({ page }) {
  return page.evaluate(async () => {
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const mark = (n) => performance.getEntriesByName(`pl:${n}`)[0]?.startTime;
    const res = (suffix) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith(suffix));
    const js = res('policy-lens-widget.js');
    const wasm = res('policy-lens-widget_bg.wasm');
    const data = performance.getEntriesByType('resource').find((e) => /\/policies\/[^/]+\/[^/]+\.(json|bin)$/.test(new URL(e.name).pathname));
    const pre = performance.getEntriesByType('resource').find((e) => /\/policies\/[^/]+\/[^/]+\.html$/.test(new URL(e.name).pathname));
    const ready = window.__plReady;
    const painted = window.__plPainted;
    window.__plFlushLong?.();
    const long = window.__plLong.filter(([start]) => start < painted);
    const prePainted = window.__plPrerenderPainted;
    // The first layer's text is on screen with the prerender, or with the widget if that came first.
    const shown = Math.min(painted, prePainted ?? Infinity);
    return {
      preStart: pre?.startTime, preEnd: pre?.responseEnd, prerendered: mark('prerendered'),
      prePainted, shown,
      jsEnd: js?.responseEnd, wasmStart: wasm?.startTime, wasmEnd: wasm?.responseEnd,
      start: mark('start'), firstRender: mark('first-render'),
      dataStart: data?.startTime, dataEnd: data?.responseEnd,
      fetched: mark('fetched'), decoded: mark('decoded'), summarised: mark('summarised'), ready, painted,
      longTasks: long.length, longest: Math.max(0, ...long.map(([, d]) => d)),
    };
  });
}

/// Long tasks that started before the page's text was on screen (read two frames after it).
async function longTasks({ page }) {
  return page.evaluate(async () => {
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    window.__plFlushLong?.();
    const long = window.__plLong.filter(([start]) => start < window.__plPainted);
    return { count: long.length, longest: Math.max(0, ...long.map(([, d]) => d)) };
  });
}

/// Opening the changes view from the summary, as a reader does (the header's tab): ms from the
/// click until its verdict is in the DOM. `warm`: once the widget's background work is done
/// (the module preloaded, and its first comparison off screen, `pl:changes-warm`, which
/// compiles its code), as for a reader who has looked at the summary for a moment.
async function openChanges(w, warm) {
  if (warm) {
    await w.page.evaluate(() => window.PolicyLens._preloadChanges());
    await w.page.waitForFunction(() => performance.getEntriesByName('pl:changes-warm').length > 0, null, { timeout: 5000 }).catch(() => {});
  }
  return openTab(w, 'tab-changes', 'verdict');
}

/// Clicks the summary's "Full text" tab once the text module is preloaded; ms until the text
/// is on screen.
async function openText(w) {
  await w.page.evaluate(() => window.PolicyLens._preloadText());
  return openTab(w, 'tab-full', 'full-text');
}

async function openTab({ page }, tabId, doneId) {
  return page.evaluate(([tabId, doneId]) => new Promise((ok) => {
    const done = () => document.querySelector(`[data-testid=${doneId}]`);
    const tab = document.querySelector(`[data-testid=${tabId}]`);
    if (!tab) { ok(NaN); return; } // a policy with one version has no changes view
    const t0 = performance.now();
    new MutationObserver((_, obs) => {
      if (done()) { obs.disconnect(); ok(performance.now() - t0); }
    }).observe(document.body, { childList: true, subtree: true });
    tab.click();
  }), [tabId, doneId]);
}

/// The plain static page with the same policy text as the widget's summary of `file`: what a
/// vendor's own HTML page would cost (the widget's stylesheet, no script). Flattened like the
/// no-wasm fallback in embed/embed.js does.
function plainPage(file) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const esc = (t) => String(t).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
  const out = [];
  const walk = (sections) => (sections || []).forEach((s) => {
    const title = [s.label, s.heading].filter(Boolean).join(' ');
    if (title) out.push(`<h3>${esc(title)}</h3>`);
    for (const b of s.blocks || []) {
      const lines = b.type === 'paragraph' ? [b.text] : b.type === 'list'
        ? (b.items || []).map((i) => [i.label, i.text].filter(Boolean).join(' '))
        : (b.rows || []).map((r) => r.join(' | '));
      for (const l of lines) out.push(`<p>${esc(l)}</p>`);
    }
    walk(s.sections);
  });
  walk(doc.sections);
  return `<!doctype html><html lang="${esc(doc.language)}"><meta charset="utf-8"><link rel="icon" href="data:,">
<title>${esc(doc.title)}</title><link rel="stylesheet" href="/policy-lens.css">
<body class="pl-page"><article><h1>${esc(doc.title)}</h1>
${out.join('\n')}
</article></body></html>
`;
}
fs.writeFileSync(path.join(dist, 'bench-plain.html'), plainPage(largest.file));

// The phone profile: Lighthouse's mobile preset ("slow 4G": 562.5 ms request latency,
// 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up; the CPU 4× slower), a phone-sized viewport, and a
// server that answers gzip as a real host does. Three pages load in turn, so that all see the
// same machine load: the plain page, the summary with its build-time prerender, and the same
// build without the prerender files (embed.js then has none to show; its request gets a 404).
const PHONE = {
  network: { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8, uploadThroughput: (750 * 1024 * 0.9) / 8 },
  cpu: 4,
  viewport: { width: 390, height: 844 },
};
const distNoPrerender = path.join(tmp, 'dist-no-prerender');
async function phoneProfile() {
  log('phone profile (throttled network and CPU)');
  fs.cpSync(dist, distNoPrerender, { recursive: true });
  for (const id of fs.readdirSync(path.join(distNoPrerender, 'policies'))) {
    const folder = path.join(distNoPrerender, 'policies', id);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const f of fs.readdirSync(folder)) if (f.endsWith('.html')) fs.rmSync(path.join(folder, f));
  }
  const withPre = await serve({ dir: dist, gzip: true });
  const without = await serve({ dir: distNoPrerender, gzip: true });
  try {
    const url = `/?policy=${largest.id}&lang=en`;
    const n = Math.max(5, RUNS >> 1);
    const shownOf = async (w) => w.page.evaluate(async () => {
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      return { shown: Math.min(window.__plPainted, window.__plPrerenderPainted ?? Infinity), pre: window.__plPrerenderPainted };
    });
    const plain = [], pre = [], none = [];
    for (let i = 0; i < n; i++) {
      plain.push(await loadOnce(withPre.origin, '/bench-plain.html', undefined, LOADED_HOOK, PHONE));
      pre.push(await loadOnce(withPre.origin, url, shownOf, READY_HOOK, PHONE));
      none.push(await loadOnce(without.origin, url, shownOf, READY_HOOK, { ...PHONE, expected: /^(HTTP 404: .*\/policies\/[^/]+\/[^/]+\.html|console error: Failed to load resource: the server responded with a status of 404 \(Not Found\))$/ }));
    }
    const base = stats(plain.map((p) => p.painted));
    const ratio = (s) => `${(s.median / base.median).toFixed(2)}× the plain page`;
    row(`Phone profile (slow 4G, CPU 4×, 390 px, gzip): plain static page, ${largest.id} text, to its text on screen (baseline)`, fmtLoad(base), '—');
    // A vendor's page with the script tag, as the README shows it, and with the preload hints
    // the README suggests beside it (the widget's own assets, the same for every version).
    const host = (hints) => `<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Vendor page</title>${hints}
<body><h1>Example Motors — Privacy</h1>
<script src="/embed.js" data-policy="${largest.id}" data-lang="en" async></script></body></html>
`;
    fs.writeFileSync(path.join(dist, 'bench-host.html'), host(''));
    fs.writeFileSync(path.join(dist, 'bench-host-hints.html'), host(`
<link rel="modulepreload" href="/policy-lens-widget.js"><link rel="preload" href="/policy-lens-widget_bg.wasm" as="fetch" crossorigin>`));
    const hosts = [[], []];
    for (let i = 0; i < n; i++) {
      hosts[0].push(await loadOnce(withPre.origin, '/bench-host.html', shownOf, READY_HOOK, PHONE));
      hosts[1].push(await loadOnce(withPre.origin, '/bench-host-hints.html', shownOf, READY_HOOK, PHONE));
    }
    for (const [label, runs] of [['script tag on a vendor page', hosts[0]], ['script tag on a vendor page with the two preload hints of the README', hosts[1]]]) {
      const shown = stats(runs.map((r) => r.extra.shown));
      const ready = stats(runs.map((r) => r.painted));
      row(`Phone profile: ${largest.id} summary, ${label}: first layer on screen · ready and on screen`,
        `${fmtLoad(shown)}; ${ratio(shown)} · ${fmtLoad(ready)}; ${ratio(ready)}`, '—');
    }
    for (const [label, runs] of [['with its build-time prerender', pre], ['without a prerender (same build, the prerender files removed)', none]]) {
      const shown = stats(runs.map((r) => r.extra.shown));
      const ready = stats(runs.map((r) => r.painted));
      const first = runs.filter((r) => Number.isFinite(r.extra.pre) && r.extra.pre < r.painted).length;
      row(`Phone profile: ${largest.id} summary ${label}: first layer on screen · ready and on screen`,
        `${fmtLoad(shown)}; ${ratio(shown)} · ${fmtLoad(ready)}; ${ratio(ready)}; the prerender came first in ${first} of ${runs.length}`,
        `${mark(shown.median / base.median <= 2)} ≤ 2× (first layer) · ${mark(ready.median / base.median <= 2)} ≤ 2× (ready)`);
    }
    // Links straight to the other views: each needs its module before it is ready, which
    // embed.js asks for from the start, with the widget's own wasm.
    // Each has a prerender of its own: loaded with and without it, in turn.
    const noPrerender = { ...PHONE, expected: /^(HTTP 404: .*\/policies\/[^/]+\/[^/]+\.html|console error: Failed to load resource: the server responded with a status of 404 \(Not Found\))$/ };
    for (const [label, view] of [['full text', 'full'], ['"What changed" (both versions)', 'changes']]) {
      const url = `/?policy=${largest.id}&view=${view}&lang=en`;
      const runs = [], bare = [];
      for (let i = 0; i < n; i++) {
        runs.push(await loadOnce(withPre.origin, url, shownOf, READY_HOOK, PHONE));
        bare.push(await loadOnce(without.origin, url, shownOf, READY_HOOK, noPrerender));
      }
      for (const [how, rs] of [[' with its build-time prerender', runs], [' without a prerender (the files removed)', bare]]) {
        const shown = stats(rs.map((r) => r.extra.shown));
        const ready = stats(rs.map((r) => r.painted));
        row(`Phone profile: a link straight to the ${largest.id} ${label}${how}: text on screen · ready and on screen`,
          `${fmtLoad(shown)}; ${ratio(shown)} · ${fmtLoad(ready)}; ${ratio(ready)}`, '—');
      }
    }
  } finally {
    await withPre.close();
    await without.close();
  }
}

const site = await serve({ dir: dist });
try {
  if (ONLY_DIFF) throw new Done();
  if (ONLY_PHONE) { await phoneProfile(); throw new Done(); }
  // The largest policy's summary and the plain page, loaded alternately (so that both see the
  // same machine load), with the widget's load broken down.
  log('load breakdown and plain-page baseline');
  const summaryUrl = `/?policy=${largest.id}&lang=en`;
  await loadOnce(site.origin, summaryUrl);
  await loadOnce(site.origin, '/bench-plain.html', undefined, LOADED_HOOK);
  const runs = [];
  const plain = [];
  for (let i = 0; i < RUNS; i++) {
    // Every other load opens the changes view right at ready; the others once the background
    // preload of the changes module has finished (a reader who looks at the summary first).
    const warm = i % 2 === 1;
    runs.push((await loadOnce(site.origin, summaryUrl, async (w) => ({ ...(await breakdown(w)), warm, open: await openChanges(w, warm) }))).extra);
    plain.push(await loadOnce(site.origin, '/bench-plain.html', longTasks, LOADED_HOOK));
  }
  const med = (f) => median(runs.map(f).filter((x) => Number.isFinite(x)));
  const widget = stats(runs.map((r) => r.ready));
  const base = stats(plain.map((p) => p.t));
  const ratio = widget.median / base.median;
  const widgetShown = stats(runs.map((r) => r.shown));
  const widgetReady = stats(runs.map((r) => r.painted));
  const baseShown = stats(plain.map((p) => p.painted));
  const shownRatio = widgetShown.median / baseShown.median;
  const readyRatio = widgetReady.median / baseShown.median;
  const prerendered = runs.filter((r) => Number.isFinite(r.prePainted) && r.prePainted < r.painted).length;
  row(`Load: plain static page, ${largest.id} text (same run, baseline), to its text on screen (the frame after its load event)`, fmtLoad(baseShown));
  row(`Load: ${largest.id} summary, to its first layer on screen (the build-time prerender, shown only when it arrives before the wasm; else the widget's own render), against the plain page`,
    `${fmtLoad(widgetShown)}; ${shownRatio.toFixed(2)}× the plain page; the prerender was shown first in ${prerendered} of ${runs.length} loads`,
    `${mark(shownRatio <= 2)} ≤ 2× · stretch ≤ 1.3× ${mark(shownRatio <= 1.3)}; ${mark(widgetShown.median <= 150)} ≤ 150 ms absolute (idle machine)`);
  row(`Load: ${largest.id} summary, ready (the widget's own render, interactive) and on screen, against the plain page`,
    `${fmtLoad(widgetReady)}; ${readyRatio.toFixed(2)}× the plain page`,
    `${mark(readyRatio <= 2)} ≤ 2× · stretch ≤ 1.3× ${mark(readyRatio <= 1.3)}; ${mark(widgetReady.median <= 150)} ≤ 150 ms absolute (idle machine)`);
  row(`Load: plain static page, ${largest.id} text, to its load event (before its text is laid out)`, fmtLoad(base));
  row(`Load to ready: ${largest.id} summary (after its layouts), against the plain page's load event (earlier rounds' ratio)`,
    `${fmtLoad(widget)}; ${ratio.toFixed(2)}× the plain page's load event`, '—');
  const stage = (label, f) => `${label} ${ms(med(f))}`;
  row(`Load breakdown: ${largest.id} summary (medians, ms from navigation start unless "+")`, [
    stage('JS fetched at', (r) => r.jsEnd),
    stage('· wasm fetch', (r) => r.wasmStart) + `–${ms(med((r) => r.wasmEnd))}`,
    stage('· compile + instantiate +', (r) => r.start - r.wasmEnd),
    stage('· first render (loading) +', (r) => r.firstRender - r.start),
    stage('· prerender fetch', (r) => r.preStart) + `–${ms(med((r) => r.preEnd))}`,
    stage('· prerender in the page (when shown) at', (r) => r.prerendered),
    stage('· on screen +', (r) => r.prePainted - r.prerendered),
    stage('· data fetch', (r) => r.dataStart) + `–${ms(med((r) => r.dataEnd))}`,
    stage('· bytes in the wasm at', (r) => r.fetched),
    stage('· decode +', (r) => r.decoded - r.fetched),
    stage('· summarise +', (r) => r.summarised - r.decoded),
    stage('· render to ready +', (r) => r.ready - r.summarised),
    stage('· ready at', (r) => r.ready),
    stage('· on screen +', (r) => r.painted - r.ready),
  ].join(' '));
  const open = stats(runs.filter((r) => r.warm).map((r) => r.open).filter(Number.isFinite));
  if (open.n) row(`Opening the changes view from the ${largest.id} summary, changes module preloaded and warmed up (click to verdict, both versions)`,
    fmtLoad(open), `${mark(open.median <= 150)} ≤ 150 ms`);
  const texts = [];
  for (let i = 0; i < Math.max(5, RUNS >> 1); i++) texts.push((await loadOnce(site.origin, summaryUrl, openText)).extra);
  row(`Opening the full text from the ${largest.id} summary, text module preloaded (click to text)`, fmtLoad(stats(texts)), '—');
  const cold = stats(runs.filter((r) => !r.warm).map((r) => r.open).filter(Number.isFinite));
  if (cold.n) row(`Opening the changes view right at ready (its module still loading; click to verdict)`, fmtLoad(cold), '—');
  const long = stats(runs.map((r) => r.longTasks));
  row(`Main thread: long tasks (> 50 ms) before the widget is ready and on screen, ${largest.id} summary (the prerender's layout included)`,
    `median ${long.median} per load (max ${long.max}; loads with one: ${runs.filter((r) => r.longTasks > 0).length} of ${runs.length}); longest median ${ms(med((r) => r.longest))} ms`,
    `${mark(long.median === 0)} none`);
  const plainLong = stats(plain.map((p) => p.extra.count));
  row('Main thread: long tasks (> 50 ms) before its text is on screen, the plain page (same run, baseline)',
    `median ${plainLong.median} per load (max ${plainLong.max}); longest median ${ms(median(plain.map((p) => p.extra.longest)))} ms`, '—');

  await phoneProfile();
  if (ONLY_LOAD) throw new Done();
  log('load to ready');
  for (const p of policies.filter((p) => p !== largest)) {
    row(`Load to ready: ${p.id} summary (${kb(p.bytes)} data)`, fmtLoad(await loads(site.origin, `/?policy=${p.id}&lang=en`)));
  }
  row('Load to ready: zeekr changes view (both versions)', fmtLoad(await loads(site.origin, '/?policy=zeekr&view=changes')));
  row('Load to ready: zeekr full text (a link straight to it)', fmtLoad(await loads(site.origin, '/?policy=zeekr&view=full&lang=en')));
  if (fs.existsSync(path.join(dist, 'demo', 'script-tag.html'))) {
    const tag = fs.readFileSync(path.join(dist, 'demo', 'script-tag.html'), 'utf8').match(/<script[^>]*embed\.js[^>]*>/)?.[0] || '';
    const what = [...tag.matchAll(/data-(policy|view)="([^"]*)"/g)].map((m) => m[2]).join(' ');
    row(`Load to ready: script-tag embed on a host page (demo/script-tag.html, ${what})`, fmtLoad(await loads(site.origin, '/demo/script-tag.html')));
  } else {
    row('Load to ready: script-tag embed', 'skipped: dist/demo/script-tag.html does not exist in this build');
  }

  // c. Memory after ready, after a forced garbage collection.
  log('memory');
  const memory = async (url) => (await loadOnce(site.origin, url, async ({ context, page }) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    // The page's own module instance: same URL, so import() returns the module the page
    // loaded, and its init function returns the already-initialised exports.
    const wasmBytes = await page.evaluate(async () => {
      const m = await import('/policy-lens-widget.js');
      if (window.wasmBindings && window.wasmBindings !== m) throw new Error('a second module instance');
      const exports = await m.default();
      return exports.memory.buffer.byteLength;
    });
    return { heap, wasmBytes };
  })).extra;
  for (const [label, url] of [[`${largest.id} summary (largest policy)`, `/?policy=${largest.id}&lang=en`], ['zeekr changes view', '/?policy=zeekr&view=changes']]) {
    const { heap, wasmBytes } = await memory(url);
    row(`Memory after ready: ${label}`, `JS heap ${kb(heap)} + wasm linear memory ${kb(wasmBytes)} = ${kb(heap + wasmBytes)}`);
  }
} catch (e) {
  if (!(e instanceof Done)) throw e;
} finally {
  await site.close();
}

// d. + e. Diff speed: the engine through benchDiff, jsdiff on the flat texts, same page.
const bench = await serve({ dir: page });
try {
  if (ONLY_LOAD || ONLY_PHONE) throw new Done();
  log('diff speed');
  const w = await open(browser, bench.origin);
  await w.page.goto(bench.origin + '/');
  await w.page.waitForFunction(() => window.widget && window.Diff, null, { timeout: 15000 });
  for (const pair of pairs) {
    log(' ', pair.label);
    const r = await w.page.evaluate(async ({ pair, runs, timeout, total }) => {
      const get = async (u) => new Uint8Array(await (await fetch('/' + u)).arrayBuffer());
      const [a, b] = await Promise.all([get(pair.old), get(pair.new)]);
      // Both engines are warmed up alike before they are timed: V8 first runs wasm and JS on
      // baseline code and optimises the hot functions in the background, so the first runs of
      // a fresh page are several times slower (the Zeekr pair: 1.4–35 ms for its first dozen
      // runs, 0.5–0.9 ms after). At least 3 runs and 2 s each, unless a run gives up or
      // takes over 2 s. (The first diff a reader sees is in "Opening the changes view".)
      const warm = (run) => {
        const t0 = performance.now();
        for (let n = 0; n < 3 || performance.now() - t0 < 2000; n++) {
          const t = performance.now();
          if (run() === false || performance.now() - t > 2000) break;
        }
      };
      warm(() => { window.widget.benchDiff(a, b, 1, 1); });
      // performance.now() has a 0.1 ms resolution here, so a fast diff is timed over a batch
      // of runs (about 5 ms) and divided.
      const once = window.widget.benchDiff(a, b, 3, 1);
      const batch = Math.max(1, Math.min(50, Math.ceil(5 / Math.max(0.05, Math.min(once[0], once[1], once[2])))));
      // The flat text: every heading and block text, in document order.
      const flat = (bytes) => {
        const doc = JSON.parse(new TextDecoder().decode(bytes));
        const parts = [];
        const walk = (s) => {
          const title = [s.label, s.heading].filter(Boolean).join(' ');
          if (title) parts.push(title);
          for (const blk of s.blocks || []) {
            if (blk.type === 'paragraph') parts.push(blk.text);
            else if (blk.type === 'list') parts.push(...blk.items.map((i) => [i.label, i.text].filter(Boolean).join(' ')));
            else if (blk.type === 'table') parts.push(...blk.rows.map((row) => row.join('\t')));
          }
          (s.sections || []).forEach(walk);
        };
        doc.sections.forEach(walk);
        return parts.join('\n\n');
      };
      const ta = flat(a);
      const tb = flat(b);
      const js = { diffWords: { times: [], gaveUp: null } };
      // The engine and jsdiff diffWords (the budget's baseline) are timed in turn, a sample of
      // each at a time, so that both see the machine in the same state: timed one after the
      // other, a ratio moved with the machine's speed between the two (on the Zeekr pair,
      // 6.8× in one run and 13.2× in another with the same engine).
      warm(() => window.Diff.diffWords(ta, tb, { timeout }) !== undefined);
      const out = [];
      let changes = 0;
      const start = performance.now();
      for (let i = 0; i < runs; i++) {
        const e = window.widget.benchDiff(a, b, 1, batch);
        out.push(e[0]);
        changes = e[1];
        const w = js.diffWords;
        if (w.gaveUp !== null || performance.now() - start >= total) continue;
        const t = performance.now();
        const res = window.Diff.diffWords(ta, tb, { timeout });
        const dt = performance.now() - t;
        if (res === undefined) w.gaveUp = dt;
        else w.times.push(dt);
      }
      for (const fn of ['diffChars']) {
        warm(() => window.Diff[fn](ta, tb, { timeout }) !== undefined);
        const times = [];
        let gaveUp = null;
        const start = performance.now();
        for (let i = 0; i < runs && performance.now() - start < total; i++) {
          const t = performance.now();
          const res = window.Diff[fn](ta, tb, { timeout });
          const dt = performance.now() - t;
          if (res === undefined) { gaveUp = dt; break; }
          times.push(dt);
        }
        js[fn] = { times, gaveUp };
      }
      return { times: out, changes, batch, chars: [ta.length, tb.length], js };
    }, { pair, runs: RUNS, timeout: JSDIFF_TIMEOUT_MS, total: JSDIFF_TOTAL_MS });
    const bytes = fs.statSync(path.join(page, pair.old)).size + fs.statSync(path.join(page, pair.new)).size;
    const s = stats(r.times);
    const budget = pair.budget === undefined ? '—'
      : `${mark(s.median <= pair.budget)} ≤ ${pair.budget} ms`;
    row(`Diff in the browser: ${pair.label} (${kb(bytes)} of JSON, ${r.changes} changes)`,
      `median ${ms(s.median)} ms (min ${ms(s.min)}, max ${ms(s.max)}; n=${s.n}${r.batch > 1 ? `, each the mean of a batch of ${r.batch}` : ''})`, budget);
    for (const fn of ['diffWords', 'diffChars']) {
      const { times, gaveUp } = r.js[fn];
      let result;
      let ratio = null;
      if (gaveUp !== null && times.length === 0) {
        result = `gave up (timeout ${JSDIFF_TIMEOUT_MS / 1000} s, after ${ms(gaveUp)} ms); engine ≥ ${(gaveUp / s.median).toFixed(0)}× faster than jsdiff`;
      } else {
        const j = stats(times);
        ratio = j.median / s.median;
        const speed = ratio >= 1 ? `engine ${ratio.toFixed(1)}× faster than jsdiff` : `engine ${(1 / ratio).toFixed(1)}× slower than jsdiff`;
        result = `median ${ms(j.median)} ms (min ${ms(j.min)}, max ${ms(j.max)}; n=${j.n}); ${speed}`;
        if (gaveUp !== null) result += `; gave up once after ${ms(gaveUp)} ms`;
      }
      const budget = pair.budget === 5 && fn === 'diffWords' ? `${mark(ratio !== null ? ratio >= 10 : true)} engine ≥ 10× faster` : '—';
      row(`jsdiff ${diffVersion} ${fn}: ${pair.label} (${(r.chars[0] / 1000).toFixed(0)}k + ${(r.chars[1] / 1000).toFixed(0)}k chars of flat text)`, result, budget);
    }
  }
  problems.push(...w.problems.map((p) => `bench page: ${p}`));
  await w.context.close();
} catch (e) {
  if (!(e instanceof Done)) throw e;
} finally {
  await bench.close();
  await browser.close();
}

for (const n of native) {
  const mbs = n.bytes / 1e6 / (n.med / 1000);
  row(`CLI \`policy-lens ${n.name}\` (${kb(n.bytes)} input, whole process)`,
    `median ${ms(n.med)} ms (min ${ms(n.min)}, max ${ms(n.max)}; n=${RUNS}) · ${mbs.toFixed(1)} MB/s`);
}

fs.rmSync(tmp, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------
console.log(`Machine: ${cpu}, ${cores} cores (1-min load average ${load.toFixed(2)} at start), Linux ${os.release()}; Chromium ${chromium} (headless); Node ${process.version}; ${new Date().toISOString().slice(0, 10)}. KB = 1024 bytes.`);
for (const n of notes) console.log(n);
console.log();
console.log('| Measure | Result | Budget |');
console.log('|---|---|---|');
for (const [m, r, b] of rows) console.log(`| ${m} | ${r} | ${b} |`);
if (problems.length) {
  console.log();
  console.log(`Page problems seen while measuring (${problems.length}):`);
  for (const p of [...new Set(problems)].slice(0, 20)) console.log(`- ${p}`);
}
