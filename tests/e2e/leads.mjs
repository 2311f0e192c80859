// End-to-end tests of issue 26 on the release build, in headless Chromium at 360×740, on today's date
// (the app's own default): "延续情况未公布" is a lead. A 巫溪 脱贫人口 working in 山东 for 4 months and a
// 奉节 worker in another district are asked what decides the 237号 benefits too (脱贫, where, since
// when); their results show the 2025 figure as a lead with whom to ask and the sentence to ask (from
// `subsidy-check evaluate`'s `leads`, never typed here), never under 可以申请; their checklist lists the
// lead's documents marked 如果继续执行. A future graduation day is refused with a message and the
// counter does not move. axe-core: no serious or critical violation on the results and the checklist.
//
//   node tests/e2e/leads.mjs http://127.0.0.1:PORT/ target/e2e
//
// Closes with `e2e result: N passed; M failed`.

import { launchChromium, newPage as openPage, runSuite, suiteArgs, assert, eq, DESKTOP } from './lib/chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import { amountText, answerAll, evaluate, savedPersonFacts } from './lib/flows.mjs';
import { JOURNEYS } from './lib/expectations.mjs';
import { writeFileSync } from 'node:fs';

const { shotDir, origin } = suiteArgs('leads.mjs');
const browser = await launchChromium();
const log = { requests: [], problems: [] };
const newPage = (options) => openPage(browser, log, options);

/** Today as the app's clock reads it (the page opens without ?as-of=). */
const today = new Date();
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const TODAY = iso(today);
/** Four months and a few days ago, in the way people write dates. */
const started = new Date(today.getFullYear(), today.getMonth() - 4, 1);
const STARTED = `${started.getFullYear()}年${started.getMonth() + 1}月1日`;

const ORDINARY = {
  dibao: false, tekun: false, 'zero-employment-family': false, disabled: false, 'family-disabled': false,
  relocated: false, veteran: false, 'overcapacity-worker': false, 'released-prisoner': false, 'online-merchant': false,
};

const WORKERS = [
  {
    name: 'wuxi-in-shandong',
    lead: 'shandong-job-search-subsidy',
    says: ['脱贫人口', '在山东务工4个月'],
    answers: {
      ...ORDINARY, 'poverty-status': 'alleviated', 'poverty-household': true, 'hukou-chongqing': true,
      'hukou-district': 'wuxi', age: '35', sex: 'female', 'labour-capacity': 'full', activity: 'employee',
      'work-place': 'shandong', 'work-since': STARTED, 'job-search-received': false, 'transport-received': false,
      'organised-transfer': false, 'rural-transfer-worker': true, 'registered-unemployed': false,
      'college-graduate': false, 'training-kind': 'none', 'training-subsidised': false, 'looking-for-work': false,
      'cannot-leave-home': false, 'family-on-post': false, 'urban-pension': false,
    },
  },
  {
    name: 'fengjie-in-another-district',
    lead: 'job-search-subsidy',
    says: ['脱贫人口', '在重庆市内其他区县务工4个月'],
    answers: {
      ...ORDINARY, 'poverty-status': 'alleviated', 'poverty-household': true, 'hukou-chongqing': true,
      'hukou-district': 'fengjie', age: '42', sex: 'male', 'labour-capacity': 'full', activity: 'employee',
      'work-place': 'other-district', 'work-since': STARTED, 'job-search-received': false, 'transport-received': false,
      'organised-transfer': false, 'rural-transfer-worker': true, 'registered-unemployed': false,
      'college-graduate': false, 'training-kind': 'none', 'training-subsidised': false, 'looking-for-work': false,
      'cannot-leave-home': false, 'family-on-post': false, 'urban-pension': false,
    },
  },
];

async function open(page, hash = '#/') {
  await page.goto(`${origin}/${hash}`, { waitUntil: 'load' });
  await page.locator('h1').waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForFunction(() => !document.getElementById('loading'));
}

