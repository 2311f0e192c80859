// End-to-end tests of the release build, in the system's headless Chromium at 360×740.
//
//   node tests/e2e/landing.mjs http://127.0.0.1:PORT/ target/e2e
//
// Run by `cargo xtask test`, which builds dist/ and serves it on 127.0.0.1. Every request the page
// makes is recorded: anything not to the served origin on 127.0.0.1 fails the run, as does any
// console error, page error or Content-Security-Policy violation. Closes with
// `e2e result: N passed; M failed`.

import { launchChromium, newPage as openPage, holdBack, runSuite, suiteArgs, assert, eq } from './lib/chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import { LABELS, NOTICE } from './lib/expectations.mjs';

const { baseUrl, shotDir, origin } = suiteArgs('landing.mjs');

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

const browser = await launchChromium();

const log = { requests: [], problems: [] };
const { requests } = log;
const newPage = () => openPage(browser, log);

async function open(page, hash = '') {
  await page.goto(new URL(hash, baseUrl).href, { waitUntil: 'load' });
  await page.locator('button.choice').first().waitFor({ state: 'visible', timeout: 15000 });
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('head: title, lang, viewport, description and CSP meta', async () => {
  const { context, page } = await newPage();
  await open(page);
  eq(await page.title(), '重庆就业帮扶政策自助查询', 'title');
  eq(await page.getAttribute('html', 'lang'), 'zh-CN', 'lang');
  const viewport = await page.getAttribute('meta[name=viewport]', 'content');
  assert(viewport?.includes('width=device-width'), `viewport meta: ${viewport}`);
  const description = await page.getAttribute('meta[name=description]', 'content');
  assert(description && description.length > 20, 'meta description');
  const csp = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  eq(csp, CSP, 'CSP meta');
  const inline = await page.$$eval('script:not([src])', (s) => s.length);
  eq(inline, 0, 'inline scripts');
  await context.close();
});

test('landing: the app starts and shows the four audience choices, none chosen', async () => {
  const { context, page } = await newPage();
  const t0 = Date.now();
  await open(page);
  console.log(`    app mounted ${Date.now() - t0} ms after navigation`);
  eq(await page.locator('#loading').count(), 0, 'loading note removed');
  eq(await page.locator('h1').innerText(), '重庆就业帮扶政策自助查询', 'h1');
  const lede = await page.locator('.lede').innerText();
  assert(lede.includes(NOTICE) && lede.includes('不会上传'), `header line: ${lede}`);
  eq(await page.locator('#ask-who').innerText(), '您是？', 'question');
  eq(await page.locator('.choice-label').allInnerTexts(), LABELS, 'choice labels');
  eq(await page.locator('button.choice[aria-pressed=false]').count(), 4, 'unpressed choices');
  eq(await page.locator('#benefits').count(), 0, 'no panel before a choice');
  const footer = await page.locator('footer').innerText();
  assert(footer.includes('最终以区县人力社保部门审核为准') && footer.includes('12333'), `footer: ${footer}`);
  await page.screenshot({ path: join(shotDir, 'landing-360.png'), fullPage: true });
  await context.close();
});

test('before the wasm arrives the landing is painted from the HTML; a tap then is not lost', async () => {
  const { context, page } = await newPage();
  // Hold the wasm back, as a weak rural connection would.
  const release = await holdBack(page, '**/*_bg.wasm');
  await page.goto(baseUrl);
  const landing = page.locator('#static-landing');
  await landing.locator('h2', { hasText: '您是？' }).waitFor({ timeout: 10000 });
  eq(await landing.locator('a.choice').count(), 4, 'the four audiences, before the app');
  eq(await landing.locator('.choice-label').allInnerTexts(), LABELS, 'their labels');
  const text = await landing.innerText();
  assert(text.includes('12333') && text.includes('政策一览'), 'the hotline and the policy page, before the app');
  await page.screenshot({ path: join(shotDir, 'landing-before-wasm-360.png') });
  await landing.locator('#static-choice-employer').tap();
  release();
  // The early tap leads to that audience's first question (the estimator, on org.html).
  await page.waitForURL(/org\.html.*#\/employer\/estimate$/, { timeout: 15000 });
  await page.locator('[data-question]').waitFor({ timeout: 15000 });
  eq(await page.locator('#static-landing').count(), 0, 'no static landing on the estimator');
  await context.close();
});

test('Slow 4G: the four choices show before the wasm has loaded, and a tap then ends on the first question', async () => {
  const { context, page } = await newPage();
  // Chromium's own network emulation, DevTools' "Slow 4G" (Lighthouse's mobile throttling).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
    uploadThroughput: (750 * 1024 * 0.9) / 8,
  });
  let wasmLoaded = false;
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('_bg.wasm')) wasmLoaded = true;
  });
  await page.goto(baseUrl, { waitUntil: 'commit' });
  const landing = page.locator('#static-landing');
  await landing.locator('a.choice').first().waitFor({ timeout: 30000 });
  eq(await landing.locator('a.choice').count(), 4, 'the four audiences are painted');
  eq(wasmLoaded, false, 'before the wasm has finished loading');
  await landing.locator('#static-choice-person').tap();
  await page.locator('[data-question]').waitFor({ timeout: 60000 });
  assert(wasmLoaded, 'the app took over once its wasm arrived');
  eq(new URL(page.url()).hash, '#/person/q/1', "the person's first question");
  await context.close();
});

