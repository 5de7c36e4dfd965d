// "What changed", computed in the browser: the Zeekr pair, keyboard navigation, deep links,
// the version selectors, collapsed unchanged runs, and phone width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, open, gotoReady, screenshot, root } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('zeekr 2025-11-10 → 2025-12-31 is exactly one modified paragraph, a recipient/operator change, with the date flag', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await gotoReady(page, `${server.origin}/?policy=zeekr&view=changes&from=2025-11-10&to=2025-12-31&lang=en`);
  assert.equal(await page.locator('[data-testid=change]').count(), 1);
  const change = await page.locator('[data-testid=change]').innerText();
  assert.ok(change.includes('扩展业务功能') && change.includes('极物商城'), change);
  assert.equal((await page.locator('[data-testid=change] del').first().textContent()), '[deleted: 浩物网络科技]');
  assert.equal((await page.locator('[data-testid=change] ins').first().textContent()), '[added: 吉利汽车备件]');
  assert.match(change, /a recipient changed/);
  assert.match(await page.locator('[data-testid=verdict]').innerText(), /^⚠ 1 may need notice: a recipient changed$/);
  assert.match(await page.locator('[data-testid=flags]').innerText(), /stated update date did not/);
  assert.equal(await page.locator('[data-testid=legend]').innerText(), '− 0 deleted\n+ 0 added\n± 1 modified');
  // Unchanged runs collapse, and expand on request.
  const before = await page.locator('.pl-lrow').count();
  await page.locator('[data-testid=show-unchanged]').first().click();
  assert.ok(await page.locator('.pl-lrow').count() > before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('j and k move between changes and each change has a deep link that survives a reload', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await gotoReady(page, `${server.origin}/?policy=zeekr&view=changes&lang=en`);
  await page.locator('[data-testid=verdict]').click();
  await page.keyboard.press('j');
  await page.waitForURL(/change=c1/);
  assert.equal(await page.locator('[data-testid=change][aria-current=true]').getAttribute('data-change'), 'c1');
  await page.keyboard.press('k');
  assert.match(page.url(), /change=c1/, 'one change: k wraps to itself');
  await page.reload();
  await page.waitForSelector('#policy-lens[data-ready]', { state: 'attached' });
  assert.equal(await page.locator('[data-testid=change][aria-current=true]').count(), 1);
  // Typing in a field does not navigate.
  await page.locator('[data-testid=select-from]').focus();
  await page.keyboard.press('j');
  assert.match(page.url(), /change=c1/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('several changes (host data through src): j and k step through them, wrap at both ends, and keys typed in a field do not navigate', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await page.goto(`${server.origin}/demo/script-tag.html`);
  await page.waitForSelector('policy-lens[data-ready]');
  // A host page with its own text field, and a widget showing the host's two versions
  // (tests/browser/fixtures/several-changes/, served as one array).
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.id = 'host-input';
    const el = document.createElement('div');
    el.id = 'several';
    document.body.append(input, el);
    window.__changes = [];
    el.addEventListener('policy-lens:navigate', (e) => window.__changes.push(e.detail.change));
    window.PolicyLens.mount(el, { src: '/fixtures/several-changes/', view: 'changes', lang: 'en' });
  });
  await page.waitForSelector('#several[data-ready]');
  const ids = await page.$$eval('#several [data-testid=change]', (els) => els.map((e) => e.dataset.change));
  assert.deepEqual(ids, ['c1', 'c2', 'c3', 'c4']);
  const current = () => page.locator('#several [data-testid=change][aria-current=true]');
  const press = async (key, want) => {
    await page.keyboard.press(key);
    await page.waitForFunction((want) => document.querySelector('#several').shadowRoot
      .querySelector('[data-testid=change][aria-current=true]')?.dataset.change === want, want);
    assert.equal(await current().count(), 1);
  };
  await page.locator('#several [data-testid=verdict]').click();
  assert.equal(await current().count(), 0, 'no change is current at first');
  await press('k', 'c4'); // k with none current starts at the last change
  await press('j', 'c1'); // j wraps from the last to the first
  await press('j', 'c2');
  await press('j', 'c3');
  await press('k', 'c2');
  await press('k', 'c1');
  await press('k', 'c4'); // k wraps from the first to the last
  // Keys typed in the widget's version selector or in the host's text field do not navigate:
  // the next j inside the widget still moves from c4 to c1.
  await page.locator('#several [data-testid=select-from]').focus();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.locator('#host-input').focus();
  await page.keyboard.type('jjk');
  assert.equal(await page.inputValue('#host-input'), 'jjk');
  await page.locator('#several [data-testid=verdict]').click();
  await press('j', 'c1');
  assert.deepEqual(await page.evaluate(() => window.__changes), ['c4', 'c1', 'c2', 'c3', 'c2', 'c1', 'c4', 'c1']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the several-changes fixture is valid data with four changes', async () => {
  const { execFileSync } = await import('node:child_process');
  const dir = 'tests/browser/fixtures/several-changes';
  const cli = (...args) => execFileSync('cargo', ['run', '-q', '-p', 'policy-lens-core', '--bin', 'policy-lens', '--', ...args], { cwd: root, encoding: 'utf8' });
  assert.match(cli('validate', dir), /2 files valid/);
  const json = JSON.parse(cli('diff', `${dir}/2024-01-01.json`, `${dir}/2024-06-01.json`, '--format', 'json'));
  assert.deepEqual(json.changes.map((c) => c.id), ['c1', 'c2', 'c3', 'c4']);
});

test('selecting the same version on both sides gives "no changes"; reversing the pair mirrors it', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await gotoReady(page, `${server.origin}/?policy=zeekr&view=changes&lang=en`);
  await page.selectOption('[data-testid=select-from]', '2025-12-31');
  await page.waitForFunction(() => /No changes/.test(document.querySelector('[data-testid=verdict]').textContent));
  assert.equal(await page.locator('[data-testid=change]').count(), 0);
  await page.selectOption('[data-testid=select-to]', '2025-11-10');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=change]').length === 1);
  assert.equal((await page.locator('[data-testid=change] ins').first().textContent()), '[added: 浩物网络科技]');
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone width: unified listing, no sideways scroll, readable in Chinese', async () => {
  const { page, problems, context } = await open(browser, server.origin, { viewport: { width: 360, height: 740 } });
  await gotoReady(page, `${server.origin}/?policy=zeekr&view=changes&lang=zh-CN&change=c1`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  assert.ok(await page.locator('.pl-mod .pl-unified-inline').first().isVisible(), 'unified inline row on a phone');
  assert.equal(await page.locator('.pl-mod .pl-cell.pl-old').first().isVisible(), false);
  await screenshot(page, 'changes-zeekr-360');
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.ok(await page.locator('.pl-mod .pl-cell.pl-old').first().isVisible(), 'side by side when wide');
  await screenshot(page, 'changes-zeekr-1280');
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
    const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
    assert.deepEqual(r.violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`), []);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the view and `policy-lens diff --format json` give the same result', async () => {
  const { execFileSync } = await import('node:child_process');
  const json = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'policy-lens-core', '--bin', 'policy-lens', '--',
    'diff', 'policies/zeekr/2025-11-10.json', 'policies/zeekr/2025-12-31.json', '--format', 'json'], { cwd: root, encoding: 'utf8' }));
  const { page, problems, context } = await open(browser, server.origin);
  await gotoReady(page, `${server.origin}/?policy=zeekr&view=changes&lang=en`);
  const view = await page.$$eval('[data-testid=change]', (els) => els.map((e) => ({
    id: e.dataset.change,
    path: e.querySelector('.pl-path').textContent,
    del: [...e.querySelectorAll('.pl-span-del')].map((d) => d.textContent.replace(/^\[deleted: |\]$/g, '')),
    ins: [...e.querySelectorAll('.pl-span-ins')].map((d) => d.textContent.replace(/^\[added: |\]$/g, '')),
  })));
  const cli = json.changes.map((c) => {
    const op = json.ops[c.op];
    return {
      id: c.id,
      path: c.section_path.join(' › '),
      del: (op.inline || []).filter((s) => s.kind === 'delete').map((s) => s.text),
      ins: (op.inline || []).filter((s) => s.kind === 'insert').map((s) => s.text),
    };
  });
  assert.deepEqual(view, cli);
  const legend = await page.locator('[data-testid=legend]').innerText();
  assert.ok(legend.includes(`${json.counts.modified} modified`) && legend.includes(`${json.counts.added} added`), legend);
  assert.deepEqual(problems, []);
  await context.close();
});

test('formatting-only changes are counted apart, hidden until asked for, and skipped by j/k; bold and links render in the full text', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await page.goto(`${server.origin}/demo/script-tag.html`);
  await page.waitForSelector('policy-lens[data-ready]');
  await page.evaluate(() => {
    for (const [id, view] of [['fmt', 'changes'], ['fmt-full', 'full']]) {
      const el = document.createElement('div');
      el.id = id;
      document.body.append(el);
      window.PolicyLens.mount(el, { src: '/fixtures/formatting/', view, lang: 'en' });
    }
  });
  await page.waitForSelector('#fmt[data-ready]');
  const ids = () => page.$$eval('#fmt [data-testid=change]', (els) => els.map((e) => e.dataset.change));
  assert.deepEqual(await ids(), ['c1', 'c3'], 'the formatting change c2 is hidden at first');
  assert.match(await page.locator('#fmt [data-testid=verdict]').innerText(), /1 formatting only/);
  // j from c1 goes straight to c3.
  await page.locator('#fmt [data-testid=verdict]').click();
  const currentIs = (want) => page.waitForFunction((want) => document.querySelector('#fmt').shadowRoot
    .querySelector('[data-testid=change][aria-current=true]')?.dataset.change === want, want);
  await page.keyboard.press('j');
  await currentIs('c1');
  await page.keyboard.press('j');
  await currentIs('c3');
  await page.locator('#fmt [data-testid=show-formatting]').check();
  await page.waitForFunction(() => document.querySelector('#fmt').shadowRoot.querySelectorAll('[data-testid=change]').length === 3);
  assert.deepEqual(await ids(), ['c1', 'c2', 'c3']);
  const c2 = await page.locator('#fmt [data-testid=change][data-change=c2]').innerText();
  assert.match(c2, /Same text: only bold, emphasis, links or spacing changed/);
  assert.ok(!c2.includes('**'), 'no Markdown markup in the change');
  // The full text shows the new version's bold and its mail link as elements.
  await page.waitForSelector('#fmt-full[data-ready]');
  const strong = await page.$$eval('#fmt-full', (els) => [...els[0].shadowRoot.querySelectorAll('strong')].map((e) => e.textContent));
  assert.ok(strong.includes('加密措施') && strong.includes('手机号码'), JSON.stringify(strong));
  const href = await page.$eval('#fmt-full', (el) => el.shadowRoot.querySelector('a.pl-link')?.getAttribute('href'));
  assert.equal(href, 'mailto:privacy@xinghe-read.cn');
  assert.deepEqual(problems, []);
  await context.close();
});
