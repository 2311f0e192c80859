// The static first screens of org.html, staff.html and list.html (pages::org, pages::staff,
// pages::list, written into the pages by `cargo xtask dist`), in headless Chromium at 360×740: there without JavaScript and before
// the wasm; taken over by the app without moving what was painted; the wasm fetched only after that
// paint; the heads' facts filled in at build time.
//
//   node tests/e2e/first-screens.mjs http://127.0.0.1:PORT/ target/e2e

import { launchChromium, newPage as openPage, holdBack, runSuite, suiteArgs, assert, eq, PHONE } from './lib/chromium.mjs';
import { join } from 'node:path';
import { TITLE } from './lib/expectations.mjs';

const { baseUrl, shotDir, origin } = suiteArgs('first-screens.mjs');
const browser = await launchChromium();
const log = { requests: [], problems: [] };
const newPage = (device = PHONE) =>
  // Without JavaScript the glue's modulepreload is refused (reported as a `csp` failure).
  openPage(browser, log, { device, ignore: device.javaScriptEnabled === false ? ['csp'] : [] });
const url = (path) => new URL(path, baseUrl).href;

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

/// A page whose wasm is held back until `release()`, as on a weak connection.
async function held(path) {
  const { context, page } = await newPage();
  const release = await holdBack(page, '**/*_bg.wasm');
  await page.goto(url(path));
  return { context, page, release };
}

const box = async (locator) => {
  const b = await locator.boundingBox();
  return b && [Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)];
};

test('without JavaScript: org.html shows each audience its own first question, and nothing on its results', async () => {
  const { context, page } = await newPage({ ...PHONE, javaScriptEnabled: false });
  const seen = {};
  for (const audience of ['employer', 'agency', 'carrier']) {
    await page.goto(url(`org.html#/${audience}/estimate`));
    const screen = page.locator(`#static-landing .static-org[data-for="${audience}"]`);
    assert(await screen.isVisible(), `${audience}: its static first screen is shown`);
    eq(await page.locator('#static-landing .static-org:visible').count(), 1, `${audience}: one audience shown`);
    const heading = await screen.locator('h2').innerText();
    const kinds = await screen.locator('button.answer:not(.unknown)').allInnerTexts();
    assert(heading.length > 3 && kinds.length > 0, `${audience}: the question and its kinds`);
    seen[audience] = kinds.join('|');
    assert((await screen.locator('.org-who').innerText()).includes('·'), `${audience}: who the estimate is for`);
    assert((await page.locator('#static-landing footer').innerText()).includes('咨询电话'), 'the hotline');
    await page.screenshot({ path: join(shotDir, `first-screen-org-${audience}-nojs-360.png`) });
  }
  assert(seen.employer !== seen.agency && seen.agency !== seen.carrier, 'each audience has its own kinds');
  await page.goto(url('org.html#/employer/results'));
  eq(await page.locator('#static-landing .static-org:visible').count(), 0, 'no first question on the results');
  await context.close();
});

test('without JavaScript: staff.html shows the link builder form with every audience, 区县 and benefit', async () => {
  const { context, page } = await newPage({ ...PHONE, javaScriptEnabled: false });
  await page.goto(url('staff.html'));
  const screen = page.locator('#static-landing');
  assert(await screen.locator('p.hint').isVisible(), 'the form is shown');
  eq(await screen.locator('input[type=radio]').count(), 4, 'the four audiences');
  assert((await screen.locator('#static-district option').count()) > 30, 'the 区县 list');
  assert((await screen.locator('#static-benefit option').count()) > 5, "the person's benefits");
  await page.screenshot({ path: join(shotDir, 'first-screen-staff-nojs-360.png') });
  await context.close();
});

test('without JavaScript: list.html shows the list screening\'s first step, its file picker waiting for the app', async () => {
  const { context, page } = await newPage({ ...PHONE, javaScriptEnabled: false });
  await page.goto(url('list.html'));
  const screen = page.locator('#static-landing');
  assert((await screen.locator('h1').innerText()).includes('筛查名单'), 'the title');
  assert((await screen.locator('p.privacy').innerText()).includes('不上传'), 'the privacy note');
  assert(await screen.locator('p.hint').isVisible(), 'the first step is shown');
  assert(await screen.locator('#static-batch-file').isDisabled(), 'the picker waits for the app');
  eq(await screen.locator('#nav-staff-list').getAttribute('aria-current'), 'page', 'the nav marks the list');
  await page.screenshot({ path: join(shotDir, 'first-screen-list-nojs-360.png') });
  await context.close();
});

test('the heads and the manifest carry the rules-core facts, no placeholder', async () => {
  const { context, page } = await newPage({ ...PHONE, javaScriptEnabled: false });
  for (const path of ['', 'org.html', 'staff.html', 'list.html']) {
    await page.goto(url(path));
    const html = await page.content();
    assert(!html.includes('{{'), `${path || 'index.html'}: no placeholder left`);
    assert((await page.title()).includes(TITLE), `${path || 'index.html'}: the site's title`);
    assert(/^\d+$/.test(await page.getAttribute('meta[name=hotline]', 'content')), 'the hotline for boot.js');
    assert(await page.getAttribute('meta[name=app-wasm-integrity]', 'content'), 'the wasm hash');
    eq(await page.locator('link[rel=preload][href$=".wasm"]').count(), 0, 'no wasm preload');
  }
  const manifest = await (await page.request.get(url('manifest.webmanifest'))).json();
  eq(manifest.name, TITLE, 'manifest name');
  await context.close();
});

