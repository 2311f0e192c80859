// Reliability of what is deployed, in headless Chromium at 360 px, against this suite's own server on
// 127.0.0.1 (another port than the xtask server), which can do what a careless host does:
//
//   /zc/…   dist/ under a sub-path, as on https://example.gov.cn/zc/
//   /rel/…  a copy of dist/ sent with no Cache-Control (only an old Last-Modified, so the browser may
//           cache it heuristically), where the test publishes a new release and makes pages answer 503
//   /bad/…  a copy of dist/ whose .wasm files were changed on the host (a valid module still: a custom
//           section appended), so only the integrity check can refuse them
//
//   node tests/e2e/release.mjs http://127.0.0.1:PORT/ target/e2e
//
// Checks: the site works under a sub-path; a new release is picked up within two visits, with no old
// page in the new cache; a 503 never becomes the offline copy, and offline still works; a shared
// link's answers never reach Cache Storage and 清除我的数据 empties localStorage and the caches; a
// tampered wasm is refused before it runs, with the load-failure message.

import http from 'node:http';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, newPage, runSuite, suiteArgs, assert, eq } from './lib/chromium.mjs';

const { shotDir } = suiteArgs('release.mjs');
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
const release = mkdtempSync(join(tmpdir(), 'cq-release-'));
cpSync(dist, release, { recursive: true });
const tampered = mkdtempSync(join(tmpdir(), 'cq-tampered-'));
cpSync(dist, tampered, { recursive: true });
// A custom section named "x" holding "tampered": the module stays valid and would run unchecked.
const customSection = Buffer.from([0x00, 0x0a, 0x01, 0x78, ...Buffer.from('tampered')]);
for (const name of readdirSync(tampered).filter((n) => n.endsWith('.wasm'))) {
  writeFileSync(join(tampered, name), Buffer.concat([readFileSync(join(tampered, name)), customSection]));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};
const LONG_AGO = new Date('2025-01-01T00:00:00Z').toUTCString();
let pagesFail = false;

const server = http.createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const [, prefix, rest = ''] = path.match(/^\/(zc|rel|bad)\/(.*)$/) || [];
  const root = { zc: dist, rel: release, bad: tampered }[prefix] || null;
  const name = rest === '' ? 'index.html' : rest;
  const file = root && !name.includes('..') ? join(root, name) : null;
  if (prefix === 'rel' && pagesFail && name.endsWith('.html')) {
    res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><p id="maintenance">系统维护中（503）</p>');
    return;
  }
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404);
    res.end();
    return;
  }
  // No Cache-Control at all: what many hosts send.
  res.writeHead(200, { 'content-type': TYPES[extname(name)] || 'application/octet-stream', 'last-modified': LONG_AGO });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();
const log = { requests: [], problems: [] };
// The 503 and offline steps fail on purpose: their page keeps its own record, checked by hand.
const scratch = { requests: [], problems: [] };

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

async function appReady(page) {
  await page.locator('h1').waitFor({ state: 'visible', timeout: 20000 });
  await page.waitForFunction(() => !document.getElementById('loading'), null, { timeout: 20000 });
}

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await appReady(page);
  }
}

const cachedUrls = (page) =>
  page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });

test('under a sub-path (/zc/) the site loads, answers a question and works offline', async () => {
  const { context, page } = await newPage(browser, log);
  await page.goto(`${origin}/zc/?as-of=2025-06-20#/`);
  await appReady(page);
  await page.locator('#choice-person').tap();
  await page.locator('#start-person').tap();
  const first = await page.locator('[data-question]').getAttribute('data-question');
  await page.locator('#q-unknown').tap();
  await page.waitForFunction((q) => document.querySelector('[data-question]')?.dataset.question !== q, first);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  eq(scope, `${origin}/zc/`, 'the service worker works under the sub-path');
  await controlled(page);
  await context.setOffline(true);
  // A reload is a real navigation (a goto to the same address only changes the fragment).
  await page.reload();
  await appReady(page);
  await page.screenshot({ path: join(shotDir, 'subpath-offline-360.png') });
  await context.close();
});