async function noSeriousAxe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of result.violations) console.log(`    axe (${what}): ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  eq(bad.map((v) => v.id), [], `${what}: serious/critical axe violations`);
}

/** Gives `answer` (undefined: 不清楚) to question `q` of kind `kind` and waits for what comes next. */
async function answerAndWait(page, q, kind, answer) {
  if (answer === undefined) await page.locator('#q-unknown').tap();
  else if (kind === 'YesNo') await page.locator(`button[data-answer=${answer ? 'yes' : 'no'}]`).tap();
  else if (kind === 'Choice') await page.locator(`button[data-answer="${answer}"]`).tap();
  else if (kind === 'District') {
    await page.selectOption('#q-input', answer);
    await page.locator('#q-confirm').tap();
  } else {
    await page.fill('#q-input', String(answer));
    await page.locator('#q-confirm').tap();
  }
  await page.waitForFunction(
    (prev) => document.getElementById('results-title') || document.querySelector('[data-question]')?.getAttribute('data-question') !== prev,
    q,
  );
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

for (const worker of WORKERS) {
  test(`${worker.name}: asked what decides the lead; shown as a lead with whom to ask and what to say`, async () => {
    const { context, page } = await newPage();
    await open(page, '#/person/q');
    const { seen } = await answerAll(page, worker);
    console.log(`    ${worker.name} (${TODAY}): ${seen.length} questions: ${seen.join(', ')}`);
    for (const q of ['poverty-status', 'work-place', 'work-since']) {
      assert(seen.some((s) => s.startsWith(`${q}=`)), `${worker.name}: asked ${q}`);
    }
    // What rules-core says of these answers today, from the CLI.
    const report = evaluate(await savedPersonFacts(page), TODAY);
    const benefit = report.benefits.find((b) => b.id === worker.lead);
    eq(benefit.status, 'continuation-unknown', `${worker.lead} is never 可以申请`);
    const lead = report.leads.find((l) => l.id === worker.lead);
    eq(lead && lead.lead, 'would-qualify', `${worker.lead}: the 2025 rules cover ${worker.name}`);
    // The sentence names the person's group, where and how long, and the 2025 figure (rules-core's).
    const figure = amountText(report, worker.lead);
    for (const words of [...worker.says, figure]) assert(lead.ask.includes(words), `the sentence says ${words}: ${lead.ask}`);

    await page.locator('#do-now').waitFor();
    const top = await page.locator('#do-now').innerText();
    assert(top.includes(benefit.name), `the first screen names the lead: ${top}`);
    assert(top.includes(lead.figure_label), `the figure is labelled ${lead.figure_label}`);
    eq(await page.locator(`#group-eligible [data-benefit="${worker.lead}"]`).count(), 0, 'not under 可以申请');
    const card = page.locator(`#group-leads .card[data-benefit="${worker.lead}"]`);
    eq(await card.count(), 1, 'one lead card');
    eq(await card.locator('.ask-sentence').innerText(), lead.ask, 'the sentence to ask, from rules-core');
    assert((await card.innerText()).includes('问谁'), 'whom to ask');
    eq(await card.locator('a[href="tel:12333"]').count() > 0, true, 'the hotline is tap-to-call');
    eq(await card.locator('[data-copy]').count(), 1, '复制这句话');
    eq(await card.locator('[data-speak]').count(), 1, '朗读');
    // 复制: the browser's clipboard where allowed; refused here (no permission), the text is selected.
    await card.locator('[data-copy]').tap();
    await page.waitForFunction(
      (id) => /已复制|已选中/.test(document.querySelector(`#group-leads [data-benefit="${id}"] [data-copy]`).textContent),
      worker.lead,
    );
    await page.screenshot({ path: join(shotDir, `leads-${worker.name}-360.png`) });
    await noSeriousAxe(page, `${worker.name} results`);
    // Printed (from a computer, as a phone hands the page to a printer at the paper's width), the
    // results fit on two A4 pages: the PDF Chromium makes of the print view of the same answers.
    const saved = await page.evaluate(() => localStorage.getItem('cq-jiuye-bangfu.person.v1'));
    const desk = await newPage({ device: DESKTOP });
    await desk.page.addInitScript((value) => localStorage.setItem('cq-jiuye-bangfu.person.v1', value), saved);
    await open(desk.page, '#/person/results?continue');
    await desk.page.locator('#results-title').waitFor({ timeout: 15000 });
    const pdf = await desk.page.pdf({ format: 'A4' });
    await desk.context.close();
    writeFileSync(join(shotDir, `leads-${worker.name}-print.pdf`), pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    console.log(`    ${worker.name}: the results print on ${pages} A4 page(s)`);
    assert(pages >= 1 && pages <= 2, `${worker.name}: results print on at most 2 pages (${pages})`);

    // 准备申请材料: the lead is preselected, its documents are listed, marked 如果继续执行.
    await page.locator('#top-checklist').tap();
    await page.locator('#checklist-title').waitFor({ timeout: 15000 });
    eq(await page.isChecked(`input[data-pick="${worker.lead}"]`), true, 'the lead is preselected');
    const progress = await page.locator('#checklist-progress').innerText();
    assert(!/\/0$/.test(progress.trim()), `the checklist is not empty: ${progress}`);
    assert(await page.locator('input[data-doc]').count() > 0, 'documents to bring');
    assert((await page.locator('#checklist').innerText()).includes('如果继续执行'), 'marked 如果继续执行');
    await page.screenshot({ path: join(shotDir, `leads-${worker.name}-checklist-360.png`), fullPage: true });
    await noSeriousAxe(page, `${worker.name} checklist`);
    await context.close();
  });
}

