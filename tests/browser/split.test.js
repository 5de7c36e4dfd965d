// The bundle split: the summary loads without the changes module (the diff engine, the changes
// view, full validation) and without the text module (the full text); both are fetched in the
// background once the summary is ready, their views open from them, and a module that cannot
// load leaves a clear message, never a blank widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, gotoReady, dist } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Resources requested by the moment the widget says it is ready.
// What the summary shows at that moment: its details rows render in a task after the quick
// answers, and ready waits for them; the sections render only after ready.
const AT_READY = () => {
  document.addEventListener('policy-lens:ready', (e) => {
    window.__atReady = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    const root = e.target.shadowRoot || e.target;
    window.__shownAtReady = ['tile-collected', 'glance-data_collected', 'glance-rights', 'sections']
      .filter((id) => root.querySelector(`[data-testid="${id}"]`));
  }, { capture: true, once: true });
};

test('the first bundle carries no diff code; the summary is ready before the changes module is requested', async () => {
  // Phrases of the diff's classification tables: only in the changes module.
  const widget = fs.readFileSync(path.join(dist, 'policy-lens-widget_bg.wasm'));
  const changes = fs.readFileSync(path.join(dist, 'changes', 'policy-lens-changes_bg.wasm'));
  for (const phrase of ['data protection officer', 'controller or operator name']) {
    assert.equal(widget.includes(phrase), false, `"${phrase}" is in the first bundle`);
    assert.equal(changes.includes(phrase), true, `"${phrase}" is missing from the changes module`);
  }
  const { page, problems, context } = await open(browser, server.origin);
  await page.addInitScript(AT_READY);
  await gotoReady(page, `${server.origin}/?policy=zeekr&lang=en`);
  const atReady = await page.evaluate(() => window.__atReady);
  // The first layer is whole at ready; the sections (layer 2) come in a task after it.
  assert.deepEqual(await page.evaluate(() => window.__shownAtReady), ['tile-collected', 'glance-data_collected', 'glance-rights']);
  await page.waitForSelector('[data-testid=sections]');
  assert.ok(atReady.some((p) => p.endsWith('/policy-lens-widget_bg.wasm')), atReady.join('\n'));
  assert.ok(!atReady.some((p) => p.includes('policy-lens-changes')), `requested before ready:\n${atReady.join('\n')}`);
  // The background preload fetches the module; opening "What changed" then shows the verdict.
  await page.evaluate(() => window.PolicyLens._preloadChanges());
  const after = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(after.some((p) => p.endsWith('/changes/policy-lens-changes_bg.wasm')), after.join('\n'));
  await page.locator('[data-testid=tab-changes]').click();
  await page.waitForSelector('[data-testid=verdict]');
  assert.match(await page.locator('[data-testid=verdict]').innerText(), /may need notice/);
  // The widget's own frame (header) and the changes module's frame are both on screen.
  assert.equal(await page.locator('[data-testid=changes-part]').count(), 1);
  assert.ok(await page.locator('[data-testid=tab-summary]').isVisible());
  // Back to the summary: the changes frame goes away.
  await page.locator('[data-testid=tab-summary]').click();
  await page.waitForSelector('[data-testid=at-a-glance]');
  assert.equal(await page.locator('[data-testid=changes-part]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

// Frames drawn (counted by an animation-frame loop started before the widget), read at the
// moment each part of the first layer, and the sections, enter the DOM.
const FRAMES = () => {
  window.__frames = 0;
  const tick = () => { window.__frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  window.__partAt = {};
  new MutationObserver(() => {
    const root = document.querySelector('#policy-lens')?.shadowRoot || document;
    for (const id of ['tile-collected', 'glance-data_collected', 'sections']) {
      if (window.__partAt[id] === undefined && root.querySelector(`[data-testid="${id}"]`)) window.__partAt[id] = window.__frames;
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('policy-lens:ready', () => { window.__partAt.ready = window.__frames; }, { capture: true, once: true });
};

test('the first layer comes whole, and the sections in a frame after ready; a page that draws no frames still gets all of it', async () => {
  // The quick answers and the details (static markup, src/markup.rs) render together; the
  // sections wait until the frame showing them has been drawn, so that no single frame lays
  // out the first layer and the sections together.
  // The build-time prerender is left out: its own quick answers and details would be seen first.
  const { page, problems, context } = await open(browser, server.origin);
  await page.route('**/policies/**/*.html', (route) => route.abort());
  await page.addInitScript(FRAMES);
  await gotoReady(page, `${server.origin}/?policy=zeekr&lang=en`);
  await page.waitForSelector('[data-testid=sections]');
  const at = await page.evaluate(() => window.__partAt);
  assert.equal(at['glance-data_collected'], at['tile-collected'], `a frame between the quick answers and the details: ${JSON.stringify(at)}`);
  assert.ok(at.ready >= at['glance-data_collected'], `ready before the details: ${JSON.stringify(at)}`);
  assert.ok(at.sections > at.ready, `no frame between ready and the sections: ${JSON.stringify(at)}`);
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_FAILED')), []);
  await context.close();
  // A page that draws no frames (a background tab, an iframe far off screen): no animation
  // frame ever comes, and the parts still follow one another.
  const hidden = await open(browser, server.origin);
  await hidden.page.route('**/policies/**/*.html', (route) => route.abort());
  await hidden.page.addInitScript(() => { window.requestAnimationFrame = () => 0; });
  await gotoReady(hidden.page, `${server.origin}/?policy=zeekr&lang=en`);
  await hidden.page.waitForSelector('[data-testid=sections]');
  assert.ok(await hidden.page.locator('[data-testid=glance-rights]').count() === 1);
  assert.deepEqual(hidden.problems.filter((p) => !p.includes('ERR_FAILED')), []);
  await hidden.context.close();
});

test('"What changed" fetches the older version without reading it; reading it later reuses that file', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await gotoReady(page, `${server.origin}/?policy=zeekr&lang=en`);
  // Versions the widget decoded (one `pl:decoded` mark each) and requests of the older file.
  const counts = () => page.evaluate(() => ({
    decoded: performance.getEntriesByName('pl:decoded').length,
    older: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/policies/zeekr/2025-11-10.bin')).length,
  }));
  assert.deepEqual(await counts(), { decoded: 1, older: 0 });
  await page.locator('[data-testid=tab-changes]').click();
  await page.waitForSelector('[data-testid=verdict]');
  assert.match(await page.locator('[data-testid=verdict]').innerText(), /may need notice/);
  // Only the changes module read it.
  assert.deepEqual(await counts(), { decoded: 1, older: 1 });
  assert.equal(await page.evaluate(() => performance.getEntriesByName('pl:changes-decoded').length), 1);
  // Back (the browser's history) to the older version's summary: read from the file fetched
  // for the comparison, not fetched again.
  await page.evaluate(() => {
    history.pushState(null, '', '?policy=zeekr&version=2025-11-10&lang=en');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.waitForSelector('[data-testid=at-a-glance]');
  assert.match(await page.locator('[data-testid=tab-summary]').getAttribute('href'), /version=2025-11-10/);
  assert.deepEqual(await counts(), { decoded: 2, older: 1 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('once the summary is ready, the changes module compares a sample off screen: nothing shows, and "What changed" is as before', async () => {
  // V8 compiles a wasm function when it first runs, so the first comparison in a new instance
  // is mostly compilation. The widget has the changes module compare part of the version on
  // screen with an edited copy, in an element that never joins the page (src/changes/warm_up.rs).
  const { page, problems, context } = await open(browser, server.origin);
  await page.addInitScript(() => {
    window.__events = [];
    for (const name of ['policy-lens:navigate', 'policy-lens:error', 'policy-lens:ready']) {
      document.addEventListener(name, (e) => window.__events.push(e.type), { capture: true });
    }
  });
  await gotoReady(page, `${server.origin}/?policy=zeekr&lang=en`);
  await page.waitForFunction(() => performance.getEntriesByName('pl:changes-warm').length === 1, null, { timeout: 10000 });
  const url = page.url();
  // Nothing was added next to the widget or in it, no event reached the host, and the
  // summary is still what the reader sees.
  assert.equal(await page.locator('[data-testid=changes-part], .pl-changes-host, [data-testid=verdict]').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__events), ['policy-lens:ready']);
  assert.equal(page.url(), url);
  assert.ok(await page.locator('[data-testid=at-a-glance]').isVisible());
  // The reader's comparison is the real one: the Zeekr pair's one change and its verdict.
  await page.locator('[data-testid=tab-changes]').click();
  await page.waitForSelector('[data-testid=verdict]');
  assert.match(await page.locator('[data-testid=verdict]').innerText(), /may need notice/);
  assert.equal(await page.locator('[data-testid=change-list] > li').count(), 1);
  assert.equal(await page.evaluate(() => performance.getEntriesByName('pl:changes-decoded').length), 1);
  assert.equal(await page.locator('[data-testid=changes-part]').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
  // A reader who opens "What changed" while the module is still on its way: the view comes
  // first, and the warm-up, asked for once the module is there, does nothing.
  const slow = await open(browser, server.origin);
  await slow.page.route('**/changes/policy-lens-changes_bg.wasm', async (route) => {
    await new Promise((ok) => setTimeout(ok, 1000));
    await route.continue();
  });
  await gotoReady(slow.page, `${server.origin}/?policy=zeekr&lang=en`);
  await slow.page.locator('[data-testid=tab-changes]').click();
  await slow.page.waitForSelector('[data-testid=verdict]');
  await slow.page.waitForTimeout(1500);
  assert.deepEqual(await slow.page.evaluate(() => ['changes-warm', 'diffed'].map((n) => performance.getEntriesByName(`pl:${n}`).length)), [0, 1]);
  assert.deepEqual(slow.problems, []);
  await slow.context.close();
  // Host data in another shape and language (an English policy given through `src`, read
  // back from the changes module's validation, with a Chinese interface), next to a script-tag
  // widget on the same page: each widget's own instance warms up, and each comparison is right.
  const host = await open(browser, server.origin);
  await host.page.goto(`${server.origin}/demo/script-tag.html`);
  await host.page.waitForSelector('policy-lens[data-ready]');
  await host.page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'host';
    document.body.append(el);
    window.PolicyLens.mount(el, { src: '/fixtures/several-changes/', lang: 'zh-CN' });
  });
  await host.page.waitForSelector('#host[data-ready]');
  await host.page.waitForFunction(() => performance.getEntriesByName('pl:changes-warm').length === 2, null, { timeout: 10000 });
  assert.equal(await host.page.locator('#host >> [data-testid=changes-part]').count(), 0);
  await host.page.locator('#host >> [data-testid=tab-changes]').click();
  await host.page.waitForSelector('#host >> [data-testid=verdict]');
  assert.match(await host.page.locator('#host >> [data-testid=verdict]').innerText(), /可能需要告知/);
  assert.equal(await host.page.locator('#host >> [data-testid=change]').count(), 4);
  assert.deepEqual(host.problems, []);
  await host.context.close();
  // A policy with one version has no "What changed": nothing is compared.
  const one = await open(browser, server.origin);
  await gotoReady(one.page, `${server.origin}/?policy=kaiyang&lang=en`);
  await one.page.evaluate(() => window.PolicyLens._preloadChanges());
  await one.page.waitForTimeout(1000);
  assert.equal(await one.page.evaluate(() => performance.getEntriesByName('pl:changes-warm').length), 0);
  assert.deepEqual(one.problems, []);
  await one.context.close();
});

test('a changes module that cannot load gives a clear message; the widget stays usable', async () => {
  const { page, context } = await open(browser, server.origin, { allowErrors: true });
  await page.route('**/changes/policy-lens-changes_bg.wasm', (r) => r.abort());
  await gotoReady(page, `${server.origin}/?policy=zeekr&view=changes&lang=en`);
  const message = page.locator('[data-testid=changes-unavailable]');
  await message.waitFor();
  assert.match(await message.innerText(), /^The comparison could not be shown \(.+\)$/);
  // The header still works: the summary opens.
  await page.locator('[data-testid=tab-summary]').click();
  await page.waitForSelector('[data-testid=at-a-glance]');
  await context.close();
});

test('the full text is in a module of its own: the summary is ready before it is requested; the tab, a source link and a deep link show it', async () => {
  // The full text's search and highlight are only in the text module.
  const widget = fs.readFileSync(path.join(dist, 'policy-lens-widget_bg.wasm'));
  const text = fs.readFileSync(path.join(dist, 'text', 'policy-lens-text_bg.wasm'));
  for (const marker of ['pl-match-current', 'pl-search-input']) {
    assert.equal(widget.includes(marker), false, `"${marker}" is in the first bundle`);
    assert.equal(text.includes(marker), true, `"${marker}" is missing from the text module`);
  }
  const { page, problems, context } = await open(browser, server.origin);
  await page.addInitScript(AT_READY);
  await gotoReady(page, `${server.origin}/?policy=zeekr&lang=en`);
  const atReady = await page.evaluate(() => window.__atReady);
  assert.ok(!atReady.some((p) => p.includes('policy-lens-text')), `requested before ready:\n${atReady.join('\n')}`);
  // Preloaded in the background once the summary is ready.
  await page.evaluate(() => window.PolicyLens._preloadText());
  const after = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  assert.ok(after.some((p) => p.endsWith('/text/policy-lens-text_bg.wasm')), after.join('\n'));
  // The tab: the widget's header and the text module's frame, then back to the summary.
  await page.locator('[data-testid=tab-full]').click();
  await page.waitForSelector('[data-testid=full-text]');
  assert.equal(await page.locator('[data-testid=text-part]').count(), 1);
  assert.ok(await page.locator('[data-testid=tab-summary]').isVisible());
  await page.locator('[data-testid=search-input]').fill('个人信息');
  assert.match(await page.locator('[data-testid=search-status]').innerText(), /^1 \/ \d+ matches$/);
  await page.locator('[data-testid=tab-summary]').click();
  await page.waitForSelector('[data-testid=at-a-glance]');
  assert.equal(await page.locator('[data-testid=text-part]').count(), 0);
  // A fact's source link: the full text with its quote highlighted and brought into view.
  const tile = page.locator('[data-testid=quick-answers] a.pl-tile-v').first();
  const quote = (await tile.getAttribute('aria-label')).split('“')[1].replace(/”$/, '');
  await tile.click();
  const mark = page.locator('[data-testid=source-highlight]');
  await mark.waitFor();
  assert.ok((await mark.innerText()).replace(/\s/g, '').includes(quote.replace(/\s/g, '').slice(0, 12)), quote);
  assert.ok(await mark.isVisible() && await mark.evaluate((m) => { const r = m.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }), 'the quote is in view');
  assert.deepEqual(problems, []);
  await context.close();

  // A link straight to the full text: ready once the text is on screen, without the changes module.
  const direct = await open(browser, server.origin);
  await direct.page.addInitScript(AT_READY);
  await gotoReady(direct.page, `${server.origin}/?policy=zeekr&lang=en&view=full`);
  assert.equal(await direct.page.locator('[data-testid=full-text]').count(), 1, 'the full text is there at ready');
  const direct_ = await direct.page.evaluate(() => window.__atReady);
  assert.ok(direct_.some((p) => p.endsWith('/text/policy-lens-text_bg.wasm')), direct_.join('\n'));
  assert.ok(!direct_.some((p) => p.includes('policy-lens-changes')), direct_.join('\n'));
  assert.deepEqual(direct.problems, []);
  await direct.context.close();
});

test('a link straight to the full text or to "What changed" asks for that view\'s module and data with the widget\'s own wasm, not after the widget starts', async () => {
  // With the data it shows: "What changed" compares the latest version with the one before,
  // or the two the link names.
  const [older, latest] = ['/policies/zeekr/2025-11-10.bin', '/policies/zeekr/2025-12-31.bin'];
  const cases = [
    ['/?policy=zeekr&lang=en&view=full', '#policy-lens', '/text/policy-lens-text_bg.wasm', '[data-testid=full-text]', [latest]],
    ['/?policy=zeekr&lang=en&view=changes', '#policy-lens', '/changes/policy-lens-changes_bg.wasm', '[data-testid=verdict]', [older, latest]],
    ['/?policy=zeekr&lang=en&view=changes&from=2025-12-31&to=2025-11-10', '#policy-lens', '/changes/policy-lens-changes_bg.wasm', '[data-testid=verdict]', [latest, older]],
    // The custom element too (a changes view beside a host-data widget).
    ['/demo/two-widgets.html', '#good', '/changes/policy-lens-changes_bg.wasm', '[data-testid=verdict]', [older, latest]],
  ];
  for (const [url, host, module, shows, files] of cases) {
    const { page, problems, requests, context } = await open(browser, server.origin, { allowErrors: url.includes('two-widgets') });
    // The widget's own wasm is held: whatever is requested meanwhile was asked for from the start.
    let release;
    const gate = new Promise((ok) => { release = ok; });
    await page.route('**/policy-lens-widget_bg.wasm', async (route) => { await gate; await route.continue(); });
    const asked = page.waitForRequest((r) => new URL(r.url()).pathname === module, { timeout: 10000 });
    const data = files.map((f) => page.waitForRequest((r) => new URL(r.url()).pathname === f, { timeout: 10000 }));
    await page.goto(server.origin + url);
    await asked;
    await Promise.all(data);
    assert.equal(await page.evaluate(() => performance.getEntriesByName('pl:start').length), 0, `${url}: the widget has not started`);
    release();
    await page.waitForSelector(`${host}[data-ready]`, { state: 'attached', timeout: 15000 });
    // The module's view is mounted beside the page's root, or in the custom element's shadow root.
    const where = host === '#policy-lens' ? shows : `${host} ${shows}`;
    assert.equal(await page.locator(where).count(), 1, `${url}: ${shows} at ready`);
    // Asked for once: the widget takes the module the page started.
    for (const f of [module, ...new Set(files)]) {
      assert.equal(requests.filter((u) => new URL(u).pathname === f).length, 1, `${url}: ${f}\n${requests.join('\n')}`);
    }
    if (!url.includes('two-widgets')) assert.deepEqual(problems, [], url);
    await context.close();
  }
  // A summary does not: neither module is requested before it is ready.
  const { page, context } = await open(browser, server.origin);
  await page.addInitScript(AT_READY);
  await gotoReady(page, `${server.origin}/?policy=zeekr&lang=en`);
  const atReady = await page.evaluate(() => window.__atReady);
  assert.ok(!atReady.some((p) => p.includes('policy-lens-text') || p.includes('policy-lens-changes')), atReady.join('\n'));
  await context.close();
});

test('a text module that cannot load gives a clear message; the widget stays usable', async () => {
  const { page, context } = await open(browser, server.origin, { allowErrors: true });
  await page.route('**/text/policy-lens-text_bg.wasm', (r) => r.abort());
  await gotoReady(page, `${server.origin}/?policy=zeekr&view=full&lang=en`);
  const message = page.locator('[data-testid=text-unavailable]');
  await message.waitFor();
  assert.match(await message.innerText(), /^The full text could not be shown \(.+\)$/);
  await page.locator('[data-testid=tab-summary]').click();
  await page.waitForSelector('[data-testid=at-a-glance]');
  await context.close();
});

test('the summary reads the binary form made at build time; a damaged one names the file and the reason', async () => {
  // The build wrote a binary form next to every bundled JSON file.
  const policies = path.join(dist, 'policies');
  for (const id of fs.readdirSync(policies).filter((f) => fs.statSync(path.join(policies, f)).isDirectory())) {
    for (const f of fs.readdirSync(path.join(policies, id)).filter((f) => f.endsWith('.json'))) {
      const bin = path.join(policies, id, f.replace(/\.json$/, '.bin'));
      assert.ok(fs.existsSync(bin), `${bin} is missing`);
      assert.equal(fs.readFileSync(bin).subarray(0, 4).toString(), 'PLB1', bin);
    }
  }
  const { page, problems, requests, context } = await open(browser, server.origin);
  await gotoReady(page, `${server.origin}/?policy=zeekr&lang=en`);
  assert.match(await page.locator('[data-testid=at-a-glance]').innerText(), /Zeekr|极氪|ZEEKR/i);
  const data = requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/policies/'));
  // The data and the build-time prerender of its summary (tests/browser/prerender.test.js).
  assert.deepEqual(data.sort(), ['/policies/zeekr/2025-12-31.bin', '/policies/zeekr/2025-12-31.en.html'], 'no index round trip: embed.js has the index');
  // The loader asks for the data while the wasm downloads, before the widget runs.
  const [asked, started] = await page.evaluate(() => [
    performance.getEntriesByType('resource').find((e) => e.name.endsWith('/policies/zeekr/2025-12-31.bin')).startTime,
    performance.getEntriesByName('pl:start')[0].startTime,
  ]);
  assert.ok(asked < started, `data requested at ${asked} ms, the widget started at ${started} ms`);
  assert.deepEqual(problems, []);
  await context.close();

  // A damaged file (cut short) and a stale one (JSON where the binary form belongs): an error
  // panel with the file and the reason, never a blank widget or a panic.
  const whole = fs.readFileSync(path.join(policies, 'zeekr', '2025-12-31.bin'));
  const json = fs.readFileSync(path.join(policies, 'zeekr', '2025-12-31.json'));
  for (const [body, reason] of [[whole.subarray(0, whole.length >> 1), /damaged binary version/], [json, /wrong magic/]]) {
    const { page, problems, context } = await open(browser, server.origin);
    await page.route('**/policies/zeekr/2025-12-31.bin', (r) => r.fulfill({ status: 200, contentType: 'application/octet-stream', body }));
    await gotoReady(page, `${server.origin}/?policy=zeekr&lang=en`);
    const err = await page.locator('[data-testid=error-panel]').innerText();
    assert.match(err, /policies\/zeekr\/2025-12-31\.bin/);
    assert.match(err, reason);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
