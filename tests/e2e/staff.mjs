// Reach, part two: the staff page (staff.html) builds a link and a QR code that decodes to it; the
// link opens the preset screen; odd links get a gentle notice; a result is shared without answers
// unless 包含我的回答 is ticked — in headless Chromium at 360 px.
//
//   node tests/e2e/staff.mjs http://127.0.0.1:PORT/ target/e2e

import { AxeBuilder } from '@axe-core/playwright';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { join } from 'node:path';
import { launchChromium, newPage, runSuite, suiteArgs, assert, eq } from './lib/chromium.mjs';
import { PERSONAS } from './lib/expectations.mjs';
import { answerAll } from './lib/flows.mjs';

const { baseUrl, shotDir, origin } = suiteArgs('staff.mjs');
const browser = await launchChromium();
const log = { requests: [], problems: [] };

async function mounted(page) {
  await page.waitForFunction(() => !document.getElementById('loading') && document.querySelector('main'), null, {
    timeout: 20000,
  });
}

/// The QR code on screen, decoded from a screenshot of it.
async function decodeQr(page) {
  const png = PNG.sync.read(await page.locator('svg.qr').screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert(code, 'the QR code does not decode');
  return code.data;
}

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of result.violations) console.log(`    axe ${what}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  eq(bad.map((v) => v.id), [], `serious/critical axe violations on ${what}`);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('staff page: the footer link opens it; the QR code decodes to the link; the link opens the benefit', async () => {
  const { context, page } = await newPage(browser, log);
  await page.goto(baseUrl);
  await mounted(page);
  await page.locator('#staff-link-footer').click();
  await page.waitForURL(/staff\.html$/);
  await mounted(page);
  await axe(page, 'staff page');
  // An employer benefit in 万州区.
  await page.locator('input[name=staff-audience][value=employer]').check();
  await page.selectOption('#staff-district', 'wanzhou');
  const benefit = await page.locator('#staff-benefit option:nth-child(2)').getAttribute('value');
  const benefitName = await page.locator('#staff-benefit option:nth-child(2)').innerText();
  await page.selectOption('#staff-benefit', benefit);
  const link = await page.locator('#staff-link').inputValue();
  eq(link, `${baseUrl}policy.html?district=wanzhou#${benefit}`, 'the link');
  eq(await decodeQr(page), link, 'the decoded QR code');
  const who = await page.locator('#poster-who').innerText();
  assert(who.includes(benefitName) && who.includes('万州区'), `poster line: ${who}`);
  await page.screenshot({ path: join(shotDir, 'staff-360.png'), fullPage: true });

  // The decoded link opens that benefit's page.
  const opened = await context.newPage();
  await opened.goto(await decodeQr(page));
  const heading = await opened.locator(`#${benefit}-title`).innerText();
  assert(heading.includes(benefitName), `opened ${heading}`);
  // Its way into the self-check keeps the district.
  eq(await opened.locator('header a[data-app-link]').getAttribute('href'), './?district=wanzhou', 'link back');
  await opened.close();
  await context.close();
});

test('a benefit link opens policy.html on 现在能否申请 within the first screen (360×740); no label said twice', async () => {
  const { context, page } = await newPage(browser, log);
  for (const id of ['hiring-subsidy', 'shandong-job-search-subsidy', 'workshop-employment-award', 'startup-guaranteed-loan']) {
    await page.goto(`${baseUrl}policy.html?district=wanzhou#${id}`);
    await page.locator(`#${id}`).waitFor();
    const first = page.locator(`#${id} dt`).first();
    eq(await first.innerText(), '现在能否申请', `${id}: the first thing said`);
    const box = await first.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    });
    assert(box.top >= 0 && box.bottom <= 740, `${id}: 现在能否申请 at ${Math.round(box.top)}–${Math.round(box.bottom)} px, not in the first screen`);
    // The figure follows at once; the notice's own words are folded.
    eq(await page.locator(`#${id} dt`).nth(1).innerText(), '补贴标准', `${id}: the figure next`);
    for (const quote of await page.locator(`#${id} blockquote`).all()) {
      eq(await quote.isVisible(), false, `${id}: the notice text starts folded`);
    }
  }
  await page.screenshot({ path: join(shotDir, 'policy-anchor-360.png') });
  const text = await page.evaluate(() => document.body.textContent);
  for (const label of ['现行有效', '延续情况未公布', '已结束']) {
    assert(!text.includes(`${label}：${label}：`), `"${label}：${label}：" on policy.html`);
  }
  await context.close();
});

