// The build-time prerender (src/prerender_main.rs, embed/embed.js): while the widget's wasm
// downloads and compiles, the page shows the summary the widget's own components rendered at
// build time, inert; once the widget is ready it takes that place with the same first layer.
// The prerender stands in for the wasm, so each test that expects it holds the wasm back (a
// routed request that waits), so that the prerender is seen for certain, then lets it go.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveStrictCsp, launch, open, screenshot, dist } from './harness.js';

let server, browser;
before(async () => {
  server = await serveStrictCsp();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/// Holds every request for the widget's wasm until `release()`; `fail` answers 404 instead.
async function holdWasm(page) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/policy-lens-widget_bg.wasm', async (route) => {
    const how = await gate;
    if (how === 'fail') await route.fulfill({ status: 404, body: 'gone' });
    else await route.continue();
  });
  return { release: () => release('go'), fail: () => release('fail') };
}

const prerenderRequests = (requests) => requests.filter((u) => /\/policies\/[^?]+\.html$/.test(new URL(u).pathname));

/// Opens `url` on a phone with the wasm of a view's module (`module`, a glob) held until
/// `release()`: the widget's own wasm arrives and starts, but the view needs the module, so its
/// prerender must stay. Returns once the prerender is visible and the widget has started.
async function openWithModuleHeld(module, url) {
  const opened = await open(browser, server.origin, { viewport: { width: 390, height: 844 } });
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await opened.page.route(module, async (route) => { await gate; await route.continue(); });
  await opened.page.goto(server.origin + url);
  const pre = opened.page.locator('[data-prerender]');
  await pre.waitFor({ state: 'visible' });
  await opened.page.waitForFunction(() => performance.getEntriesByName('pl:start').length === 1);
  assert.ok(await pre.isVisible(), `${url}: the prerender stays while the widget runs without its module`);
  return { ...opened, pre, release };
}

/// Checks that the prerender opened by `openWithModuleHeld` stands in, inert, for the hidden
/// widget, and is the one file `path`; then lets the module go and waits until the widget is
/// ready and the prerender gone.
async function standsInUntilReady({ page, requests, pre, release }, path, shot) {
  assert.equal(await pre.evaluate((e) => e.inert && e.getAttribute('aria-busy')), 'true');
  assert.equal(await page.locator('#policy-lens').isVisible(), false);
  assert.deepEqual(prerenderRequests(requests).map((u) => new URL(u).pathname), [path]);
  await screenshot(page, shot);
  release();
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached', timeout: 15000 });
  assert.equal(await pre.count(), 0, 'the prerender is gone at ready');
}

