// Embedding: script tag, custom element, JS API, hostile CSS, strict CSP, two widgets with one
// broken, a webview, and no WebAssembly. Each page is checked for what is visible, console
// errors, requests to other origins, and storage writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveStrictCsp, STRICT_CSP, trustedTypesCsp, launch, open, screenshot } from './harness.js';

let server, browser;
before(async () => {
  server = await serveStrictCsp();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function nothingStored(page) {
  const s = await page.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
    idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
  }));
  assert.deepEqual(s, { local: 0, session: 0, cookie: '', idb: 0 });
}

// What the widget shows: its frame, the changes module's frame after it, or the fallback.
const shadowText = (page, sel) => page.$eval(sel, (el) => Array.from(el.shadowRoot.querySelectorAll('.policy-lens, .pl-fallback'), (e) => e.innerText).join('\n'));

test('script tag renders where it stands, with only PolicyLens as a new global', async () => {
  const { page, problems, requests, context } = await open(browser, server.origin);
  await page.addInitScript(() => { window.__before = Object.getOwnPropertyNames(window); });
  await page.goto(`${server.origin}/demo/script-tag.html`);
  await page.waitForSelector('policy-lens[data-ready]');
  const text = await shadowText(page, 'policy-lens');
  assert.ok(text.includes('一览') && text.includes('400-003-6036'), text.slice(0, 200));
  // It sits between the two vendor paragraphs, right after the script tag.
  assert.equal(await page.$eval('policy-lens', (el) => el.previousElementSibling.tagName), 'SCRIPT');
  const globals = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((k) => !window.__before.includes(k) && k !== '__before'));
  assert.deepEqual(globals, ['PolicyLens']);
  assert.ok(requests.every((u) => u.startsWith(server.origin)));
  await nothingStored(page);
  await screenshot(page, 'embed-script-tag');
  assert.deepEqual(problems, []);
  await context.close();
});