test('the rules come with the second fetch: the first question waits for it, and says so if it cannot come', async () => {
  // Held back: the questionnaire says it is getting the questions ready, then shows the first one.
  const { context, page } = await newPage();
  const release = await holdBack(page, '**/results-*_bg.wasm');
  const asked = page.waitForRequest((r) => /results-[0-9a-f]+_bg\.wasm$/.test(r.url()), { timeout: 15000 });
  await open(page);
  // On the landing, before any choice: the rules are on their way while the person reads 您是？.
  await asked;
  eq(new URL(page.url()).hash, '', 'still on the landing');
  await page.locator('#choice-person').click();
  await page.locator('#start-person').click();
  const waiting = page.locator('#q-waiting');
  await waiting.waitFor({ timeout: 15000 });
  eq(await waiting.innerText(), '正在准备题目，请稍候……', 'the waiting line');
  eq(await page.locator('[data-question]').count(), 0, 'no question before the rules');
  eq(await page.locator('#progress').isVisible(), false, 'no (empty) progress line before the rules');
  await page.screenshot({ path: join(shotDir, 'questions-waiting-360.png') });
  release();
  await page.locator('[data-question]').waitFor({ timeout: 15000 });
  eq(await page.locator('#q-waiting').count(), 0, 'the waiting line is gone');
  assert((await page.locator('#progress').innerText()).startsWith('第 1 题，还剩约'), 'the progress line');
  eq(new URL(page.url()).hash, '#/person/q/1', "the person's first question");
  await context.close();

  // Refused (offline, a file gone after an update): the page says so, with the hotline.
  const failing = await openPage(browser, log, { ignore: ['results-', 'net::ERR_FAILED'] });
  await failing.page.route('**/results-*_bg.wasm', (route) => route.abort('failed'));
  await open(failing.page);
  await failing.page.locator('#choice-person').click();
  await failing.page.locator('#start-person').click();
  const line = failing.page.locator('#q-waiting');
  await line.filter({ hasText: '没有加载成功' }).waitFor({ timeout: 15000 });
  assert((await line.innerText()).includes('12333'), `the hotline: ${await line.innerText()}`);
  eq(await line.locator('a[href="tel:12333"]').count(), 1, 'the hotline is tap-to-call');
  await failing.page.screenshot({ path: join(shotDir, 'questions-not-loaded-360.png') });
  // The results say the same, with the same button.
  await failing.page.evaluate(() => (location.hash = '#/person/results'));
  await failing.page.locator('#results-reload').waitFor({ timeout: 15000 });
  assert((await failing.page.locator('#results').innerText()).includes('结果没有加载成功'), 'the results say so');
  await failing.page.goBack();
  await failing.page.locator('#q-reload').waitFor({ timeout: 15000 });
  // The connection is back: 重新加载 opens the page again, and the first question comes.
  await failing.page.unroute('**/results-*_bg.wasm');
  await failing.page.locator('#q-reload').tap();
  await failing.page.locator('[data-question]').waitFor({ timeout: 15000 });
  eq(await failing.page.locator('#q-reload').count(), 0, 'no reload button once the questions have come');
  await failing.context.close();
});

