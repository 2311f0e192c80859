// Resilience (issue 28), in headless Chromium at 360 px, against this suite's own server on 127.0.0.1
// (another port than the xtask server), which serves dist/ under /r/ and redirects as hosts do:
//
//   /r/index.html → 301 /r/            /r/jobs → 301 /r/org.html
//   /r/start      → 302 /r/?as-of=…    /r/org.html → 302 /r/policy.html (only while the test asks)
//
//   node tests/e2e/resilience.mjs http://127.0.0.1:PORT/ target/e2e
//
// Checks: with the service worker in control, redirected pages open as without it (pages the worker
// kept and pages it never saw, online and offline); two tabs on different steps converge instead of
// writing to each other for ever; a refused save (QuotaExceededError) is said in the same words on
// every save path; org.html, staff.html and list.html never opened say offline, on their own page, that they
// need the network once, with links to what works offline.

import http from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, newPage, runSuite, suiteArgs, assert, eq } from './lib/chromium.mjs';

const { shotDir } = suiteArgs('resilience.mjs');
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
const AS_OF = '2025-06-20';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};
let redirectOrg = false;
const redirects = { 'index.html': [301, '/r/'], jobs: [301, '/r/org.html'], start: [302, `/r/?as-of=${AS_OF}`] };

const server = http.createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const [, rest] = path.match(/^\/r\/(.*)$/) || [];
  if (rest === undefined) {
    res.writeHead(404);
    res.end();
    return;
  }
  const redirect = rest === 'org.html' && redirectOrg ? [302, '/r/policy.html'] : redirects[rest];
  if (redirect) {
    res.writeHead(redirect[0], { location: redirect[1], 'cache-control': 'no-store' });
    res.end();
    return;
  }
  const name = rest === '' ? 'index.html' : rest;
  const file = !name.includes('..') ? join(dist, name) : null;
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(name)] || 'application/octet-stream', 'cache-control': 'no-cache' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const site = `${origin}/r/`;

const browser = await launchChromium();
const log = { requests: [], problems: [] };
const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const OFFLINE = ['ERR_INTERNET_DISCONNECTED'];

async function appReady(page) {
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 20000 });
  await page.waitForFunction(() => !document.getElementById('loading') && document.querySelector('main'), null, {
    timeout: 20000,
  });
}

async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    }
  });
}

/// Answers the questionnaire's current question with 不清楚 and waits for the next one.
async function skipQuestion(page) {
  const q = await page.locator('[data-question]').getAttribute('data-question');
  await page.locator('#q-unknown').click();
  await page.waitForFunction((was) => document.querySelector('[data-question]')?.dataset.question !== was, q);
}

// 1. Redirects under the service worker -----------------------------------------------------------

test('with the worker in control, 301 and 302 pages open as the browser would open them', async () => {
  const { context, page } = await newPage(browser, log);
  await page.goto(`${site}?as-of=${AS_OF}#/`);
  await appReady(page);
  await controlled(page);
  // A page the worker precached (index.html, stored as the host's redirect answered it).
  const toRoot = await page.goto(`${site}index.html`);
  await appReady(page);
  eq(new URL(page.url()).pathname, '/r/', 'index.html → /r/');
  eq(toRoot?.status(), 200, 'the final page');
  // A page the worker has never seen, redirected to another page it has never seen.
  await page.goto(`${site}jobs#/employer/estimate`);
  await page.locator('[data-question="org-kind"]').waitFor({ timeout: 20000 });
  eq(new URL(page.url()).pathname, '/r/org.html', '/jobs → org.html');
  eq(new URL(page.url()).hash, '#/employer/estimate', 'the fragment follows the redirect');
  // A 302 whose target carries a query.
  await page.goto(`${site}start`);
  await appReady(page);
  eq(new URL(page.url()).search, `?as-of=${AS_OF}`, '302 to the query the host names');
  // A page the worker kept (org.html, just opened) that the host now redirects.
  redirectOrg = true;
  try {
    await page.goto(`${site}org.html`);
    await page.locator('main section').first().waitFor({ timeout: 15000 });
    eq(new URL(page.url()).pathname, '/r/policy.html', 'kept org.html, now redirected → policy.html');
  } finally {
    redirectOrg = false;
  }
  await page.screenshot({ path: join(shotDir, 'resilience-redirect-360.png') });
  await context.close();
});

test('offline, a kept page that the host redirects opens from the worker’s copy', async () => {
  const { context, page } = await newPage(browser, log, { ignore: OFFLINE });
  await page.goto(`${site}?as-of=${AS_OF}#/`);
  await appReady(page);
  await controlled(page);
  await context.setOffline(true);
  try {
    await page.goto(`${site}index.html?as-of=${AS_OF}#/`);
    await appReady(page);
    eq(new URL(page.url()).pathname, '/r/index.html', 'served from the kept copy');
    eq(await page.locator('#choice-person').count(), 1, 'the residents’ start page');
  } finally {
    await context.setOffline(false);
  }
  await context.close();
});

// 2. Two tabs ---------------------------------------------------------------------------------------