test('a shared link’s answers never reach Cache Storage; 清除我的数据 empties localStorage and the caches', async () => {
  const { context, page } = await newPage(browser, log);
  await page.goto(`${origin}/zc/?as-of=2025-06-20#/`);
  await appReady(page);
  await controlled(page);
  const saved = '{"v":1,"facts":{"audience":"person","age":35,"poverty-status":"alleviated"},"skipped":[],"history":["audience","age","poverty-status"],"step":"results"}';
  await page.goto(`${origin}/zc/?as-of=2025-06-20#/person/results?answers=${encodeURIComponent(saved)}`);
  await page.locator('#results-title').waitFor({ timeout: 15000 });
  await page.waitForTimeout(500);
  const before = await cachedUrls(page);
  assert(before.length > 5, `the release is cached (${before.length} entries)`);
  eq(before.filter((u) => u.includes('answers') || u.includes('#')), [], 'no cache key carries answers or a fragment');
  await page.locator('#settings summary').tap();
  await page.locator('#clear-data').tap();
  await page.waitForFunction(() => localStorage.length === 0);
  // The worker empties every cache, then fetches this release again for offline use.
  await page.waitForTimeout(1000);
  const after = await cachedUrls(page);
  eq(after.filter((u) => u.includes('answers') || u.includes('poverty')), [], 'nothing of the answers is left in the caches');
  eq(await page.evaluate(() => localStorage.length), 0, 'localStorage is empty');
  await context.close();
});

test('a new release on a host without Cache-Control is picked up within two visits, never mixed', async () => {
  const { context, page } = await newPage(browser, log);
  const home = `${origin}/rel/?as-of=2025-06-20#/`;
  await page.goto(home);
  await appReady(page);
  await controlled(page);
  // Publish a "new release": the page and the worker change (the built files keep their names).
  const index = readFileSync(join(release, 'index.html'), 'utf8');
  // (Trunk's minifier drops the optional <head> tag: the marker goes before <title>.)
  writeFileSync(join(release, 'index.html'), index.replace('<title>', '<meta name="release" content="2"><title>'));
  const sw = readFileSync(join(release, 'sw.js'), 'utf8');
  writeFileSync(join(release, 'sw.js'), sw.replace("const CACHE = 'release-", "const CACHE = 'release-2-"));
  for (let visit = 1; visit <= 2; visit++) {
    await page.reload();
    await appReady(page);
  }
  eq(await page.locator('meta[name=release]').count(), 1, 'the new page runs after two visits');
  await page.waitForFunction(async () => {
    const names = await caches.keys();
    return names.length === 1 && names[0].startsWith('release-2-');
  }, null, { timeout: 15000 });
  const cachedPage = await page.evaluate(async () => {
    const hit = await caches.match('./');
    return hit ? hit.text() : '';
  });
  assert(cachedPage.includes('name="release"'), 'the new cache holds the new page, not the old one');
  await context.close();
});

test('a 503 never becomes the offline copy; offline still works', async () => {
  const { context, page } = await newPage(browser, scratch);
  const home = `${origin}/rel/?as-of=2025-06-20#/`;
  await page.goto(home);
  await appReady(page);
  await controlled(page);
  pagesFail = true;
  try {
    const served = await page.reload();
    await appReady(page);
    eq(served?.status(), 200, 'the worker answered with the kept page');
    eq(await page.locator('#maintenance').count(), 0, 'the kept page, not the error page, while the server errs');
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    eq(await page.locator('#maintenance').count(), 0, 'offline after a 503: the kept page');
  } finally {
    pagesFail = false;
  }
  await context.close();
});

test('a wasm changed on the host is refused before it runs: the load-failure message, not the app', async () => {
  const { context, page } = await newPage(browser, scratch);
  await page.goto(`${origin}/bad/?as-of=2025-06-20#/`);
  const note = page.locator('#loading.failed');
  await note.waitFor({ timeout: 20000 });
  const text = await note.innerText();
  assert(text.includes('页面加载失败') && text.includes('12333'), `failure note: ${text}`);
  eq(await note.locator('a[href="policy.html"]').count(), 1, 'the way to the static policy page');
  await page.waitForTimeout(1000);
  eq(await page.locator('#loading.failed').count(), 1, 'the app never took over');
  eq(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), false, 'no worker registered');
  await page.screenshot({ path: join(shotDir, 'release-tampered-wasm-360.png') });
  // Where streaming compilation is missing, the bytes are checked all the same.
  const { context: other, page: noStreaming } = await newPage(browser, scratch);
  await noStreaming.addInitScript(() => {
    delete WebAssembly.compileStreaming;
    delete WebAssembly.instantiateStreaming;
  });
  await noStreaming.goto(`${origin}/bad/?as-of=2025-06-20#/`);
  await noStreaming.locator('#loading.failed').waitFor({ timeout: 20000 });
  await other.close();
  // The same files untouched run (the check refuses only a changed file).
  await page.goto(`${origin}/zc/?as-of=2025-06-20#/`);
  await appReady(page);
  await context.close();
});

server.unref();
await runSuite(browser, tests, log, origin);