test('choosing 个人 shows its benefits, presses the button and sets #/person', async () => {
  const { context, page } = await newPage();
  await open(page);
  await page.locator('#choice-person').tap();
  const panel = page.locator('#benefits');
  await panel.waitFor({ state: 'visible', timeout: 5000 });
  const heading = await page.locator('#benefits-heading').innerText();
  const m = heading.match(/^与您相关的政策（(\d+) 项）$/);
  assert(m, `panel heading: ${heading}`);
  const names = await page.locator('.benefit-name').allInnerTexts();
  eq(names.length, Number(m[1]), 'count in heading = listed benefits');
  assert(names.length >= 5, `person benefits: ${names.length}`);
  assert(names.every((n) => n.trim().length > 0), 'every benefit has a name');
  assert(names.some((n) => n.includes('求职创业补贴')), `benefit names: ${names.join(' / ')}`);
  const clauses = await page.locator('.benefit-clause').allInnerTexts();
  assert(clauses.every((c) => /^渝人社〔2021〕237号 [一二三四五六七八九十]（[一二三四五六七八九十]+）/.test(c)), `clauses: ${clauses}`);
  eq(await page.getAttribute('#choice-person', 'aria-pressed'), 'true', 'person pressed');
  eq(await page.locator('button.choice[aria-pressed=true]').count(), 1, 'one pressed');
  eq(new URL(page.url()).hash, '#/person', 'URL fragment');
  const focused = await page.evaluate(() => document.activeElement?.id);
  eq(focused, 'benefits-heading', 'focus moves to the answer');
  await page.screenshot({ path: join(shotDir, 'landing-person-360.png'), fullPage: true });
  await context.close();
});

test('a link to #/employer opens with 企业 chosen; back and forward follow the choice', async () => {
  const { context, page } = await newPage();
  await open(page, '#/employer');
  eq(await page.getAttribute('#choice-employer', 'aria-pressed'), 'true', 'employer pressed');
  await page.locator('#benefits').waitFor({ state: 'visible', timeout: 5000 });
  const employer = await page.locator('.benefit-name').allInnerTexts();
  assert(employer.some((n) => n.includes('吸纳就业补贴')), `employer benefits: ${employer}`);
  await page.locator('#choice-agency').click();
  await page.waitForFunction(() => location.hash === '#/agency');
  const agency = await page.locator('.benefit-name').allInnerTexts();
  assert(agency.length > 0 && agency.join() !== employer.join(), 'agency list differs');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/employer');
  await page.waitForFunction(() => document.querySelector('#choice-employer')?.getAttribute('aria-pressed') === 'true');
  eq(await page.locator('.benefit-name').allInnerTexts(), employer, 'back restores employer list');
  await context.close();
});

test('unknown links (#/nobody, #/<script>) show the plain landing page', async () => {
  const { context, page } = await newPage();
  for (const hash of ['#/nobody', '#/%3Cscript%3E', '#//', '#/person/../../x']) {
    await open(page, hash);
    eq(await page.locator('.choice-label').count(), 4, `choices for ${hash}`);
  }
  await context.close();
});

test('keyboard: Tab reaches a choice and Enter chooses it', async () => {
  const { context, page } = await newPage();
  await open(page);
  let id = '';
  for (let i = 0; i < 10 && id !== 'choice-agency'; i++) {
    await page.keyboard.press('Tab');
    id = await page.evaluate(() => document.activeElement?.id || '');
  }
  eq(id, 'choice-agency', 'tab order reaches the third choice');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert(outline !== 'none', 'focused choice shows a focus ring');
  await page.keyboard.press('Enter');
  await page.locator('#benefits[data-audience=agency]').waitFor({ timeout: 5000 });
  await context.close();
});

test('elder-friendly layout at 360 px: no sideways scroll, tap targets ≥ 48 px, text ≥ 18 px', async () => {
  const { context, page } = await newPage();
  await open(page, '#/person');
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    font: parseFloat(getComputedStyle(document.body).fontSize),
    line: parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize),
    targets: [...document.querySelectorAll('button, a')].map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.id || e.textContent.slice(0, 12), h: r.height, w: r.width };
    }),
    fonts: [...document.fonts].map((f) => f.family),
  }));
  assert(m.scroll <= m.width, `page scrolls sideways: ${m.scroll} > ${m.width}`);
  assert(m.font >= 18, `body font ${m.font}px`);
  assert(m.line >= 1.5, `line height ${m.line}`);
  const small = m.targets.filter((t) => t.h < 48 || t.w < 48);
  eq(small, [], 'tap targets under 48 px');
  eq(m.fonts, [], 'web fonts');
  await context.close();
});

test('axe-core: no serious or critical accessibility violation (landing and answer)', async () => {
  const { context, page } = await newPage();
  await open(page);
  for (const state of ['landing', 'person chosen']) {
    if (state === 'person chosen') {
      await page.locator('#choice-person').click();
      await page.locator('#benefits').waitFor();
    }
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of result.violations) console.log(`    axe ${state}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
    console.log(`    axe ${state}: ${result.passes.length} rules pass, ${result.violations.length} violations`);
    eq(bad.map((v) => v.id), [], `serious/critical axe violations (${state})`);
  }
  await context.close();
});

test('the app\'s wasm was fetched from the served origin', async () => {
  assert(requests.some((u) => u.startsWith(origin + '/') && u.endsWith('.wasm')), 'the wasm was fetched');
});

await runSuite(browser, tests, log, origin);