test('the full page shows the prerendered summary while the wasm loads; the widget takes its place with the same first layer', async () => {
  const { page, problems, requests, context } = await open(browser, server.origin, { viewport: { width: 390, height: 844 } });
  const wasm = await holdWasm(page);
  await page.goto(`${server.origin}/?policy=zeekr&lang=en`);
  const pre = page.locator('[data-prerender]');
  await pre.waitFor({ state: 'visible' });
  // What a reader sees before any wasm has run: the first layer, in English, quotes and all.
  const glance = pre.locator('[data-testid=at-a-glance]');
  assert.ok(await glance.isVisible());
  const preText = await glance.innerText();
  assert.match(preText, /At a glance/i);
  assert.ok(preText.includes('400-003-6036'), preText.slice(0, 300));
  assert.equal(await pre.evaluate((e) => e.inert && e.getAttribute('aria-busy')), 'true');
  // The first layer only: the sections come with the widget.
  assert.equal(await pre.locator('[data-testid=sections]').count(), 0);
  assert.equal(await page.locator('#policy-lens').isVisible(), false);
  assert.deepEqual(prerenderRequests(requests).map((u) => new URL(u).pathname), ['/policies/zeekr/2025-12-31.en.html']);
  await screenshot(page, 'prerender-phone');
  wasm.release();
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached', timeout: 15000 });
  assert.equal(await pre.count(), 0, 'the prerender is gone at ready');
  assert.ok(await page.locator('#policy-lens').isVisible());
  const own = await page.locator('#policy-lens [data-testid=at-a-glance]').innerText();
  assert.equal(own, preText, 'the widget shows the same first layer as the prerender');
  // And it is the widget now: a tab works.
  await page.locator('[data-testid=tab-full]').click();
  await page.waitForSelector('[data-testid=full-text]');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the script-tag embed shows the prerender in its shadow root, in the language it asks for, under a strict CSP too', async () => {
  for (const [url, lang, expect] of [['/demo/script-tag.html', 'zh-CN', '一览'], ['/demo/strict-csp.html', 'en', 'WeChat SDK']]) {
    const { page, problems, context } = await open(browser, server.origin);
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    const wasm = await holdWasm(page);
    await page.goto(server.origin + url);
    const pre = page.locator('policy-lens [data-prerender]');
    await pre.waitFor({ state: 'visible' });
    const preText = await pre.locator('[data-testid=at-a-glance]').innerText();
    assert.ok(preText.includes(expect), `${url}: ${preText.slice(0, 200)}`);
    assert.equal(await pre.locator('.policy-lens').getAttribute('lang'), lang);
    assert.equal(await page.$eval('policy-lens', (h) => h.shadowRoot.querySelector('.pl-host:not([data-prerender])').hidden), true);
    wasm.release();
    await page.waitForSelector('policy-lens[data-ready]');
    assert.equal(await pre.count(), 0, `${url}: the prerender is gone at ready`);
    const own = await page.$eval('policy-lens', (h) => h.shadowRoot.querySelector('[data-testid=at-a-glance]').innerText);
    assert.equal(own, preText, `${url}: the same first layer`);
    assert.deepEqual(violations, [], url);
    assert.deepEqual(problems, [], url);
    await context.close();
  }
});