test('org.html: painted before the wasm, then the app draws the same question in the same place', async () => {
  const { context, page, release } = await held('org.html#/employer/estimate');
  const screen = page.locator('#static-landing .static-org[data-for="employer"]');
  await screen.locator('h2').waitFor({ timeout: 15000 });
  const before = {
    heading: await screen.locator('h2').innerText(),
    where: await box(screen.locator('h2')),
    kinds: await screen.locator('button.answer').allInnerTexts(),
    who: await screen.locator('.org-who').innerText(),
    progress: await screen.locator('.progress').innerText(),
  };
  eq(log.requests.filter((u) => u.endsWith('_bg.wasm') && u.includes('/org-')).length, 1, 'the wasm was asked for once');
  await page.screenshot({ path: join(shotDir, 'first-screen-org-before-wasm-360.png') });
  release();
  await page.locator('[data-question="org-kind"]').waitFor({ timeout: 20000 });
  eq(await page.locator('#static-landing').count(), 0, 'the static screen is gone');
  eq(await page.locator('#q-title').innerText(), before.heading, 'the same question');
  eq(await box(page.locator('#q-title')), before.where, 'in the same place');
  eq(await page.locator('.question button.answer').allInnerTexts(), before.kinds, 'the same answers');
  eq(await page.locator('.org-who').innerText(), before.who, 'the same audience line');
  eq(await page.locator('#progress').innerText(), before.progress, 'the same progress line');
  await context.close();
});

test('staff.html: painted before the wasm, then the app draws the same form in the same place', async () => {
  const { context, page, release } = await held('staff.html');
  const screen = page.locator('#static-landing');
  await screen.locator('p.hint').waitFor({ timeout: 15000 });
  const before = {
    hint: await box(screen.locator('p.hint')),
    title: await screen.locator('h1').innerText(),
    audiences: await screen.locator('fieldset').innerText(),
    districts: await screen.locator('#static-district option').allInnerTexts(),
    benefits: await screen.locator('#static-benefit option').allInnerTexts(),
  };
  release();
  await page.locator('#staff-link').waitFor({ timeout: 20000 });
  eq(await page.locator('#static-landing').count(), 0, 'the static screen is gone');
  eq(await box(page.locator('main p.hint')), before.hint, 'the hint in the same place');
  eq(await page.locator('header h1').innerText(), before.title, 'the same title');
  eq(await page.locator('fieldset.staff-audience').innerText(), before.audiences, 'the same audiences');
  eq(await page.locator('#staff-district option').allInnerTexts(), before.districts, 'the same 区县');
  eq(await page.locator('#staff-benefit option').allInnerTexts(), before.benefits, 'the same benefits');
  await context.close();
});

test('list.html: painted before the wasm, then the app draws the same first step in the same place', async () => {
  const { context, page, release } = await held('list.html');
  const screen = page.locator('#static-landing');
  await screen.locator('p.hint').waitFor({ timeout: 15000 });
  const before = {
    privacy: await box(screen.locator('p.privacy')),
    hint: await box(screen.locator('p.hint')),
    title: await screen.locator('h1').innerText(),
    heading: await screen.locator('h2').innerText(),
    nav: await screen.locator('nav').innerText(),
  };
  await page.screenshot({ path: join(shotDir, 'first-screen-list-before-wasm-360.png') });
  release();
  await page.locator('#batch-file').waitFor({ timeout: 20000 });
  eq(await page.locator('#static-landing').count(), 0, 'the static screen is gone');
  eq(await box(page.locator('#batch-privacy')), before.privacy, 'the privacy note in the same place');
  eq(await box(page.locator('main p.hint').first()), before.hint, 'the hint in the same place');
  eq(await page.locator('header h1').innerText(), before.title, 'the same title');
  eq(await page.locator('#batch-load-heading').innerText(), before.heading, 'the same first step');
  eq(await page.locator('header nav').innerText(), before.nav, 'the same navigation');
  await context.close();
});

test('on every page the wasm is fetched after the static screen is painted, and nothing shifts', async () => {
  for (const path of ['', 'org.html#/employer/estimate', 'staff.html', 'list.html']) {
    const { context, page } = await newPage();
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url(path));
    await page.locator('#main').waitFor({ timeout: 20000 });
    await page.waitForTimeout(500);
    // The first largest-contentful-paint candidate: the static screen's paint.
    const { paint, wasm, shift } = await page.evaluate(async () => {
      const first = await new Promise((resolve) =>
        new PerformanceObserver((list) => resolve(list.getEntries()[0])).observe({
          type: 'largest-contentful-paint',
          buffered: true,
        }),
      );
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
      return { paint: first.startTime, wasm: wasm ? wasm.startTime : null, shift: window.__shift };
    });
    assert(paint !== null && wasm !== null, `${path || 'index.html'}: a paint and a wasm`);
    assert(wasm >= paint, `${path || 'index.html'}: wasm fetched at ${wasm} ms, the static screen painted at ${paint} ms`);
    assert(shift < 0.01, `${path || 'index.html'}: layout shift ${shift}`);
    await context.close();
  }
});

await runSuite(browser, tests, log, origin);