test('the list screening is its own page: staff.html fetches none of its bundle; staff.html#/list and the nav open list.html', async () => {
  const { context, page } = await newPage(browser, log);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(new URL('staff.html?as-of=2026-03-01', baseUrl).href);
  await mounted(page);
  await page.locator('#staff-link').waitFor();
  await page.waitForLoadState('networkidle');
  const wasm = fetched.filter((p) => p.endsWith('.wasm'));
  eq(wasm.length, 1, `staff.html fetches one wasm: ${wasm}`);
  assert(/\/staff-[0-9a-f]+_bg\.wasm$/.test(wasm[0]), `the link builder's bundle: ${wasm[0]}`);
  assert(!fetched.some((p) => /\/list[-.]/.test(p)), `nothing of list.html fetched: ${fetched.join(' ')}`);
  // The nav's link keeps the query (a link's as-of).
  await page.locator('#nav-staff-list').click();
  await page.waitForURL(/list\.html\?as-of=2026-03-01$/);
  await page.locator('#batch-file').waitFor({ timeout: 20000 });
  await page.locator('details.paste summary').click();
  await page.fill('#batch-paste', '姓名\t年龄\n张三\t30');
  await page.locator('#batch-paste-read').click();
  eq(await page.locator('#batch-date').inputValue(), '2026-03-01', 'the day from the query');
  eq(await page.locator('#nav-staff-list').getAttribute('aria-current'), 'page', 'the nav marks the list');
  // A bookmark of the old address lands on the list screening, with its query.
  await page.goto(new URL('staff.html?as-of=2026-03-01#/list', baseUrl).href);
  await page.waitForURL(/list\.html\?as-of=2026-03-01$/);
  await page.locator('#batch-file').waitFor({ timeout: 20000 });
  eq(await page.locator('h1').innerText(), '筛查名单（工作人员）', 'the list screening\'s title');
  // The fragment changed to it on the link builder: the same.
  await page.goto(new URL('staff.html', baseUrl).href);
  await mounted(page);
  await page.evaluate(() => { location.hash = '#/list'; });
  await page.waitForURL(/list\.html$/);
  await page.locator('#batch-file').waitFor({ timeout: 20000 });
  await page.locator('#nav-staff-links').click();
  await page.waitForURL(/staff\.html$/);
  await page.locator('#staff-link').waitFor({ timeout: 20000 });
  await context.close();
});