test('a link to an older version, named, shows that version\'s own prerendered summary; the widget takes its place with the same first layer', async () => {
  const { page, problems, requests, context } = await open(browser, server.origin);
  const wasm = await holdWasm(page);
  await page.goto(`${server.origin}/?policy=zeekr&version=2025-11-10&lang=zh-CN`);
  const pre = page.locator('[data-prerender]');
  await pre.waitFor({ state: 'visible' });
  assert.deepEqual(prerenderRequests(requests).map((u) => new URL(u).pathname), ['/policies/zeekr/2025-11-10.zh-CN.html']);
  const preText = await pre.locator('[data-testid=at-a-glance]').innerText();
  // That version's data, not the latest's.
  assert.ok(preText.includes('本副本 2025-11-10') && !preText.includes('本副本 2025-12-31'), preText.slice(0, 400));
  wasm.release();
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached', timeout: 15000 });
  assert.equal(await pre.count(), 0, 'the prerender is gone at ready');
  assert.equal(await page.locator('#policy-lens [data-testid=at-a-glance]').innerText(), preText);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link straight to the full text shows its prerendered text until the text module has come too; the widget takes its place with the same text', async () => {
  // Only the text module is held (a summary's prerender would not be shown once the widget runs).
  const opened = await openWithModuleHeld('**/text/policy-lens-text_bg.wasm', '/?policy=zeekr&lang=en&view=full');
  const { page, problems, context, pre } = opened;
  const article = '[data-testid=full-text] article';
  const preText = await pre.locator(article).innerText();
  assert.ok(preText.includes('极氪') && preText.length > 10000, preText.slice(0, 200));
  assert.equal(await pre.locator('[data-testid=tab-full]').getAttribute('aria-current'), 'page');
  await standsInUntilReady(opened, '/policies/zeekr/2025-12-31.en.full.html', 'prerender-full-phone');
  // The text module's view, mounted beside the widget's root, and shown once the prerender is gone.
  assert.ok(await page.locator(`.pl-text-host ${article}`).isVisible());
  assert.equal(await page.locator(`.pl-text-host ${article}`).innerText(), preText, 'the widget shows the same text');
  // It is the widget now: its search works.
  await page.locator('[data-testid=search-input]').fill('个人信息');
  assert.match(await page.locator('[data-testid=search-status]').innerText(), /^1 \/ \d+ matches$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link straight to What changed, its pair named, shows the prerendered comparison until the changes module has come too; the widget takes its place with the same changes', async () => {
  const opened = await openWithModuleHeld('**/changes/policy-lens-changes_bg.wasm', '/?policy=zeekr&lang=zh-CN&view=changes&from=2025-11-10&to=2025-12-31');
  const { page, problems, context, pre } = opened;
  const change = '[data-testid=change]';
  assert.equal(await pre.locator(change).count(), 1);
  const preChange = await pre.locator(change).innerText();
  assert.ok(preChange.includes('吉利汽车备件') && preChange.includes('浩物网络科技'), preChange);
  const preVerdict = await pre.locator('[data-testid=verdict]').innerText();
  assert.ok(preVerdict.length > 10, preVerdict);
  await standsInUntilReady(opened, '/policies/zeekr/2025-12-31.zh-CN.changes.html', 'prerender-changes-phone');
  const host = page.locator('.pl-changes-host');
  assert.ok(await host.locator(change).isVisible());
  assert.equal(await host.locator(change).innerText(), preChange, 'the widget shows the same change');
  assert.equal(await host.locator('[data-testid=verdict]').innerText(), preVerdict);
  // It is the widget now: unchanged runs expand on request.
  const rows = await host.locator('.pl-lrow').count();
  await host.locator('[data-testid=show-unchanged]').first().click();
  assert.ok(await host.locator('.pl-lrow').count() > rows);
  assert.deepEqual(problems, []);
  await context.close();
});

test('nothing is prerendered where the widget would show something else', async () => {
  const cases = [
    ['/?policy=zeekr&version=2099-01-01&lang=en', '#policy-lens'], // a version the index does not have
    ['/?policy=zeekr&view=changes&from=2025-12-31&to=2025-11-10&lang=en', '#policy-lens'], // another pair
    ['/?policy=kaiyang&view=changes&lang=en', '#policy-lens'], // one version: nothing to compare
    ['/?policy=zeekr&lang=en&section=s1', '#policy-lens'], // a place in the page
    ['/demo/no-wasm.html', 'policy-lens'], // no WebAssembly: the fallback shows the text
    // Host data (src): nothing for #bad. Its neighbour #good, a changes view of the default
    // pair, may have its own, which is gone once it is ready.
    ['/demo/two-widgets.html', '#bad', ['/policies/zeekr/2025-12-31.en.changes.html']],
  ];
  for (const [url, host, others = []] of cases) {
    const { page, requests, context } = await open(browser, server.origin, { allowErrors: true });
    await page.goto(server.origin + url);
    await page.waitForSelector(`${host}[data-ready]`, { state: 'attached', timeout: 15000 });
    assert.deepEqual(prerenderRequests(requests).map((u) => new URL(u).pathname), others, url);
    if (others.length) await page.waitForSelector('#good[data-ready]', { state: 'attached', timeout: 15000 });
    assert.equal(await page.locator('[data-prerender]').count(), 0, url);
    await context.close();
  }
});

test('a widget ready before its prerender arrives never shows it', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/policies/**/*.html', async (route) => { await gate; await route.continue(); });
  await page.goto(`${server.origin}/?policy=kaiyang&lang=en`);
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached', timeout: 15000 });
  const arrived = page.waitForResponse((r) => r.url().endsWith('.en.html'));
  release();
  await arrived;
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50))));
  assert.equal(await page.locator('[data-prerender]').count(), 0);
  assert.ok(await page.locator('#policy-lens [data-testid=at-a-glance]').isVisible());
  assert.deepEqual(problems, []);
  await context.close();
});