test('two tabs on different steps for 10 s: at most 5 localStorage writes, and both show the answers', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  await context.addInitScript(() => {
    window.__writes = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      window.__writes += 1;
      return setItem.call(this, key, value);
    };
  });
  const problems = [];
  const open = async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    return page;
  };
  const questions = await open();
  await questions.goto(`${site}?as-of=${AS_OF}#/`);
  await appReady(questions);
  await questions.locator('#choice-person').click();
  await questions.locator('#start-person').click();
  await skipQuestion(questions);
  await skipQuestion(questions);
  const results = await open();
  await results.goto(`${site}?as-of=${AS_OF}#/`);
  await appReady(results);
  await results.locator('#resume-continue').click();
  await results.evaluate(() => { location.hash = '#/person/results'; });
  await results.locator('#results-title').waitFor({ timeout: 15000 });
  const writes = async () => (await questions.evaluate(() => window.__writes)) + (await results.evaluate(() => window.__writes));
  const before = await writes();
  // The user goes on in the questions tab: one answer, saved once; the results tab takes it over.
  await skipQuestion(questions);
  await results.locator('#app-notice').waitFor({ timeout: 5000 });
  await questions.waitForTimeout(10000);
  const during = (await writes()) - before;
  console.log(`    localStorage writes in 10 s, both tabs: ${during}`);
  assert(during <= 5, `at most 5 writes in 10 s, got ${during}`);
  const saved = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('cq-jiuye-bangfu.person.v1')).skipped.length);
  eq(await saved(results), 3, 'the three skipped questions are saved');
  eq(problems, [], 'page errors');
  await context.close();
});

// 3. A refused save says so, in the same words, on every save path ----------------------------------

const NOT_SAVED = '无法在本机保存您填写的内容';

async function quotaPage() {
  const { context, page } = await newPage(browser, log);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded (test).', 'QuotaExceededError');
    };
  });
  return { context, page };
}

async function notSavedNotice(page, where) {
  const notice = page.locator('#app-notice');
  await notice.waitFor({ timeout: 10000 });
  const text = await notice.innerText();
  assert(text.includes(NOT_SAVED), `${where}: ${text}`);
}

test('storage full: the person’s answers, the organisation’s, the settings and the checklist say so alike', async () => {
  {
    const { context, page } = await quotaPage();
    await page.goto(`${site}?as-of=${AS_OF}#/`);
    await appReady(page);
    await page.locator('#choice-person').click();
    await page.locator('#start-person').click();
    await skipQuestion(page);
    await notSavedNotice(page, 'person');
    await page.screenshot({ path: join(shotDir, 'resilience-not-saved-person-360.png') });
    await context.close();
  }
  {
    const { context, page } = await quotaPage();
    await page.goto(`${site}org.html?as-of=${AS_OF}#/employer/estimate`);
    await page.locator('[data-question="org-kind"]').waitFor({ timeout: 20000 });
    eq(await page.locator('#app-notice').count(), 0, 'nothing said before anything is saved');
    await page.locator('#q-unknown').click();
    await notSavedNotice(page, 'organisation');
    await page.screenshot({ path: join(shotDir, 'resilience-not-saved-org-360.png') });
    await context.close();
  }
  {
    const { context, page } = await quotaPage();
    await page.goto(`${site}?as-of=${AS_OF}#/`);
    await appReady(page);
    await page.locator('#settings summary').click();
    await page.locator('#large-text').click();
    await notSavedNotice(page, 'settings (大字模式)');
    await context.close();
  }
  {
    const { context, page } = await newPage(browser, log);
    // The person's answers are on the phone already; from then on storage refuses everything.
    await page.addInitScript(() => {
      const saved = {
        v: 1,
        facts: { version: 1, audience: 'person', 'poverty-status': 'alleviated', 'hukou-chongqing': true, age: 35, activity: 'employee', 'work-place': 'shandong', 'work-since': '2025-01-01', 'job-search-received': false },
        skipped: [],
        history: ['poverty-status', 'hukou-chongqing', 'age', 'activity', 'work-place', 'work-since', 'job-search-received'],
        step: 'results',
      };
      localStorage.setItem('cq-jiuye-bangfu.person.v1', JSON.stringify(saved));
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded (test).', 'QuotaExceededError');
      };
    });
    await page.goto(`${site}org.html?as-of=${AS_OF}#/person/checklist`);
    await page.locator('#checklist-title').waitFor({ timeout: 20000 });
    await page.locator('label:has(input[data-doc])').first().click();
    await notSavedNotice(page, 'checklist');
    await context.close();
  }
});

// 4. Pages never opened, offline ---------------------------------------------------------------------

test('offline, org.html, staff.html and list.html never opened say so on their own page, with the way to what works', async () => {
  const { context, page } = await newPage(browser, log, { ignore: OFFLINE });
  await page.goto(`${site}?as-of=${AS_OF}#/`);
  await appReady(page);
  await controlled(page);
  await context.setOffline(true);
  try {
    for (const name of ['org.html', 'staff.html', 'list.html']) {
      await page.goto(`${site}${name}?as-of=${AS_OF}#/employer/estimate`);
      const note = page.locator('#offline-first-visit');
      await note.waitFor({ timeout: 10000 });
      eq(new URL(page.url()).pathname, `/r/${name}`, `${name}: its own address`);
      const text = await note.innerText();
      assert(text.includes('联网打开') && text.includes(name), `${name}: ${text}`);
      eq(await page.locator('#choice-person').count(), 0, `${name}: not the residents' start page`);
      eq(await page.locator('#offline-home').getAttribute('href'), './', `${name}: link home`);
      eq(await page.locator('#offline-policy').getAttribute('href'), 'policy.html', `${name}: link to the policy`);
      await page.screenshot({ path: join(shotDir, `resilience-offline-${name.replace('.html', '')}-360.png`) });
    }
    // The links work offline.
    await page.locator('#offline-policy').click();
    await page.waitForURL(/policy\.html$/);
    eq(await page.locator('h1').innerText(), '重庆就业帮扶政策一览', 'the policy page, offline');
    await page.goBack();
    await page.locator('#offline-home').click();
    await appReady(page);
    eq(await page.locator('#choice-person').count(), 1, 'the residents’ page, offline');
  } finally {
    await context.setOffline(false);
  }
  await context.close();
});

server.unref();
await runSuite(browser, tests, log, origin);