test('the poster says what its code opens; the staff district list is org.html\'s', async () => {
  const { context, page } = await newPage(browser, log);
  await page.goto(new URL('staff.html', baseUrl).href);
  await mounted(page);
  assert((await page.locator('#poster-note').innerText()).includes('回答几个问题'), 'the self-check: a few questions');
  await page.locator('input[name=staff-audience][value=employer]').check();
  await page.selectOption('#staff-benefit', 'hiring-subsidy');
  eq(await page.locator('#staff-link').inputValue(), `${baseUrl}policy.html#hiring-subsidy`, 'the code opens policy.html');
  const note = await page.locator('#poster-note').innerText();
  assert(!note.includes('回答') && note.includes('现在能否申请'), `poster note: ${note}`);
  assert((await page.locator('#poster-title').innerText()).includes('政策一览'), 'poster title names policy.html');
  const staff = await page.locator('#staff-district option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean));
  assert(staff.includes('gaoxin') && staff.includes('wansheng'), `staff districts: ${staff}`);
  const org = await context.newPage();
  await org.goto(`${baseUrl}#/employer/estimate`);
  await org.locator('[data-question="org-kind"]').waitFor({ timeout: 20000 });
  await org.locator('button[data-answer="enterprise"]').click();
  await org.locator('[data-question="org-district"]').waitFor();
  const asked = await org.locator('#q-input option').evaluateAll((o) => o.map((x) => x.value).filter(Boolean));
  eq(staff, asked, 'the same districts as org.html asks for');
  await context.close();
});

test('staff page: changing the audience drops a benefit of another audience; poster prints alone', async () => {
  const { context, page } = await newPage(browser, log);
  await page.goto(new URL('staff.html', baseUrl).href);
  await mounted(page);
  const first = await page.locator('#staff-benefit option:nth-child(2)').getAttribute('value');
  await page.selectOption('#staff-benefit', first);
  await page.locator('input[name=staff-audience][value=agency]').check();
  eq(await page.locator('#staff-benefit').inputValue(), '', 'benefit reset');
  const link = await page.locator('#staff-link').inputValue();
  eq(link, `${baseUrl}#/agency`, 'agency link');
  eq(await decodeQr(page), link, 'decoded');
  await page.emulateMedia({ media: 'print' });
  eq(await page.locator('.site-header').isVisible(), false, 'header hidden in print');
  eq(await page.locator('#staff-link').isVisible(), false, 'form hidden in print');
  assert(await page.locator('.poster svg.qr').isVisible(), 'QR printed');
  const poster = await page.locator('.poster').innerText();
  assert(poster.includes('12333') && poster.includes('扫码'), `poster: ${poster}`);
  await page.screenshot({ path: join(shotDir, 'staff-poster-print.png'), fullPage: true });
  await page.pdf({ path: join(shotDir, 'staff-poster.pdf'), format: 'A4' });
  await context.close();
});

test('staff page in 大字模式 passes axe; the copy button copies or offers the text', async () => {
  const { context, page } = await newPage(browser, log);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await page.goto(baseUrl);
  await page.evaluate(() => localStorage.setItem('cq-jiuye-bangfu.prefs.v1', 'large-text'));
  await page.goto(new URL('staff.html', baseUrl).href);
  await mounted(page);
  assert(await page.evaluate(() => document.documentElement.classList.contains('large-text')), 'large text on');
  await axe(page, 'staff page (大字模式)');
  await page.locator('#staff-copy').click();
  await page.locator('#staff-copied').filter({ hasText: '已复制' }).waitFor({ timeout: 5000 });
  eq(await page.evaluate(() => navigator.clipboard.readText()), `${baseUrl}#/person`, 'clipboard');
  await context.close();
});

test('staff page: a benefit that has ended or whose continuation is unconfirmed gets a warning, and the poster says so', async () => {
  const { context, page } = await newPage(browser, log);
  await page.goto(`${origin}/staff.html`);
  await mounted(page);
  await page.locator('input[name=staff-audience][value=employer]').check();
  const warning = page.locator('#staff-standing-warning');
  for (const [id, words] of [['workshop-employment-award', '已结束'], ['work-for-training-subsidy', '已结束'], ['workshop-construction-grant', '延续情况未公布']]) {
    await page.selectOption('#staff-benefit', id);
    await warning.waitFor();
    assert((await warning.innerText()).includes(words), `${id}: warning says ${words}`);
    assert((await page.locator('#poster-standing').innerText()).includes(words), `${id}: the poster says ${words}`);
    assert((await page.locator(`#staff-benefit option[value="${id}"]`).innerText()).includes(words), `${id}: the picker says ${words}`);
  }
  await page.screenshot({ path: join(shotDir, 'staff-warning-360.png'), fullPage: true });
  await page.selectOption('#staff-benefit', 'hiring-subsidy');
  await page.waitForFunction(() => !document.getElementById('staff-standing-warning'));
  eq(await page.locator('#poster-standing').count(), 0, 'no warning on the poster of a benefit in force');
  await page.locator('input[name=staff-audience][value=person]').check();
  await page.selectOption('#staff-benefit', 'cross-region-transport-subsidy');
  await warning.waitFor();
  assert((await warning.innerText()).includes('未查到公布的文件'), 'transport: no source for 2026');
  await context.close();
});

test('a district link preselects the district; odd parameters get a gentle notice', async () => {
  const { context, page } = await newPage(browser, log);
  await page.goto(`${baseUrl}?district=wanzhou&from=singlemessage&isappinstalled=0#/employer`);
  await mounted(page);
  assert((await page.locator('#preset-note').innerText()).includes('万州区'), 'preset note');
  eq(await page.locator('#app-notice').count(), 0, "WeChat's own parameters are not an error");
  await page.locator('#start-org').click();
  // The kind comes first, then the district, which the link has preselected.
  for (let i = 0; i < 5; i++) {
    await page.waitForSelector('[data-question]');
    if ((await page.getAttribute('[data-question]', 'data-kind')) === 'District') break;
    await page.locator('.answers button').first().click();
    await page.waitForTimeout(100);
  }
  eq(await page.locator('#q-input').inputValue(), 'wanzhou', 'preselected district');

  const odd = await context.newPage();
  await odd.goto(`${baseUrl}?district=atlantis&colour=blue&as-of=2025-99-99#/person`);
  await mounted(odd);
  const notice = await odd.locator('#app-notice').innerText();
  assert(notice.includes('区县无法识别') && notice.includes('colour') && notice.includes('查询日期'), notice);
  assert(await odd.locator('main h2, main [role=radiogroup], main .choices').first().isVisible(), 'page drawn');
  await context.close();
});

test('sharing a result: presets only, unless 包含我的回答 is ticked after a warning', async () => {
  const persona = PERSONAS.find((p) => p.name === 'shandong-worker');
  const { context, page } = await newPage(browser, log);
  await page.goto(`${baseUrl}?as-of=${persona.asOf}#/person/q`);
  await mounted(page);
  await answerAll(page, persona);
  const summary = await page.locator('#results-summary').innerText();
  // 分享给别人 opens on org.html's bundle, so the residents' first load never carries it.
  await page.locator('#to-share').tap();
  await page.waitForURL(/org\.html.*#\/person\/share$/);
  await page.locator('#share-link').waitFor({ timeout: 15000 });
  const plain = await page.locator('#share-link').inputValue();
  eq(plain, `${baseUrl}#/person`, 'share link without answers');
  eq(await page.locator('#share-warning').count(), 0, 'no warning yet');
  await page.locator('#share-answers').check();
  assert((await page.locator('#share-warning').innerText()).includes('个人情况'), 'warning shown');
  const withAnswers = await page.locator('#share-link').inputValue();
  assert(withAnswers.includes('answers=') && withAnswers.includes(`as-of=${persona.asOf}`), withAnswers);
  assert(!new URL(withAnswers).search.includes('answers'), 'answers only in the fragment');
  await axe(page, 'the share page');
  await context.close();

  // Someone else opens it: the same results, and the answers leave the address bar at once.
  const other = await newPage(browser, log);
  await other.page.goto(withAnswers);
  await mounted(other.page);
  await other.page.locator('#results-title').waitFor();
  eq(await other.page.locator('#results-summary').innerText(), summary, 'same results');
  assert((await other.page.locator('#app-notice').innerText()).includes('分享链接'), 'notice');
  assert(!other.page.url().includes('answers='), `address bar: ${other.page.url()}`);
  const broken = await other.context.newPage();
  await broken.goto(`${baseUrl}#/person/results?answers=%7B%22v%22%3A`);
  await mounted(broken);
  assert((await broken.locator('#app-notice').innerText()).includes('损坏'), 'damaged link notice');
  await other.context.close();
});

await runSuite(browser, tests, log, origin);