test('a widget whose wasm has arrived when its prerender does (so only its data or its start is awaited) does not show it', async () => {
  const cases = [
    ['/?policy=zeekr&lang=en', '#policy-lens', '**/policies/**/*.bin'], // the data is late
    ['/demo/script-tag.html', 'policy-lens', '**/policies/**/*.bin'],
    ['/demo/script-tag.html', 'policy-lens', /\/policy-lens-widget\.js(\?.*)?$/], // the wasm is there, its glue is late
  ];
  for (const [url, widget, late] of cases) {
    const { page, problems, context } = await open(browser, server.origin);
    const gates = {};
    for (const pattern of ['**/policies/**/*.html', late]) {
      const gate = new Promise((ok) => { gates[pattern] = ok; });
      await page.route(pattern, async (route) => { await gate; await route.continue(); });
    }
    await page.goto(server.origin + url);
    await page.waitForFunction(() => performance.getEntriesByName(new URL('/policy-lens-widget_bg.wasm', location.href).href).length > 0);
    if (late instanceof RegExp) {
      // The glue is held, so the widget has not started: only the wasm's arrival keeps the
      // prerender away.
      assert.equal(await page.$eval(widget, (h) => h.shadowRoot.querySelector('.pl-host').childElementCount), 0, 'not started');
      assert.equal(await page.evaluate(() => performance.getEntriesByName('pl:start').length), 0, 'no start mark');
    }
    const arrived = page.waitForResponse((r) => /\.(en|zh-CN)\.html$/.test(r.url()));
    gates['**/policies/**/*.html']();
    await arrived;
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50))));
    const shown = () => page.evaluate((w) => {
      const host = document.querySelector(w);
      return (w === '#policy-lens' ? document : host.shadowRoot).querySelectorAll('[data-prerender]').length
        + performance.getEntriesByName('pl:prerendered').length;
    }, widget);
    assert.equal(await shown(), 0, `${url}, ${late} held: no prerender meanwhile`);
    gates[late]();
    await page.waitForSelector(`${widget}[data-ready=true]`, { state: 'attached', timeout: 15000 });
    assert.equal(await shown(), 0, `${url}, ${late} held: nor after`);
    assert.deepEqual(problems, [], url);
    await context.close();
  }
});

test('a widget whose wasm cannot load replaces the prerender with the readable fallback', async () => {
  const { page, context } = await open(browser, server.origin, { allowErrors: true });
  const wasm = await holdWasm(page);
  await page.goto(`${server.origin}/demo/script-tag.html`);
  const pre = page.locator('policy-lens [data-prerender]');
  await pre.waitFor({ state: 'visible' });
  wasm.fail();
  await page.waitForSelector('policy-lens[data-ready=fallback]');
  assert.equal(await pre.count(), 0);
  const fallback = page.locator('policy-lens [data-testid=fallback]');
  assert.ok(await fallback.isVisible());
  // In the widget's language (zh-CN here), as the widget would have spoken.
  assert.equal(await fallback.getAttribute('lang'), 'zh-CN');
  assert.match(await fallback.locator('p').first().innerText(), /^交互式摘要无法在此运行（.+）。$/);
  assert.equal(await fallback.locator('summary').innerText(), '全文');
  await fallback.locator('summary').click();
  assert.ok((await fallback.innerText()).includes('极氪'));
  await context.close();
});