test('custom element re-renders when its attributes change, and fires navigate events', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await page.goto(`${server.origin}/demo/custom-element.html`);
  await page.waitForSelector('policy-lens[data-ready]');
  assert.ok((await shadowText(page, '#widget')).includes('400-890-9090'));
  await page.click('#show-changes');
  await page.waitForFunction(() => !!document.querySelector('#widget').shadowRoot.querySelector('[data-testid=verdict]'));
  assert.match(await shadowText(page, '#widget'), /may need notice/);
  await page.click('#show-kaiyang');
  await page.waitForFunction(() => /WeChat SDK/.test(document.querySelector('#widget').shadowRoot.textContent));
  await page.evaluate(() => {
    window.__seen = [];
    document.addEventListener('policy-lens:navigate', (e) => window.__seen.push(e.detail.view));
    document.querySelector('#widget').shadowRoot.querySelector('[data-testid=tab-full]').click();
  });
  await page.waitForFunction(() => !!document.querySelector('#widget').shadowRoot.querySelector('[data-testid=full-text]'));
  assert.deepEqual(await page.evaluate(() => window.__seen), ['full']);
  // The JS API: mount, update, unmount.
  const before = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'api';
    document.body.appendChild(el);
    const ready = new Promise((r) => el.addEventListener('policy-lens:ready', r, { once: true }));
    window.__api = window.PolicyLens.mount(el, { policy: 'zeekr', lang: 'en', view: 'full' });
    await ready;
    const before = el.shadowRoot.querySelector('[data-testid=full-text]') !== null;
    window.__api.update({ view: 'summary' });
    return before;
  });
  await page.waitForFunction(() => !!document.querySelector('#api').shadowRoot.querySelector('[data-testid=at-a-glance]'));
  const api = await page.evaluate((before) => {
    const el = document.querySelector('#api');
    const after = el.shadowRoot.querySelector('[data-testid=at-a-glance]') !== null;
    window.__api.unmount();
    return { before, after, empty: el.shadowRoot.childNodes.length === 0 };
  }, before);
  assert.deepEqual(api, { before: true, after: true, empty: true });
  await nothingStored(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('hostile host CSS does not reach the widget, and the widget does not touch the host', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await page.goto(`${server.origin}/demo/hostile-css.html`);
  await page.waitForSelector('policy-lens[data-ready]');
  // The sections layer renders just after ready (src/version_page.rs).
  await page.waitForFunction(() => document.querySelector('policy-lens').shadowRoot.querySelector('.pl-acc-button'));
  const inside = await page.$eval('policy-lens', (el) => {
    const s = getComputedStyle(el.shadowRoot.querySelector('.pl-row dd'));
    const b = getComputedStyle(el.shadowRoot.querySelector('.pl-acc-button'));
    return { color: s.color, size: s.fontSize, family: s.fontFamily.includes('system-ui'), spacing: s.letterSpacing, transform: b.transform, bg: b.backgroundColor };
  });
  assert.notEqual(inside.color, 'rgb(255, 0, 0)');
  assert.equal(inside.size, '16px');
  assert.ok(inside.family);
  assert.equal(inside.spacing, 'normal');
  assert.equal(inside.transform, 'none');
  assert.notEqual(inside.bg, 'rgb(255, 255, 0)');
  const host = await page.$eval('.host-button', (b) => ({ bg: getComputedStyle(b).backgroundColor, size: getComputedStyle(b).fontSize }));
  assert.deepEqual(host, { bg: 'rgb(255, 255, 0)', size: '40px' });
  await screenshot(page, 'embed-hostile-css');
  await nothingStored(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('strict CSP page (real header): the widget works with no CSP violations', async () => {
  const { page, problems, requests, context } = await open(browser, server.origin);
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  const resp = await page.goto(`${server.origin}/demo/strict-csp.html`);
  assert.equal(resp.headers()['content-security-policy'], STRICT_CSP);
  await page.waitForSelector('policy-lens[data-ready]');
  assert.ok((await shadowText(page, 'policy-lens')).includes('WeChat SDK'));
  assert.deepEqual(violations, []);
  assert.ok(requests.every((u) => u.startsWith(server.origin)));
  await nothingStored(page);
  assert.deepEqual(problems, []);
  await context.close();
});

// The details are written as one HTML string (src/markup.rs), through embed.js's Trusted Types
// policy; a host that refuses the policy gets the same markup made with DOM calls.
for (const [policies, refused] of [['policy-lens', false], ["'none'", true]]) {
  test(`Trusted Types host (trusted-types ${policies}): the summary details render and their source links navigate`, async () => {
    const { page, problems, context } = await open(browser, server.origin);
    const url = `${server.origin}/demo/trusted-types.html${refused ? `?policies=${encodeURIComponent(policies)}` : ''}`;
    const resp = await page.goto(url);
    assert.equal(resp.headers()['content-security-policy'], trustedTypesCsp(policies));
    await page.waitForSelector('policy-lens[data-ready]');
    const text = await shadowText(page, 'policy-lens');
    assert.ok(text.includes('400-003-6036') && text.includes('小米推送SDK'), text.slice(0, 300));
    assert.ok(await page.locator('policy-lens .pl-rows .pl-source-link').count() > 20);
    const link = page.locator('policy-lens [data-testid=glance-who] .pl-source-link').first();
    const label = await link.getAttribute('aria-label');
    await link.click();
    const mark = page.locator('policy-lens [data-testid=source-highlight]');
    await mark.waitFor();
    const squash = (t) => t.replace(/\s+/g, '');
    const quote = label.slice(label.indexOf('“') + 1, label.lastIndexOf('”'));
    assert.ok(squash(await mark.innerText()).includes(squash(quote).slice(0, 20)), `highlight holds “${quote}”`);
    assert.equal(page.url(), new URL(url).href, 'the link navigated inside the widget, not the host page');
    // Where the host refuses the policy, the browser reports that once; nothing else fails.
    assert.deepEqual(problems.filter((p) => !(refused && /Creating a TrustedTypePolicy named 'policy-lens' violates/.test(p))), []);
    await context.close();
  });
}

test('two widgets: bad data shows an error panel and fires policy-lens:error; the other works', async () => {
  const { page, problems, context } = await open(browser, server.origin, { allowErrors: false });
  await page.addInitScript(() => { window.__errors = []; document.addEventListener('policy-lens:error', (e) => window.__errors.push(e.detail.reason)); });
  await page.goto(`${server.origin}/demo/two-widgets.html`);
  await page.waitForSelector('#good[data-ready]');
  await page.waitForSelector('#bad[data-ready]');
  const bad = await page.$eval('#bad', (el) => el.shadowRoot.querySelector('[data-testid=error-panel]')?.innerText || '');
  assert.ok(bad.includes('bad-policy.json'), bad);
  assert.ok(bad.includes('$.id') && bad.includes('$.version') && bad.includes('is not in section'), bad);
  const errors = await page.evaluate(() => window.__errors);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /bad-policy\.json/);
  assert.match(await shadowText(page, '#good'), /may need notice/);
  await screenshot(page, 'embed-two-widgets');
  await nothingStored(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('webview at 375 px: full-page mode fits, no hover-only controls', async () => {
  const { page, problems, context } = await open(browser, server.origin, { viewport: { width: 375, height: 740 } });
  await page.goto(`${server.origin}/?policy=zeekr&lang=zh-CN`);
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `overflow ${overflow}`);
  const hoverRules = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => /:hover/.test(r.cssText)).length);
  assert.equal(hoverRules, 0, 'no hover-only styles');
  await page.goto(`${server.origin}/demo/webview.html`);
  const frame = page.frames().find((f) => f.url().includes('policy=zeekr'));
  await frame.waitForSelector('#policy-lens[data-ready]', { state: 'attached' });
  assert.ok((await frame.locator('[data-testid=at-a-glance]').innerText()).includes('400-003-6036'));
  await nothingStored(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without WebAssembly a readable fallback appears within 3 s', async () => {
  const { page, problems, requests, context } = await open(browser, server.origin, { allowErrors: true });
  const t0 = Date.now();
  await page.goto(`${server.origin}/demo/no-wasm.html`);
  await page.waitForSelector('policy-lens[data-ready=fallback]', { timeout: 3000 });
  await page.waitForFunction(() => /Kaiyang Motors User Privacy Policy/.test(document.querySelector('policy-lens').shadowRoot.textContent), null, { timeout: 3000 });
  assert.ok(Date.now() - t0 < 3500);
  const text = await page.$eval('policy-lens', (el) => el.shadowRoot.textContent);
  assert.match(text, /Full text/);
  assert.match(text, /The interactive summary cannot run here \(/);
  assert.equal(await page.$eval('policy-lens', (el) => el.shadowRoot.querySelector('[data-testid=fallback]').lang), 'en');
  assert.ok(requests.every((u) => u.startsWith(server.origin)));
  await screenshot(page, 'embed-no-wasm');
  assert.deepEqual(problems.filter((p) => !p.startsWith('console')), []);
  await context.close();
});

test('a policy with <script>, <img onerror>, javascript: URLs and bidi overrides renders inert', async () => {
  const { page, problems, requests, context } = await open(browser, server.origin);
  await page.goto(`${server.origin}/demo/malicious.html`);
  await page.waitForSelector('policy-lens[data-ready]');
  const r = await page.$eval('policy-lens', (el) => ({
    text: el.shadowRoot.textContent,
    scripts: el.shadowRoot.querySelectorAll('script, img, iframe').length,
    jsLinks: [...el.shadowRoot.querySelectorAll('a')].filter((a) => a.href.startsWith('javascript:')).length,
  }));
  assert.ok(r.text.includes('<script>window.__pwned = 3</script>'), 'shown as text');
  assert.ok(r.text.includes('[U+202E]gnp.exe[U+202C]'), 'bidi override made visible');
  assert.deepEqual({ scripts: r.scripts, jsLinks: r.jsLinks }, { scripts: 0, jsLinks: 0 });
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  await page.$eval('policy-lens', (el) => el.shadowRoot.querySelector('[data-testid=tab-summary]').click());
  await page.waitForFunction(() => !!document.querySelector('policy-lens').shadowRoot.querySelector('[data-testid=at-a-glance]'));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.origin)), []);
  assert.ok(requests.every((u) => !u.endsWith('/x')), 'no image request');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a panic inside a widget\'s changes module shows that widget\'s fallback; the other widget keeps working', async () => {
  const { page, context } = await open(browser, server.origin, { allowErrors: true });
  await page.goto(`${server.origin}/demo/two-widgets.html`);
  await page.waitForSelector('#good[data-ready]');
  await page.evaluate(async () => {
    const a = document.createElement('div');
    a.id = 'crashing-changes';
    document.body.appendChild(a);
    const ready = new Promise((r) => a.addEventListener('policy-lens:ready', r, { once: true }));
    window.__h = window.PolicyLens.mount(a, { policy: 'zeekr', view: 'changes', lang: 'en' });
    await ready;
  });
  await page.waitForFunction(() => !!document.querySelector('#crashing-changes').shadowRoot.querySelector('[data-testid=verdict]'));
  const reasons = await page.evaluate(async () => {
    const a = document.querySelector('#crashing-changes');
    const seen = [];
    a.addEventListener('policy-lens:error', (e) => seen.push(e.detail.reason));
    try { window.__h._crashForTesting('changes'); } catch (e) { /* the panic may surface as a thrown error too */ }
    await new Promise((r) => setTimeout(r, 0));
    return seen;
  });
  assert.ok(reasons.some((r) => /^panic: [\s\S]*crash requested by a test \(changes module\)/.test(r)), reasons.join(' | '));
  await page.waitForFunction(() => !!document.querySelector('#crashing-changes').shadowRoot.querySelector('[data-testid=fallback]'));
  // The changes module's frame is gone with the rest; the fallback stands alone.
  assert.equal(await page.evaluate(() => document.querySelector('#crashing-changes').shadowRoot.querySelectorAll('.pl-changes-host').length), 0);
  // The other widget (a changes view of its own) still reacts to the reader.
  await page.evaluate(() => document.querySelector('#good').shadowRoot.querySelector('[data-testid=tab-full]').click());
  await page.waitForFunction(() => !!document.querySelector('#good').shadowRoot.querySelector('[data-testid=full-text]'));
  await context.close();
});

test('a panic inside a widget\'s text module shows that widget\'s fallback; the other widget keeps working', async () => {
  const { page, context } = await open(browser, server.origin, { allowErrors: true });
  await page.goto(`${server.origin}/demo/two-widgets.html`);
  await page.waitForSelector('#good[data-ready]');
  await page.evaluate(async () => {
    const a = document.createElement('div');
    a.id = 'crashing-text';
    document.body.appendChild(a);
    const ready = new Promise((r) => a.addEventListener('policy-lens:ready', r, { once: true }));
    window.__h = window.PolicyLens.mount(a, { policy: 'zeekr', view: 'full', lang: 'en' });
    await ready;
  });
  // Ready on the full text means the text module has rendered it.
  assert.ok(await page.evaluate(() => !!document.querySelector('#crashing-text').shadowRoot.querySelector('[data-testid=full-text]')));
  const reasons = await page.evaluate(async () => {
    const a = document.querySelector('#crashing-text');
    const seen = [];
    a.addEventListener('policy-lens:error', (e) => seen.push(e.detail.reason));
    try { window.__h._crashForTesting('text'); } catch (e) { /* the panic may surface as a thrown error too */ }
    await new Promise((r) => setTimeout(r, 0));
    return seen;
  });
  assert.ok(reasons.some((r) => /^panic: [\s\S]*crash requested by a test \(text module\)/.test(r)), reasons.join(' | '));
  await page.waitForFunction(() => !!document.querySelector('#crashing-text').shadowRoot.querySelector('[data-testid=fallback]'));
  assert.equal(await page.evaluate(() => document.querySelector('#crashing-text').shadowRoot.querySelectorAll('.pl-text-host').length), 0);
  // The other widget still reacts to the reader, and its own full text works.
  await page.evaluate(() => document.querySelector('#good').shadowRoot.querySelector('[data-testid=tab-full]').click());
  await page.waitForFunction(() => !!document.querySelector('#good').shadowRoot.querySelector('[data-testid=full-text]'));
  await context.close();
});

test('a panic inside one widget shows its fallback; the other widget on the page keeps working', async () => {
  const { page, problems, context } = await open(browser, server.origin, { allowErrors: true });
  await page.goto(`${server.origin}/demo/two-widgets.html`);
  await page.waitForSelector('#good[data-ready]');
  const threw = await page.evaluate(async () => {
    const a = document.createElement('div');
    a.id = 'crashing';
    document.body.appendChild(a);
    const ready = new Promise((r) => a.addEventListener('policy-lens:ready', r, { once: true }));
    const h = window.PolicyLens.mount(a, { policy: 'kaiyang', lang: 'en' });
    await ready;
    const failed = new Promise((r) => a.addEventListener('policy-lens:error', r, { once: true }));
    let threw = false;
    try { h._crashForTesting(); } catch (e) { threw = true; }
    await failed;
    return threw;
  });
  await page.waitForFunction(() => !!document.querySelector('#crashing').shadowRoot.querySelector('[data-testid=fallback]'));
  // The other widget still reacts to the reader.
  await page.evaluate(() => document.querySelector('#good').shadowRoot.querySelector('[data-testid=tab-full]').click());
  await page.waitForFunction(() => !!document.querySelector('#good').shadowRoot.querySelector('[data-testid=full-text]'));
  const result = await page.evaluate((threw) => {
    const a = document.querySelector('#crashing');
    return {
      threw,
      failed: a.getAttribute('data-failed'),
      fallback: a.shadowRoot.querySelector('[data-testid=fallback]') !== null,
      otherWorks: document.querySelector('#good').shadowRoot.querySelector('[data-testid=full-text]') !== null,
    };
  }, threw);
  assert.deepEqual(result, { threw: true, failed: 'true', fallback: true, otherWorks: true });
  // The fallback shows the policy's title and full text.
  await page.waitForFunction(() => [...document.querySelectorAll('body > div')].some((d) => d.shadowRoot && /Kaiyang Motors User Privacy Policy/.test(d.shadowRoot.textContent)));
  assert.deepEqual(problems.filter((p) => p.startsWith('page error') && !/unreachable|crash requested/.test(p)), []);
  await context.close();
});

test('only with the host opt-in, the last version read is remembered and changes since then are pointed out', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await page.goto(`${server.origin}/demo/script-tag.html`);
  await page.waitForSelector('policy-lens[data-ready]');
  // Mounts a widget, waits for it to be ready and then for `until` (a condition in the page),
  // reads the badge and the storage, and unmounts it.
  const mountOnce = async (options, until = () => true) => {
    await page.evaluate(async (options) => {
      const el = document.createElement('div');
      document.body.appendChild(el);
      const ready = new Promise((r) => el.addEventListener('policy-lens:ready', r, { once: true }));
      window.__mounted = { el, h: window.PolicyLens.mount(el, options) };
      await ready;
    }, options);
    await page.waitForFunction(until);
    return page.evaluate(() => {
      const { el, h } = window.__mounted;
      const badge = el.shadowRoot.querySelector('[data-testid=changed-badge]')?.textContent || '';
      h.unmount();
      el.remove();
      return { badge, stored: { ...localStorage } };
    });
  };
  const plain = await mountOnce({ policy: 'zeekr', version: '2025-11-10', lang: 'en' });
  assert.deepEqual(plain.stored, {}, 'nothing stored without the opt-in');
  const first = await mountOnce({ policy: 'zeekr', version: '2025-11-10', lang: 'en', remember: 'last-read' },
    () => localStorage.getItem('policy-lens:last-read:zeekr') !== null);
  assert.deepEqual(first.stored, { 'policy-lens:last-read:zeekr': '2025-11-10' });
  const second = await mountOnce({ policy: 'zeekr', lang: 'en', remember: 'last-read' },
    () => /you last read/.test(window.__mounted.el.shadowRoot.querySelector('[data-testid=changed-badge]')?.textContent || ''));
  assert.equal(second.badge, 'Changed since you last read 2025-11-10');
  assert.deepEqual(second.stored, { 'policy-lens:last-read:zeekr': '2025-12-31' });
  assert.deepEqual(problems, []);
  await context.close();
});
