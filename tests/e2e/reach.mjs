// Reach: installable, offline after the first visit, a non-streaming wasm fallback, a useful page
// without WebAssembly, and the static policy page (dist/policy.html) — in headless Chromium.
//
//   node tests/e2e/reach.mjs http://127.0.0.1:PORT/ target/e2e

import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import { launchChromium, newPage, runSuite, suiteArgs, assert, eq } from './lib/chromium.mjs';
import { TITLE } from './lib/expectations.mjs';
import { catalogue } from './lib/flows.mjs';

const { baseUrl, shotDir, origin } = suiteArgs('reach.mjs');
const browser = await launchChromium();
const log = { requests: [], problems: [] };

async function mounted(page) {
  await page.waitForFunction(() => !document.getElementById('loading') && document.querySelector('main'), null, {
    timeout: 20000,
  });
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('installable: manifest, icons and link-preview tags', async () => {
  const { context, page } = await newPage(browser, log);
  await page.goto(baseUrl);
  await mounted(page);
  const manifestHref = await page.getAttribute('link[rel=manifest]', 'href');
  const manifest = await (await page.request.get(new URL(manifestHref, baseUrl).href)).json();
  eq(manifest.name, TITLE, 'manifest name');
  eq(manifest.display, 'standalone', 'manifest display');
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, baseUrl).href);
    eq(response.status(), 200, `icon ${icon.src}`);
  }
  for (const property of ['og:title', 'og:description', 'og:image']) {
    const content = await page.getAttribute(`meta[property="${property}"]`, 'content');
    assert(content && content.length > 0, `${property} missing`);
  }
  await context.close();
});

test('offline: after a first visit the app loads and works with no network', async () => {
  const { context, page } = await newPage(browser, log, { ignore: ['ERR_INTERNET_DISCONNECTED'] });
  await page.goto(baseUrl);
  await mounted(page);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
    return registration.active?.state;
  });
  await context.setOffline(true);
  await page.reload();
  await mounted(page);
  const title = await page.locator('h1').first().innerText();
  eq(title, TITLE, 'heading offline');
  // And it still evaluates: a question answered offline moves the count on.
  await page.evaluate(() => { location.hash = '#/person/q'; });
  const first = await page.getAttribute('[data-question]', 'data-question');
  await page.locator('.answers button').first().click();
  await page.waitForFunction((q) => document.querySelector('[data-question]')?.dataset.question !== q, first, {
    timeout: 5000,
  });
  assert((await page.locator('#progress').innerText()).includes('第 2 题'), 'answered offline');
  await page.screenshot({ path: join(shotDir, 'reach-offline-360.png') });
  await context.setOffline(false);
  await context.close();
});

/// Waits until the service worker controls the page.
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
}

test('offline: the estimator page, once opened, works offline; never opened, it says so (no loop)', async () => {
  const { context, page } = await newPage(browser, log, { ignore: ['ERR_INTERNET_DISCONNECTED'] });
  await page.goto(baseUrl);
  await mounted(page);
  await controlled(page);
  const cached = await page.evaluate(async () => (await caches.keys()).length && (await caches.open((await caches.keys())[0])).keys());
  const names = cached.map ? cached.map((r) => r.url) : [];
  assert(!names.some((u) => /\/(org|staff)[-.]/.test(u)), `residents' phones precache no other page: ${names}`);
  await context.setOffline(true);
  await page.evaluate(() => { location.hash = '#/employer/estimate'; });
  // The worker answers a page it never kept with a page of its own saying so (resilience.mjs).
  await page.locator('#offline-first-visit').waitFor({ timeout: 10000 });
  // What the message asks for: back online, refresh.
  await context.setOffline(false);
  await page.reload();
  await page.locator('[data-question]').waitFor({ timeout: 15000 });
  await context.setOffline(true);
  await page.reload();
  await page.locator('[data-question]').waitFor({ timeout: 15000 });
  await context.setOffline(false);
  await context.close();
});

test('a browser whose WebAssembly streaming fails (or is missing) still starts the app', async () => {
  for (const refuse of [
    () => {
      WebAssembly.instantiateStreaming = () => Promise.reject(new TypeError('streaming refused (test)'));
      WebAssembly.compileStreaming = () => Promise.reject(new TypeError('streaming refused (test)'));
    },
    () => {
      delete WebAssembly.instantiateStreaming;
      delete WebAssembly.compileStreaming;
    },
  ]) {
    const { context, page } = await newPage(browser, log);
    await page.addInitScript(refuse);
    await page.goto(baseUrl);
    await mounted(page);
    await context.close();
  }
});

test('without WebAssembly: a message and a link to the static policy page, never a blank page', async () => {
  const { context, page } = await newPage(browser, log, { ignore: ['WebAssembly', 'wasm'] });
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(baseUrl);
  const note = page.locator('#loading.failed');
  await note.waitFor({ timeout: 15000 });
  const text = await note.innerText();
  assert(text.includes('12333'), `failure note: ${text}`);
  await page.screenshot({ path: join(shotDir, 'reach-no-wasm-360.png') });
  await note.locator('a[href="policy.html"]').click();
  await page.waitForURL(/policy\.html$/);
  eq(await page.locator('h1').innerText(), '重庆就业帮扶政策一览', 'policy page heading');
  await context.close();
});

test('a crash of the app shows a message with a reload button, not a frozen page', async () => {
  const { context, page } = await newPage(browser, log, { ignore: ['unreachable (test)'] });
  await page.goto(baseUrl);
  await mounted(page);
  // What a Rust panic looks like from JavaScript: a WebAssembly.RuntimeError.
  await page.evaluate(() =>
    window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable (test)') })),
  );
  const alert = page.locator('#crash[role=alert]');
  await alert.waitFor({ timeout: 5000 });
  assert((await alert.innerText()).includes('重新加载'), 'reload offered');
  eq(await page.evaluate(() => document.activeElement?.textContent), '重新加载', 'focus on the reload button');
  await alert.locator('button').click();
  await mounted(page);
  eq(await page.locator('#crash').count(), 0, 'reloaded page without the message');
  await context.close();
});

test('static policy page: every benefit, complete without script (one same-origin search script), accessible', async () => {
  const { context, page } = await newPage(browser, log);
  await page.goto(new URL('policy.html', baseUrl).href);
  eq(await page.getAttribute('html', 'lang'), 'zh-CN', 'lang');
  eq(await page.locator('script').count(), 1, 'scripts');
  eq(await page.locator('script').getAttribute('src'), 'policy.js', 'the search script, from this site');
  const sections = await page.locator('main section').count();
  eq(sections, catalogue().benefits.length, 'benefit sections');
  const text = await page.locator('main').innerText();
  assert(text.includes('所需材料') && text.includes('到哪里办') && text.includes('申请条件'), 'sections have conditions, documents, offices');
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result.violations) console.log(`    axe policy.html: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
  eq(bad.map((v) => v.id), [], 'serious/critical axe violations on policy.html');
  await page.screenshot({ path: join(shotDir, 'reach-policy-360.png') });
  await context.close();
});

await runSuite(browser, tests, log, origin);
