// The layered summary, sections and full text, driven as a reader would: per bundled policy,
// on a phone and a desktop, by mouse and keyboard, in both languages and both themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, open, gotoReady, screenshot, root } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// What a reader must find at a glance, per version: a contact, the location answer, the SDK
// answer, and how to delete the account (or the notice that the source is cut off there).
const cases = [
  { id: 'infiniti', version: '2022-03-31', contact: '400-890-9090', contactLinked: true, location: 'Location', sdks: 'Third-party SDKs: 0', rights: 'Our source text is cut off before this part.' },
  { id: 'mini-connected-drive', version: '2023-11', contact: 'ConnectedDrive@bmw.com.cn', contactLinked: true, location: 'Vehicle data', sdks: 'Third-party SDKs: 0', rights: 'Delete account' },
  { id: 'kaiyang', version: '2022-09-15', contact: 'Our source text is cut off before this part.', contactLinked: false, location: 'Location', sdks: 'WeChat SDK', rights: 'Our source text is cut off before this part.' },
  { id: 'zeekr', version: '2025-11-10', contact: '400-003-6036', contactLinked: true, location: 'Location', sdks: '小米推送SDK', rights: '“我的”-“设置”-“账号管理”' },
  { id: 'zeekr', version: '2025-12-31', contact: 'DataPrivacy@zeekrlife.com', contactLinked: true, location: 'Location', sdks: '网易云信SDK', rights: '“我的”-“设置”-“账号管理”' },
];

for (const c of cases) {
  test(`${c.id} ${c.version}: at a glance answers who, location, SDKs and account deletion`, async () => {
    for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
      const { page, problems, context } = await open(browser, server.origin, { viewport });
      await gotoReady(page, `${server.origin}/?policy=${c.id}&version=${c.version}&lang=en`);
      const glance = page.locator('[data-testid=at-a-glance]');
      const text = await glance.innerText();
      assert.ok(text.includes(c.contact), `contact ${c.contact} in: ${text.slice(0, 400)}`);
      assert.ok((await page.locator('[data-testid=glance-data_collected]').innerText()).includes(c.location));
      assert.ok((await page.locator('[data-testid=glance-recipients]').innerText()).includes(c.sdks));
      assert.ok((await page.locator('[data-testid=glance-rights]').innerText()).includes(c.rights));
      assert.ok(await page.locator('.pl-source-link').count() > 0, 'facts have source links');
      // Nothing overflows the phone screen sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
      await screenshot(page, `summary-${c.id}-${c.version}-${viewport.width}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}

test('sections expand and collapse with Enter and Space (WAI-ARIA accordion)', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await gotoReady(page, `${server.origin}/?policy=mini-connected-drive&lang=en`);
  const button = page.locator('.pl-acc-button').first();
  const panelId = await button.getAttribute('aria-controls');
  const panel = page.locator(`#${panelId}`);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await panel.isVisible(), false);
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await panel.isVisible(), true);
  assert.match(await panel.innerText(), /Read this section/);
  await page.keyboard.press('Space');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await panel.isVisible(), false);
  // The digest's key items each have their own source link (every fact in layer 2 does).
  await page.click('[data-testid=section-toggle-s5]');
  const rights = page.locator('[data-testid=section-panel-s5]');
  const items = await rights.locator('[data-testid=key-items] li').count();
  assert.ok(items > 0, 'the rights section lists key items');
  assert.equal(await rights.locator('[data-testid=key-items] .pl-source-link').count(), items);
  await page.click('[data-testid=section-toggle-s5]');
  assert.deepEqual(problems, []);
  await context.close();
});

