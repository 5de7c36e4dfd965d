// The preview: the start page lists the bundled policies and the widget renders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, gotoReady, screenshot } from './harness.js';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('start page lists every bundled policy and fires policy-lens:ready', async () => {
  const { page, problems, context } = await open(browser, server.origin);
  await page.addInitScript(() => {
    window.__ready = [];
    document.addEventListener('policy-lens:ready', (e) => window.__ready.push({ bubbles: e.bubbles, composed: e.composed }));
  });
  await gotoReady(page, `${server.origin}/`);
  const text = await page.locator('[data-testid=start-page]').innerText();
  for (const t of ['Dongfeng Infiniti', 'Personal Information Protection Policy', 'Kaiyang', '极氪']) {
    assert.ok(text.includes(t), `start page should mention ${t}: ${text}`);
  }
  assert.equal(await page.locator('[data-testid^=policy-card-]').count(), 4);
  const ready = await page.evaluate(() => window.__ready);
  assert.deepEqual(ready, [{ bubbles: true, composed: true }]);
  await screenshot(page, 'start-1280');
  // Sent once per widget: not again when the reader opens a policy and comes back.
  await page.locator('[data-testid=policy-card-zeekr] a').first().click();
  await page.waitForSelector('[data-testid=glance-rights]');
  await page.goBack();
  await page.waitForSelector('[data-testid=start-page]');
  assert.equal(await page.evaluate(() => window.__ready.length), 1);
  assert.deepEqual(problems, []);
  await context.close();
});