test('the full page asks for its data and prerender with its own HTML, not after another script or its stylesheet has arrived', async () => {
  const { page, problems, requests, context } = await open(browser, server.origin);
  // The stylesheet and the wasm are held: the page's data and prerender requests must not wait
  // for either (embed.js is written inline, before the stylesheet; scripts/inline-embed.mjs).
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(/\/policy-lens\.css$|\/policy-lens-widget_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  const asked = Promise.all([
    page.waitForRequest((r) => new URL(r.url()).pathname === '/policies/zeekr/2025-12-31.bin', { timeout: 10000 }),
    page.waitForRequest((r) => new URL(r.url()).pathname === '/policies/zeekr/2025-12-31.en.html', { timeout: 10000 }),
  ]);
  const nav = page.goto(`${server.origin}/?policy=zeekr&lang=en`, { waitUntil: 'commit' });
  try {
    await asked;
  } finally {
    release();
  }
  await nav;
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached', timeout: 15000 });
  assert.ok(!requests.some((u) => new URL(u).pathname.endsWith('/embed.js')), 'the full page has embed.js inline');
  assert.equal(requests.filter((u) => /\/policies\/zeekr\/2025-12-31\.(bin|en\.html)$/.test(u)).length, 2, 'each asked for once');
  assert.deepEqual(problems, []);
  await context.close();
});

/// Records the widget's ready and error events from the start of the page.
const EVENTS = () => {
  window.__plEvents = [];
  for (const n of ['ready', 'error']) document.addEventListener(`policy-lens:${n}`, (e) => window.__plEvents.push([n, e.detail?.reason ?? null]), true);
};

test('a widget still loading after 3 s (a slow network) shows the policy text meanwhile, with no error, and takes over when it starts', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await page.addInitScript(EVENTS);
  const wasm = await holdWasm(page);
  // No prerender either (it is held as well), so that only the text can stand in.
  let releasePre;
  const preGate = new Promise((ok) => { releasePre = ok; });
  await page.route(/\/policies\/[^/]+\/[^/]+\.html$/, async (route) => { await preGate; await route.continue(); });
  await page.goto(`${server.origin}/demo/script-tag.html`);
  const standIn = page.locator('policy-lens [data-testid=fallback][data-stand-in]');
  await standIn.waitFor({ state: 'visible', timeout: 8000 });
  await page.waitForFunction(() => /极氪APP个人信息保护政策/.test(document.querySelector('policy-lens').shadowRoot.textContent));
  assert.equal(await standIn.getAttribute('lang'), 'zh-CN');
  assert.match(await standIn.innerText(), /摘要仍在加载/);
  assert.equal(await page.locator('policy-lens').getAttribute('data-ready'), null, 'not ready, not failed');
  assert.deepEqual(await page.evaluate(() => window.__plEvents), []);
  wasm.release();
  await page.waitForSelector('policy-lens[data-ready=true]', { state: 'attached', timeout: 15000 });
  releasePre();
  assert.equal(await standIn.count(), 0, 'the widget took the stand-in\'s place');
  assert.ok((await page.locator('policy-lens [data-testid=at-a-glance]').innerText()).includes('一览'));
  assert.equal(await page.locator('policy-lens [data-testid=fallback]').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__plEvents), [['ready', null]]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a widget still loading after 3 s keeps its prerender on screen, with no error', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await page.addInitScript(EVENTS);
  const wasm = await holdWasm(page);
  await page.goto(`${server.origin}/demo/script-tag.html`);
  const pre = page.locator('policy-lens [data-prerender]');
  await pre.waitFor({ state: 'visible' });
  await page.waitForTimeout(3500); // past the 3 s mark, on purpose: nothing may change there
  assert.ok(await pre.isVisible(), 'the prerender stays');
  assert.equal(await page.locator('policy-lens [data-testid=fallback]').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__plEvents), []);
  wasm.release();
  await page.waitForSelector('policy-lens[data-ready=true]', { state: 'attached', timeout: 15000 });
  assert.equal(await pre.count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__plEvents), [['ready', null]]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every bundled policy\'s prerender, in both languages, shows the same first layer as the widget', async () => {
  const index = JSON.parse(fs.readFileSync(path.join(dist, 'policies', 'index.json'), 'utf8'));
  assert.ok(index.length >= 4);
  for (const { id } of index) {
    for (const lang of ['en', 'zh-CN']) {
      const { page, problems, context } = await open(browser, server.origin);
      const wasm = await holdWasm(page);
      await page.goto(`${server.origin}/?policy=${id}&lang=${lang}`);
      const pre = page.locator('[data-prerender]');
      await pre.waitFor({ state: 'visible' });
      const head = await pre.locator('header').innerText();
      const glance = await pre.locator('[data-testid=at-a-glance]').innerText();
      wasm.release();
      await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached', timeout: 15000 });
      assert.equal(await page.locator('#policy-lens header').innerText(), head, `${id} ${lang}: header`);
      assert.equal(await page.locator('#policy-lens [data-testid=at-a-glance]').innerText(), glance, `${id} ${lang}: at a glance`);
      assert.deepEqual(problems, [], `${id} ${lang}`);
      await context.close();
    }
  }
});