test('search highlights matches with a count and next/previous', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await gotoReady(page, `${server.origin}/?policy=zeekr&view=full&lang=en`);
  await page.fill('[data-testid=search-input]', 'SDK');
  const status = page.locator('[data-testid=search-status]');
  await page.waitForFunction(() => /matches/.test(document.querySelector('[data-testid=search-status]').textContent));
  const [, total] = (await status.innerText()).match(/1 \/ (\d+)/);
  assert.ok(Number(total) >= 3, `SDK matches: ${total}`);
  assert.equal(await page.locator('mark.pl-match').count(), Number(total));
  await page.click('[data-testid=search-next]');
  assert.match(await status.innerText(), new RegExp(`^2 / ${total}`));
  await page.click('[data-testid=search-prev]');
  await page.click('[data-testid=search-prev]');
  assert.match(await status.innerText(), new RegExp(`^${total} / ${total}`));
  assert.equal(await page.locator('mark.pl-match-current').innerText(), 'SDK');
  await page.fill('[data-testid=search-input]', 'zzzz-not-there');
  assert.equal(await status.innerText(), 'No matches');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const id of ['zeekr', 'kaiyang', 'mini-connected-drive', 'infiniti']) {
  test(`${id}: a source link jumps to the quoted sentence and highlights it`, async () => {
    const { page, problems, context } = await open(browser, server.origin, { viewport: { width: 360, height: 740 } });
    await gotoReady(page, `${server.origin}/?policy=${id}&lang=en`);
    const link = page.locator('[data-testid=glance-who] .pl-source-link, [data-testid=glance-data_collected] .pl-source-link').first();
    const label = await link.getAttribute('aria-label');
    const quote = label.slice(label.indexOf('“') + 1, label.lastIndexOf('”'));
    await link.click();
    const mark = page.locator('[data-testid=source-highlight]');
    await mark.waitFor();
    assert.match(page.url(), /view=full/);
    const squash = (s) => s.replace(/\s+/g, '');
    assert.ok(squash(await mark.innerText()).includes(squash(quote).slice(0, 20)), `highlight holds “${quote}”`);
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-testid=source-highlight]').getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    await screenshot(page, `provenance-${id}-360`);
    // Back returns to the summary.
    await page.goBack();
    await page.locator('[data-testid=at-a-glance]').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('language switch, deep links that survive a reload, and the browser language', async () => {
  const { page, problems, context } = await open(browser, server.origin, { locale: 'zh-CN' });
  await gotoReady(page, `${server.origin}/?policy=infiniti`);
  assert.equal(await page.locator('#pl-glance-title').innerText(), '一览', 'navigator.language zh-CN picks Chinese');
  assert.equal(await page.locator('[data-testid=policy-title]').getAttribute('lang'), 'en', 'policy text keeps its language');
  await page.click('[data-testid=lang-switch]');
  assert.equal(await page.locator('#pl-glance-title').innerText(), 'At a glance');
  assert.match(page.url(), /lang=en/);
  await page.click('[data-testid=tab-full]');
  assert.match(page.url(), /view=full/);
  await page.reload();
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached' });
  assert.ok(await page.locator('[data-testid=full-text]').isVisible());
  assert.equal(await page.locator('[data-testid=policy-lens]').getAttribute('lang'), 'en');
  // The full text is rendered by the text module, in a frame of its own next to the widget's.
  assert.equal(await page.locator('[data-testid=text-part]').getAttribute('lang'), 'en');
  await page.goBack();
  await page.locator('[data-testid=at-a-glance]').waitFor();
  assert.match(page.url(), /\?policy=infiniti&lang=en$/);
  assert.equal(await page.locator('#pl-glance-title').innerText(), 'At a glance', 'back keeps the language chosen');
  await page.goto(`${server.origin}/?policy=zeekr&version=1999-01-01&lang=en`);
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached' });
  const err = await page.locator('[data-testid=error-panel]').innerText();
  assert.ok(err.includes('1999-01-01') && err.includes('2025-11-10') && err.includes('2025-12-31'), err);
  assert.deepEqual(problems, []);
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no WCAG 2.2 A/AA violations (${colorScheme})`, async () => {
    const { page, problems, context } = await open(browser, server.origin, { colorScheme });
    const urls = ['/', '/?policy=zeekr&lang=zh-CN', '/?policy=infiniti&lang=en&view=full', '/?policy=kaiyang&lang=en'];
    for (const url of urls) {
      await gotoReady(page, server.origin + url);
      if (url.includes('zeekr')) await page.locator('.pl-acc-button').first().click();
      await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      }));
      const found = result.violations.map((v) => `${url}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`);
      assert.deepEqual(found, []);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const c of cases) {
  test(`${c.id} ${c.version}: quick answers fit one 360×640 screen; reflows at 320 px and at 200% zoom`, async () => {
    const { page, problems, context } = await open(browser, server.origin, { viewport: { width: 360, height: 640 } });
    await gotoReady(page, `${server.origin}/?policy=${c.id}&version=${c.version}&lang=en`);
    const bottom = await page.$eval('[data-testid=quick-answers]', (el) => el.getBoundingClientRect().bottom);
    assert.ok(bottom <= 640, `quick answers end at ${bottom}px`);
    for (const id of ['who', 'contact', 'when', 'collected', 'location', 'sdks', 'why', 'stored', 'kept', 'children', 'delete']) {
      assert.equal(await page.locator(`[data-testid=tile-${id}]`).count(), 1, id);
    }
    // Each quick answer with a source is one tap from it. Where the source is cut off before
    // the contacts (kaiyang), the contact tile has no link, and the date tile is tapped instead.
    if (!c.contactLinked) assert.equal(await page.locator('[data-testid=tile-contact] a').count(), 0, 'a cut-off answer links nowhere');
    const tile = page.locator(`[data-testid=tile-${c.contactLinked ? 'contact' : 'when'}] a`);
    assert.equal(await tile.count(), 1, 'the tile links to its source');
    await tile.click();
    await page.locator('[data-testid=source-highlight]').waitFor();
    assert.match(page.url(), /view=full/);
    // 320 px (400% zoom of 1280) and 640 px (200% zoom of 1280): no sideways scrolling.
    for (const width of [320, 640]) {
      await page.setViewportSize({ width, height: 640 });
      await page.goto(`${server.origin}/?policy=${c.id}&version=${c.version}&lang=en`);
      await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${width}px: horizontal overflow ${overflow}px`);
    }
    await screenshot(page, `fit-${c.id}-${c.version}-320`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a URL fragment links straight to a section or a facet', async () => {
  const { page, problems, context } = await open(browser, server.origin, { viewport: { width: 360, height: 640 } });
  await page.goto(`${server.origin}/?policy=zeekr&lang=en&view=full#pl-s-s7`);
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached' });
  await page.waitForFunction(() => {
    const r = document.getElementById('pl-s-s7').getBoundingClientRect();
    return r.top >= -5 && r.top < window.innerHeight;
  });
  await page.goto(`${server.origin}/?policy=kaiyang&lang=en#pl-facet-rights`);
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached' });
  await page.waitForFunction(() => {
    const r = document.getElementById('pl-facet-rights').getBoundingClientRect();
    return r.top >= -5 && r.top < window.innerHeight;
  });
  assert.deepEqual(problems, []);
  await context.close();
});

test('machine suggestions are marked in both languages, and reviewed-only hides them', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await page.goto(`${server.origin}/demo/script-tag.html`);
  await page.waitForSelector('policy-lens[data-ready]');
  await page.evaluate(() => {
    for (const [id, opts] of [
      ['sug-en', { lang: 'en' }],
      ['sug-zh', { lang: 'zh-CN' }],
      ['sug-reviewed', { lang: 'en', 'reviewed-only': true }],
    ]) {
      const el = document.createElement('div');
      el.id = id;
      document.body.append(el);
      window.PolicyLens.mount(el, { src: '/fixtures/suggested/', view: 'summary', ...opts });
    }
  });
  for (const id of ['sug-en', 'sug-zh', 'sug-reviewed']) await page.waitForSelector(`#${id}[data-ready]`);
  const en = page.locator('#sug-en');
  assert.ok(await en.locator('[data-testid=suggested]').count() >= 5);
  assert.match(await en.locator('[data-testid=suggested-notice]').innerText(), /not yet reviewed by a person/);
  // The quick answer "who" rests on a suggested controller and says so.
  const who = en.locator('[data-testid=tile-who]');
  assert.match(await who.innerText(), /青禾网络科技（杭州）有限公司/);
  assert.equal(await who.locator('[data-testid=suggested]').count(), 1);
  assert.equal(await en.locator('[data-testid=suggested]').first().getAttribute('title'), 'suggested by the machine, not yet reviewed');
  const zh = page.locator('#sug-zh');
  assert.match(await zh.locator('[data-testid=suggested]').first().innerText(), /待审核/);
  // Reviewed only: no suggestion is shown, and the facts they carried are gone with them.
  const reviewed = page.locator('#sug-reviewed');
  assert.equal(await reviewed.locator('[data-testid=suggested]').count(), 0);
  assert.equal(await reviewed.locator('[data-testid=suggested-notice]').count(), 0);
  assert.ok(!(await reviewed.locator('[data-testid=tile-who]').innerText()).includes('青禾网络科技'));
  assert.deepEqual(problems, []);
  await context.close();
});
