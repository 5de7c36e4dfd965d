// The authoring page (dist/author.html), driven as a reviewer would: open a policy document
// through the file input, check the outline and the suggested facts with their quotes, accept
// one, reject one, add one from a selection in the full text, say a facet is not stated,
// download the version file and validate it with the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { serve, launch, open, screenshot, root } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const zhFixture = path.join(root, 'core', 'tests', 'fixtures', 'import', 'zh-toc-bold.md');
const enFixture = path.join(root, 'core', 'tests', 'fixtures', 'extract', 'en-fitness-app.md');

async function openAuthor(viewport, lang) {
  const watched = await open(browser, server.origin, { viewport });
  await watched.page.goto(`${server.origin}/author.html?lang=${lang}`);
  await watched.page.waitForSelector('[data-testid=author][data-ready]', { timeout: 15000 });
  return watched;
}

async function load(page, file) {
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.waitForFunction((name) => document.querySelector('[data-testid=file-name]')?.textContent === name,
    path.basename(file));
  await page.waitForSelector('[data-testid=outline-entry]');
}

async function noSidewaysOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
}

/// Selects `needle` inside the first full-text paragraph holding it, with the DOM Selection API.
async function selectInText(page, needle) {
  await page.evaluate((needle) => {
    for (const p of document.querySelectorAll('.pl-text p')) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + needle.length);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
    }
    throw new Error(`"${needle}" is in no full-text paragraph`);
  }, needle);
}

