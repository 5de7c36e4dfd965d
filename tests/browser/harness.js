// Shared browser-test harness: serves dist/ on 127.0.0.1 and drives Debian's Chromium with
// playwright-core. Every page is watched: a page error, a console error, a failed request or
// a request to another origin fails the test that made it.
import http from 'node:http';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const dist = path.join(root, 'dist');
export const shots = path.join(root, 'tests', 'screenshots');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.bin': 'application/octet-stream',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

const fixtures = path.join(root, 'tests', 'browser', 'fixtures');

/// Host-given test data: `/fixtures/<name>/` answers the version files in
/// `tests/browser/fixtures/<name>/` as one JSON array (what a host may pass as `src`), oldest
/// first. Returns false when the path is not a fixture folder.
function serveFixture(urlPath, res) {
  const name = urlPath.match(/^\/fixtures\/([\w-]+)\/$/)?.[1];
  const folder = name && path.join(fixtures, name);
  if (!folder || !fs.existsSync(folder)) return false;
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  const versions = files.map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')));
  res.writeHead(200, { 'content-type': types['.json'], 'cache-control': 'no-store' }).end(JSON.stringify(versions));
  return true;
}

/// Starts a static server on an ephemeral port. `headers(urlPath, query)` may add response
/// headers.
/// `gzip`: answers gzip (level 9, made once a file) when the request accepts it, as a real host
/// does; the bench's phone profile uses it, where the bytes on the wire matter.
export async function serve({ headers = () => ({}), dir = dist, gzip = false } = {}) {
  const gzipped = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (serveFixture(url.pathname, res)) return;
    let p = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = path.join(dir, p);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    const head = { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', ...headers(url.pathname, url.searchParams) };
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      if (!gzipped.has(file)) gzipped.set(file, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
      res.writeHead(200, { ...head, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(gzipped.get(file));
      return;
    }
    res.writeHead(200, head);
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/// The strict Content-Security-Policy the README states, sent with /demo/strict-csp.html by
/// `serveStrictCsp()`.
export const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
/// A host that also enforces Trusted Types (/demo/trusted-types.html): HTML reaches the DOM only
/// through a policy it allows by name; `?policies=` names them (`policy-lens` by default,
/// `'none'` for a host that allows none).
export const trustedTypesCsp = (policies = 'policy-lens') => `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types ${policies}`;
export const serveStrictCsp = () => serve({
  headers: (p, query) => (p.endsWith('/strict-csp.html') ? { 'content-security-policy': STRICT_CSP }
    : p.endsWith('/trusted-types.html') ? { 'content-security-policy': trustedTypesCsp(query.get('policies') || undefined) } : {}),
});

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/// Opens a watched page. `problems` collects page errors, console errors, failed requests and
/// requests to other origins; `requests` lists every URL requested.
export async function open(browser, origin, { viewport = { width: 1280, height: 800 }, colorScheme = 'light', locale = 'en-US', allowErrors = false, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale, javaScriptEnabled });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !allowErrors) problems.push(`console error: ${m.text()}`); });
  page.on('requestfailed', (r) => {
    // The changes and text modules are preloaded in the background once a summary is ready; a
    // test that navigates away meanwhile cancels that preload, which is not a failure.
    if (/\/(changes|text)\/policy-lens-(changes|text)[._]/.test(r.url()) && r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('request', (r) => {
    requests.push(r.url());
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`request to another origin: ${u}`);
  });
  page.on('response', (r) => { if (r.status() >= 400 && !allowErrors) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return { context, page, problems, requests };
}

/// Navigates and waits for the widget's ready signal (never a sleep).
export async function gotoReady(page, url, selector = '#policy-lens') {
  await page.goto(url);
  await page.waitForSelector(`${selector}[data-ready]`, { state: 'attached', timeout: 15000 });
}

export async function screenshot(page, name) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
}