test('a future day for a past event is refused with a message; the counter does not move', async () => {
  const { context, page } = await newPage();
  await open(page, '#/person/q');
  // The 22-year-old graduate of the journeys, up to her graduation day.
  const { answers } = JOURNEYS.find((j) => j.name === 'dibao-graduate-22');
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.waitForSelector('[data-question], #results-title', { timeout: 10000 });
    if (await page.locator('#results-title').count()) throw new Error(`no graduation day asked: ${seen.join(', ')}`);
    const q = await page.getAttribute('[data-question]', 'data-question');
    seen.push(q);
    if (q === 'graduated-on') break;
    const kind = await page.getAttribute('[data-question]', 'data-kind');
    const answer = answers[q];
    await answerAndWait(page, q, kind, answer);
  }
  eq(await page.getAttribute('[data-question]', 'data-question'), 'graduated-on', 'the graduation day is asked');
  const before = await page.locator('#progress').innerText();
  const hash = await page.evaluate(() => location.hash);
  await page.fill('#q-input', `${today.getFullYear() + 1}年1月1日`);
  await page.locator('#q-confirm').tap();
  await page.waitForFunction(() => (document.getElementById('q-error')?.textContent || '').includes('晚于'));
  eq(await page.getAttribute('[data-question]', 'data-question'), 'graduated-on', 'the question stays');
  eq(await page.locator('#progress').innerText(), before, 'the counter does not move');
  eq(await page.evaluate(() => location.hash), hash, 'no new step');
  await context.close();
});

// 大字模式 on a 360×740 phone: every question of two journeys shows its first option and 不清楚
// without scrolling (the help folds under 这题是什么意思？).
for (const journey of [WORKERS[0], JOURNEYS.find((j) => j.name === 'dibao-graduate-22')]) {
  test(`大字模式: ${journey.name}: the first option and 不清楚 on the first screen of every question`, async () => {
    const { context, page } = await newPage();
    await page.addInitScript(() => localStorage.setItem('cq-jiuye-bangfu.prefs.v1', 'large-text'));
    await open(page, '#/person/q');
    assert(await page.evaluate(() => document.documentElement.classList.contains('large-text')), '大字模式 on');
    const seen = [];
    for (let i = 0; i < 40; i++) {
      await page.waitForSelector('[data-question], #results-title', { timeout: 10000 });
      if (await page.locator('#results-title').count()) break;
      const q = await page.getAttribute('[data-question]', 'data-question');
      seen.push(q);
      const kind = await page.getAttribute('[data-question]', 'data-kind');
      const first = kind === 'YesNo' || kind === 'Choice' ? '.answers .answer' : '#q-input';
      const fold = async (selector) => {
        const box = await page.locator(selector).first().boundingBox();
        return box && box.y >= 0 && box.y + box.height <= 740;
      };
      const onScreen = (await fold(first)) && (await fold('#q-unknown'));
      if (!onScreen) await page.screenshot({ path: join(shotDir, `leads-large-text-${journey.name}-${q}-360.png`) });
      assert(await fold(first), `${q}: the first option is on the first screen`);
      assert(await fold('#q-unknown'), `${q}: 不清楚 is on the first screen`);
      if (i === 0) await page.screenshot({ path: join(shotDir, `leads-large-text-${journey.name}-360.png`) });
      const answer = journey.answers[q];
      await answerAndWait(page, q, kind, answer);
    }
    console.log(`    大字模式 ${journey.name}: ${seen.length} questions checked`);
    assert(seen.length > 5, 'a whole journey');
    await context.close();
  });
}

await runSuite(browser, tests, log, origin);