test('a Chinese Markdown policy opens with its outline and suggested facts, in Chinese, on a phone', async () => {
  const { page, problems, context } = await openAuthor({ width: 360, height: 740 }, 'zh-CN');
  assert.equal(await page.locator('h1').innerText(), '审阅隐私政策');
  await load(page, zhFixture);
  const outline = await page.locator('[data-testid=outline]').innerText();
  for (const heading of ['一、引言', '四、您的权利', '六、如何联系我们']) {
    assert.ok(outline.includes(heading), `${heading} in the outline: ${outline.slice(0, 300)}`);
  }
  const suggested = page.locator('[data-testid=fact][data-suggested]');
  assert.ok(await suggested.count() > 0, 'suggested facts are shown');
  assert.ok((await suggested.first().locator('[data-testid=suggested-badge]').innerText()).includes('建议'));
  assert.ok((await suggested.first().locator('[data-testid=fact-quote]').innerText()).trim().length > 0, 'with a quote');
  await screenshot(page, 'author-zh-360-top');
  await suggested.first().scrollIntoViewIfNeeded();
  await screenshot(page, 'author-zh-360-facts');
  // Showing a fact highlights its quote in the full text.
  await suggested.first().locator('[data-testid=fact-show]').click();
  await page.locator('.pl-text [data-testid=source-highlight]').first().waitFor();
  await noSidewaysOverflow(page);
  await screenshot(page, 'author-zh-360-quote');
  // The UI language switches in place; the policy stays open.
  await page.click('[data-testid=lang-switch]');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Review a policy');
  assert.ok(await page.locator('[data-testid=fact][data-suggested]').count() > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('review an English policy end to end: accept, reject, add by selection, not stated, download, validate', async () => {
  const { page, problems, context } = await openAuthor({ width: 1280, height: 800 }, 'en');
  await screenshot(page, 'author-en-1280-empty');
  await load(page, enFixture);
  assert.ok((await page.locator('[data-testid=outline]').innerText()).includes('1. Information we collect'));

  // Accept the first suggested fact.
  const first = page.locator('[data-testid=fact][data-suggested]').first();
  const accepted = {
    facet: await first.getAttribute('data-facet'),
    index: await first.getAttribute('data-index'),
    quote: (await first.locator('[data-testid=fact-quote]').innerText()).trim(),
  };
  assert.ok(accepted.quote.length > 0);
  await first.locator('[data-testid=fact-show]').click();
  await page.locator('.pl-text [data-testid=source-highlight]').first().waitFor();
  await screenshot(page, 'author-en-1280-quote');
  await first.locator('[data-testid=fact-accept]').click();
  const acceptedCard = page.locator(`[data-testid=fact][data-facet=${accepted.facet}][data-index="${accepted.index}"]`);
  await page.waitForFunction(([f, i]) => {
    const el = document.querySelector(`[data-testid=fact][data-facet=${f}][data-index="${i}"]`);
    return el && !el.hasAttribute('data-suggested');
  }, [accepted.facet, accepted.index]);
  assert.equal((await acceptedCard.locator('[data-testid=fact-quote]').innerText()).trim(), accepted.quote);
  // Edit its value.
  await acceptedCard.locator('[data-testid=fact-edit]').click();
  await acceptedCard.locator('[data-testid=fact-edit-input]').fill('Edited value');
  await acceptedCard.locator('[data-testid=fact-save]').click();
  await page.waitForFunction(([f, i]) => document.querySelector(
    `[data-testid=fact][data-facet=${f}][data-index="${i}"] [data-testid=fact-show]`)?.textContent === 'Edited value',
  [accepted.facet, accepted.index]);

  // Reject a suggested fact of another facet.
  const other = page.locator(`[data-testid=fact][data-suggested]:not([data-facet=${accepted.facet}])`).first();
  const rejectedFacet = await other.getAttribute('data-facet');
  const rejectedQuote = (await other.locator('[data-testid=fact-quote]').innerText()).trim();
  const before = await page.locator(`[data-testid=fact][data-facet=${rejectedFacet}]`).count();
  await other.locator('[data-testid=fact-reject]').click();
  await page.waitForFunction(([f, n]) => document.querySelectorAll(`[data-testid=fact][data-facet=${f}]`).length === n - 1,
    [rejectedFacet, before]);

  // Add a fact from a selection in the full text.
  await page.locator('[data-testid=add-hint]').waitFor();
  await selectInText(page, 'heart rate');
  await page.waitForFunction(() => document.querySelector('[data-testid=add-quote]')?.textContent === 'heart rate');
  const section = await page.locator('[data-testid=add-section]').getAttribute('data-section');
  assert.ok((await page.locator('[data-testid=add-section]').innerText()).includes('1. Information we collect'));
  assert.ok(section, 'the selection names its section');
  await page.selectOption('[data-testid=add-facet]', 'data_collected');
  await page.fill('[data-testid=add-value]', 'Heart rate');
  await screenshot(page, 'author-en-1280-add');
  await page.click('[data-testid=add-submit]');
  const added = page.locator('[data-testid=fact][data-facet=data_collected]:not([data-suggested])', { hasText: 'Heart rate' });
  await added.waitFor();
  assert.equal((await added.locator('[data-testid=fact-quote]').innerText()).trim(), 'heart rate');
  assert.equal(await page.locator('[data-testid=author-error]').count(), 0);

  // Say the policy does not state its SDKs.
  await page.click('[data-testid=facet][data-facet=sdks] [data-testid=facet-not-stated]');
  await page.waitForSelector('[data-testid=facet][data-facet=sdks][data-status=not_stated]');
  // Mark the data collected reviewed: its remaining suggestions are accepted.
  await page.click('[data-testid=facet][data-facet=data_collected] [data-testid=facet-reviewed]');
  await page.waitForSelector('[data-testid=facet][data-facet=data_collected][data-status=stated]');
  assert.equal(await page.locator('[data-testid=fact][data-facet=data_collected][data-suggested]').count(), 0);
  await noSidewaysOverflow(page);

  // Download, then validate the file with the CLI.
  await page.waitForSelector('[data-testid=valid]');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid=download-json]'),
  ]);
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  assert.equal(download.suggestedFilename(), `${today}.json`);
  assert.equal(await page.locator('[data-testid=download-path]').locator('code').innerText(), `policies/en-fitness-app/${today}.json`);
  // The CLI wants a version file at <id>/<version>.json.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-lens-author-'));
  fs.mkdirSync(path.join(dir, 'en-fitness-app'));
  const file = path.join(dir, 'en-fitness-app', download.suggestedFilename());
  await download.saveAs(file);
  const cli = spawnSync('cargo', ['run', '-q', '-p', 'policy-lens-core', '--bin', 'policy-lens', '--', 'validate', file],
    { cwd: root, encoding: 'utf8' });
  assert.equal(cli.status, 0, `policy-lens validate: ${cli.stdout}${cli.stderr}`);

  const v = JSON.parse(fs.readFileSync(file, 'utf8'));
  const acceptedItem = v.facets[accepted.facet].items.find((i) => i.source.quote.replace(/\s/g, '') === accepted.quote.replace(/\s/g, ''));
  assert.ok(acceptedItem, `the accepted ${accepted.facet} fact is in the file`);
  assert.equal(acceptedItem.suggested, undefined);
  assert.ok(Object.values(acceptedItem).includes('Edited value'), JSON.stringify(acceptedItem));
  assert.ok(!v.facets[rejectedFacet].items?.some((i) => i.source.quote.replace(/\s/g, '') === rejectedQuote.replace(/\s/g, '') && i.suggested),
    'the rejected fact is gone');
  const addedItem = v.facets.data_collected.items.find((i) => i.name === 'Heart rate');
  assert.deepEqual(addedItem?.source, { section, quote: 'heart rate' });
  assert.equal(addedItem.suggested, undefined);
  assert.equal(v.facets.sdks.status, 'not_stated');
  assert.equal(v.facets.sdks.items, undefined);
  assert.equal(v.facets.data_collected.status, 'stated');
  assert.ok(v.facets.data_collected.items.every((i) => i.suggested === undefined));
  fs.rmSync(dir, { recursive: true });

  assert.deepEqual(problems, []);
  await context.close();
});

test('a GB18030 HTML policy is decoded and imported in the page', async () => {
  const { page, problems, context } = await openAuthor({ width: 1280, height: 800 }, 'zh-CN');
  await load(page, path.join(root, 'core', 'tests', 'fixtures', 'import', 'zh-toc-bold.gb18030.html'));
  const outline = await page.locator('[data-testid=outline]').innerText();
  assert.ok(outline.includes('二、我们如何收集和使用您的个人信息'), outline.slice(0, 300));
  assert.ok(await page.locator('[data-testid=warning]').count() > 0, 'the importer\'s warnings are shown');
  assert.ok(await page.locator('[data-testid=fact][data-suggested]').count() > 0);
  await page.waitForSelector('[data-testid=valid]');
  await screenshot(page, 'author-zh-1280-gb18030-html');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an invalid version file is refused with its JSON path, and nothing is fetched for it', async () => {
  const { page, problems, requests, context } = await openAuthor({ width: 1280, height: 800 }, 'en');
  const before = requests.length;
  await page.setInputFiles('[data-testid=file-input]', {
    name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "x", "colour": 1}'),
  });
  const error = page.locator('[data-testid=author-error]');
  await error.waitFor();
  assert.match(await error.innerText(), /\$/);
  assert.equal(requests.length, before, 'opening a file makes no request');
  assert.deepEqual(problems, []);
  await context.close();
});
