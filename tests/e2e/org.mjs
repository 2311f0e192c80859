// End-to-end tests of the organisation estimator (release build, headless Chromium, 360×740 and
// 1280×800): an enterprise with a mixed roster and a loan, a workshop by grade, an agency with
// 劳务派遣 excluded. The figures on screen are compared with rules-core's own, computed by the
// subsidy-check CLI on the very answers the app saved on the phone; the CSV download is read back.
//
//   node tests/e2e/org.mjs http://127.0.0.1:PORT/ target/e2e
//
// Every request is recorded (anything not to 127.0.0.1 fails), as are console errors, page errors
// and CSP violations; axe-core must report no serious or critical violation. Closes with
// `e2e result: N passed; M failed`.

import { launchChromium, newPage as openPage, runSuite, suiteArgs, assert, eq, PHONE, DESKTOP } from './lib/chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from './lib/flows.mjs';

const { baseUrl, shotDir, origin } = suiteArgs('org.mjs');

const browser = await launchChromium();

const log = { requests: [], problems: [] };
const newPage = (device = PHONE) => openPage(browser, log, { device, acceptDownloads: true });

const tests = [];
const test = (name, fn) => tests.push({ name, fn });


/// The answers the app keeps on the phone for an organisation audience (rules-core's Facts JSON).
async function savedFacts(page, audience) {
  const text = await page.evaluate((key) => localStorage.getItem(key), `cq-jiuye-bangfu.org-${audience}.v1`);
  assert(text, `saved answers for ${audience}`);
  return JSON.parse(text).facts;
}

/// Fills the roster editor's rows: each row an object of field → value (text boxes typed, lists chosen).
async function fillRoster(page, rows) {
  const existing = await page.locator('fieldset.roster-row').count();
  for (let i = existing; i < rows.length; i++) await page.locator('#roster-add').click();
  const keys = await page.locator('fieldset.roster-row').evaluateAll((els) => els.map((e) => e.dataset.row));
  for (const [i, row] of rows.entries()) {
    const k = keys[i];
    for (const [field, value] of Object.entries(row)) {
      const box = page.locator(`#roster-${k}-${field}`);
      if ((await box.evaluate((e) => e.tagName)) === 'SELECT') await box.selectOption(value);
      else await box.fill(value);
    }
  }
}

/// Clicks through the questions: `answers` maps a question id to a choice id, 'yes'/'no', a typed
/// value, or a roster (array of rows); anything else is answered 不清楚. Ends on the results.
async function answerAll(page, audience, answers) {
  const asked = [];
  for (let step = 0; step < 40; step++) {
    await page.waitForFunction(
      () => document.querySelector('[data-question]') || location.hash.endsWith('/results'),
      null,
      { timeout: 10000 },
    );
    if ((await page.evaluate(() => location.hash)).endsWith('/results')) break;
    const q = await page.locator('[data-question]').getAttribute('data-question');
    const kind = await page.locator('[data-question]').getAttribute('data-kind');
    asked.push(q);
    const answer = answers[q];
    const before = await page.evaluate(() => document.querySelector('#progress')?.textContent);
    if (answer === undefined) {
      await page.locator('#q-unknown').click();
    } else if (kind === 'Roster') {
      await fillRoster(page, answer);
      await page.locator('#q-confirm').click();
    } else if (kind === 'District') {
      await page.locator('#q-input').selectOption(answer);
      await page.locator('#q-confirm').click();
    } else if (kind === 'Count' || kind === 'Money' || kind === 'Date') {
      await page.locator('#q-input').fill(answer);
      await page.locator('#q-confirm').click();
    } else {
      await page.locator(`button[data-answer="${answer}"]`).click();
    }
    await page.waitForFunction(
      ([q, before]) =>
        location.hash.endsWith('/results') ||
        document.querySelector('[data-question]')?.dataset.question !== q ||
        document.querySelector('#progress')?.textContent !== before,
      [q, before],
      { timeout: 5000 },
    );
  }
  await page.locator('#org-results').waitFor({ timeout: 10000 });
  eq(new URL(page.url()).hash, `#/${audience}/results`, 'on the results');
  return asked;
}

const amountOf = (b) => b.estimate.value.amount;

/// The benefits of `audience` an organisation of `kind` is shown: rules-core (the CLI) decides which
/// the kind alone rules out (暂不符合 knowing only the audience and the kind; for a benefit no longer
/// in force, under its last rules), and the page leaves those out.
function shownFor(report, audience, kind) {
  const known = evaluate({ audience, 'org-kind': kind }, report.as_of);
  const out = new Set(
    known.benefits.filter((b) => b.audience === audience && (b.status_on_last_day ?? b.status) === 'not-eligible').map((b) => b.id),
  );
  return report.benefits.filter((b) => b.audience === audience && b.status !== 'not-for-audience' && !out.has(b.id));
}

/// Where an element ends, from the top of the page, after scrolling to the top.
async function bottomOf(page, selector) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
}

/// The questions whose answers only a loan needs.
const LOAN_QUESTIONS = ['org-size', 'org-staff', 'org-no-arrears', 'loan-amount', 'loan-term-years', 'loan-contract-date', 'loan-lpr'];

/// The figures the page shows for one benefit, compared with rules-core's report.
async function checkBenefit(page, b) {
  const block = page.locator(`article[data-benefit="${b.id}"]`);
  eq(await block.getAttribute('data-status'), b.status, `${b.id} status`);
  const headline = await block.locator('.org-headline').innerText();
  const v = b.estimate.value;
  if (b.status === 'eligible' && v.kind === 'amount') {
    assert(headline.includes(`预估 ${v.amount} ${v.unit}`), `${b.id} headline ${headline} ≠ ${v.amount} ${v.unit}`);
  }
  for (const line of b.estimate.breakdown || []) {
    const row = block.locator(`tr[data-row="${line.row}"]:not(.still-needed)`);
    const cells = await row.locator('td').allInnerTexts();
    // A group that qualifies without a published amount shows no figure, only the reason.
    const figures = line.unpriced ? ['—', '—'] : [line.per_head, line.subtotal];
    eq(cells, [String(line.heads), String(line.qualifying), ...figures], `${b.id} row ${line.row}`);
    if (line.unpriced) {
      const why = await block.locator(`tr.unpriced[data-row="${line.row}"]`).innerText();
      assert(why.includes(line.unpriced), `${b.id} row ${line.row} unpriced: ${why}`);
    }
    if (line.still_needed) {
      const needed = await block.locator(`tr.still-needed[data-row="${line.row}"]`).innerText();
      assert(needed.includes(line.still_needed), `${b.id} row ${line.row} still needed: ${needed}`);
    }
  }
}

/// Totals per unit, computed like the app promises: eligible, amount, non-loan, same unit only.
/** rules-core's totals in the report (subsidy-check prints them), by unit. */
function expectedTotals(report) {
  return Object.fromEntries(report.totals.totals.map((t) => [t.unit, Number(t.amount)]));
}

async function shownTotals(page) {
  return page.locator('.total-row').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.unit, Number(r.dataset.amount)])),
  );
}

async function axe(page, what) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  for (const v of result.violations) console.log(`    axe ${what}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  eq(bad.map((v) => v.id), [], `serious/critical axe violations (${what})`);
}

async function noSidewaysScroll(page, what) {
  const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert(m.scroll <= m.width, `${what}: page scrolls sideways (${m.scroll} > ${m.width})`);
}

const ENTERPRISE_ROSTER = [
  { count: '４', contract: '24', insured: '14', still: 'yes', contrib: '9,000', subsidised: '0' },
  { count: '2', contract: '24', insured: '10', still: 'yes' },
  { identity: 'graduate', count: '3', contract: '12', insured: '7' },
];

for (const device of [PHONE, DESKTOP]) {
  const size = `${device.viewport.width}`;
  test(`enterprise at ${size} px: mixed roster, per-group table, totals by unit, loan, CSV`, async () => {
    const asOf = '2025-07-01';
    const { context, page } = await newPage(device);
    await page.goto(new URL(`?as-of=${asOf}#/employer`, baseUrl).href);
    await page.locator('#start-org').click();
    await page.waitForFunction(() => location.hash === '#/employer/estimate');
    // The kinds offered are the employer's only.
    await page.locator('[data-question="org-kind"]').waitFor();
    const kinds = await page.locator('button[data-answer]:not([data-answer=unknown])').evaluateAll((b) => b.map((x) => x.dataset.answer));
    assert(kinds.includes('enterprise') && !kinds.includes('hr-agency'), `kinds: ${kinds}`);
    if (size === '360') await axe(page, 'question');
    const asked = await answerAll(page, 'employer', {
      'org-kind': 'enterprise',
      'org-district': 'wanzhou',
      roster: ENTERPRISE_ROSTER,
      'org-size': 'small',
      'org-staff': '５０',
      'org-no-arrears': 'yes',
      'loan-amount': '2000000',
      'loan-term-years': '2',
    });
    eq(asked.slice(0, 2), ['org-kind', 'org-district'], 'kind and district first');
    assert(asked.includes('roster'), `asked: ${asked}`);

    const facts = await savedFacts(page, 'employer');
    eq(facts.roster.length, 3, 'saved roster rows');
    eq(facts.roster[0].count, 4, 'full-width count read');
    const report = evaluate(facts, asOf);
    const hiring = report.benefits.find((b) => b.id === 'hiring-subsidy');
    eq(hiring.status, 'eligible', 'the README example can claim the hiring subsidy');
    for (const b of shownFor(report, 'employer', 'enterprise')) {
      await checkBenefit(page, b);
    }
    eq(await shownTotals(page), expectedTotals(report), 'totals by unit');
    assert(Object.keys(expectedTotals(report)).length === 2, 'one-off and yearly totals (README example)');
    // The formula steps sit in a closed details box (opened for print): read their text.
    const step = await page.locator('article[data-benefit="hiring-subsidy"] .steps').evaluate((e) => e.textContent);
    assert(step.includes('再缴纳 2 个月后可申请'), `steps: ${step}`);
    await noSidewaysScroll(page, 'results');
    await page.screenshot({ path: join(shotDir, `org-enterprise-${size}.png`), fullPage: true });
    if (size === '360') await axe(page, 'results');

    // The loan panel: rules-core's interest subsidy for 2 years, then a principal over the cap.
    const loan = report.benefits.find((b) => b.id === 'enterprise-guaranteed-loan');
    eq(loan.status, 'eligible', 'the loan is open to this enterprise');
    assert((await page.locator('#loan-panel .estimate-value').innerText()).includes(amountOf(loan)), 'loan panel shows rules-core figure');
    await page.locator('#loan-amount').fill('8000000');
    await page.waitForFunction(() => document.querySelector('#loan-panel .steps')?.textContent.includes('超过上限'));
    const capped = evaluate(await savedFacts(page, 'employer'), asOf).benefits.find((b) => b.id === 'enterprise-guaranteed-loan');
    assert(capped.estimate.steps.some((step) => JSON.stringify(step).includes('上限')), 'rules-core caps the principal');
    assert((await page.locator('#loan-panel .estimate-value').innerText()).includes(amountOf(capped)), 'loan panel shows the capped figure');
    await page.locator('#loan-amount').fill('abc');
    assert((await page.locator('#loan-amount-error').innerText()).length > 0, 'bad principal gets a message');
    await page.locator('#loan-amount').fill('2000000');

    // Live roster: the second group reaches 12 months; the table and totals follow.
    const keys = await page.locator('#org-roster fieldset.roster-row').evaluateAll((els) => els.map((e) => e.dataset.row));
    const before = (await shownTotals(page))['元'];
    await page.locator(`#roster-${keys[1]}-insured`).fill('１２');
    await page.waitForFunction((b) => Number(document.querySelector('.total-row[data-unit="元"]')?.dataset.amount) > b, before);
    eq(await shownTotals(page), expectedTotals(evaluate(await savedFacts(page, 'employer'), asOf)), 'totals follow the roster');
    await page.locator(`#roster-${keys[1]}-count`).fill('abc');
    assert((await page.locator(`#roster-${keys[1]}-count-error`).innerText()).includes('abc'), 'bad count message');
    await page.locator(`#roster-${keys[1]}-count`).fill('2');
    // Tapping the 人数 box and typing replaces its number (typing 3 into "2" or the new row's "1"
    // must not give 23 or 13): typed key by key after a click, as a person does.
    const countBox = page.locator(`#roster-${keys[1]}-count`);
    await page.keyboard.press('Tab');
    await countBox.click();
    await page.keyboard.type('3');
    eq(await countBox.inputValue(), '3', 'typing after a tap replaces the count');
    await page.locator('#roster-add').click();
    const added = await page.locator('#org-roster fieldset.roster-row').evaluateAll((els) => els.at(-1).dataset.row);
    const addedCount = page.locator(`#roster-${added}-count`);
    eq(await addedCount.inputValue(), '1', 'a new group starts at 1');
    await addedCount.click();
    await page.keyboard.type('3');
    eq(await addedCount.inputValue(), '3', "typing 3 into a new group's 人数 gives 3, not 13");
    await page.locator(`#roster-${added}-remove`).click();
    await countBox.click();
    await page.keyboard.type('2');
    eq(await countBox.inputValue(), '2', 'the count back to 2');

    // CSV: a Blob download, UTF-8 with BOM, the table's figures.
    const now = evaluate(await savedFacts(page, 'employer'), asOf);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#org-csv').click()]);
    eq(download.suggestedFilename(), '单位补贴预估.csv', 'file name');
    assert(download.url().startsWith('blob:'), `download url ${download.url()}`);
    const bytes = readFileSync(await download.path());
    eq([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const csv = bytes.toString('utf8').slice(1);
    const lines = csv.split('\r\n');
    const h = now.benefits.find((b) => b.id === 'hiring-subsidy');
    for (const line of h.estimate.breakdown) {
      const row = lines.find((l) => l.startsWith(`${h.name},${'可以申请'},第${line.row}组 `));
      assert(row, `CSV row ${line.row}: ${csv}`);
      const cells = row.split(',');
      eq([cells[3], cells[4], cells[6]], [String(line.heads), String(line.qualifying), line.subtotal], `CSV row ${line.row}`);
    }
    const totals = expectedTotals(now, 'employer');
    assert(lines.some((l) => l.startsWith(`预估一次性补贴、奖补合计,,,,,,${totals['元']},`)), `CSV one-off total: ${csv}`);
    assert(lines.some((l) => l.startsWith(`预估每年补贴合计,,,,,,${totals['元/年']},`)), `CSV yearly total: ${csv}`);
    assert(!lines.some((l) => l.includes('贷款') && l.startsWith('预估')), 'loan not in the totals');

    // The print view: A4, the table and the inputs, no buttons.
    await page.emulateMedia({ media: 'print' });
    eq(await page.locator('#org-csv').isVisible(), false, 'buttons hidden in print');
    assert(await page.locator('#org-roster fieldset').first().isVisible(), 'roster printed');
    assert(await page.locator('#org-table table').first().isVisible(), 'table printed');
    // No half-empty pages: no forced page break, and nothing tall is kept in one piece (a benefit
    // may split between its parts; only small items such as a roster group or a row stay whole).
    const unbreakable = await page.evaluate(() => {
      const out = [];
      for (const e of document.querySelectorAll('#org-results *')) {
        const style = getComputedStyle(e);
        const forced = ['page', 'always', 'left', 'right'];
        if (forced.includes(style.breakBefore) || forced.includes(style.breakAfter)) out.push(`forced break: ${e.className || e.tagName}`);
        if (style.breakInside === 'avoid' && e.getBoundingClientRect().height > 560) {
          out.push(`${e.tagName}.${e.className} kept whole, ${Math.round(e.getBoundingClientRect().height)} px`);
        }
      }
      return out;
    });
    eq(unbreakable, [], 'print: no forced break, no tall block kept whole');
    await page.screenshot({ path: join(shotDir, `org-enterprise-print-${size}.png`), fullPage: true });
    if (size === '1280') await page.pdf({ path: join(shotDir, 'org-enterprise.pdf'), format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    // Reload: the answers come back from the phone.
    await page.reload();
    await page.locator('#org-results').waitFor();
    eq(await shownTotals(page), expectedTotals(now, 'employer'), 'totals after reload');
    await context.close();
  });
}

test('workshop by grade: 优秀, 45 people retained → the award band rules-core gives', async () => {
  const asOf = '2024-05-01';
  const { context, page } = await newPage(PHONE);
  await page.goto(new URL(`?as-of=${asOf}#/employer/estimate`, baseUrl).href);
  await page.locator('[data-question="org-kind"]').waitFor();
  await answerAll(page, 'employer', {
    'org-kind': 'workshop',
    'org-district': 'wuxi',
    'workshop-recognised': 'yes',
    'workshop-new': 'no',
    'workshop-grade': 'excellent',
    'workshop-retained': '４５',
  });
  const facts = await savedFacts(page, 'employer');
  eq([facts['workshop-grade'], facts['workshop-retained']], ['excellent', 45], 'saved grade and headcount');
  const report = evaluate(facts, asOf);
  const award = report.benefits.find((b) => b.id === 'workshop-employment-award');
  eq(award.status, 'eligible', 'the excellent workshop can claim the award (golden case)');
  await checkBenefit(page, award);
  for (const b of shownFor(report, 'employer', 'workshop')) {
    await checkBenefit(page, b);
  }
  eq(await page.locator('article[data-benefit="enterprise-guaranteed-loan"]').count(), 0, 'no loan card for a workshop');
  // The fee relief is set by the district: named as such, never a number.
  const relief = await page.locator('article[data-benefit="workshop-fee-relief"] .org-headline').innerText();
  assert(relief.includes('由区县确定') || relief.includes('还需确认') || relief.includes('暂不符合'), `fee relief: ${relief}`);
  eq(await shownTotals(page), expectedTotals(report), 'totals');
  // 修改: change the grade to 良好 and see the band follow.
  await page.locator('.answer-row[data-q="workshop-grade"] button').click();
  await page.locator('button[data-answer="good"]').click();
  await page.waitForFunction(() => location.hash.endsWith('/results'));
  const good = evaluate(await savedFacts(page, 'employer'), asOf).benefits.find((b) => b.id === 'workshop-employment-award');
  await page.waitForFunction(
    (amount) => document.querySelector('article[data-benefit="workshop-employment-award"] .org-headline')?.textContent.includes(amount),
    amountOf(good),
  );
  await page.screenshot({ path: join(shotDir, 'org-workshop-360.png'), fullPage: true });
  await context.close();
});

test('enterprise today at 360×740: the first screen shows what to claim, the total and 准备申请材料; no 车间 card', async () => {
  const asOf = '2026-12-07';
  const { context, page } = await newPage(PHONE);
  await page.goto(new URL(`?as-of=${asOf}#/employer/estimate`, baseUrl).href);
  await page.locator('[data-question="org-kind"]').waitFor();
  await answerAll(page, 'employer', {
    'org-kind': 'enterprise',
    'org-district': 'wanzhou',
    roster: ENTERPRISE_ROSTER,
    'org-size': 'small',
    'org-staff': '50',
    'org-no-arrears': 'yes',
    'loan-amount': '2000000',
    'loan-term-years': '2',
  });
  const report = evaluate(await savedFacts(page, 'employer'), asOf);
  const totals = report.totals.totals;
  assert(totals.length > 0, 'the README enterprise has a total today');
  eq(await shownTotals(page), expectedTotals(report), 'totals by unit');
  const top = await page.locator('#do-now').innerText();
  for (const unit of Object.keys(expectedTotals(report))) {
    const shown = await page.locator(`.total-row[data-unit="${unit}"] strong`).innerText();
    assert(top.includes(shown), `do-now total ${shown}: ${top}`);
  }
  for (const b of report.benefits.filter((b) => b.audience === 'employer' && b.status === 'eligible')) {
    assert(top.includes(b.name), `${b.id} named on top: ${top}`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shotDir, 'org-enterprise-today-first-screen-360.png') });
  const fold = PHONE.viewport.height;
  for (const id of ['#do-now-total', '#top-checklist']) {
    const bottom = await bottomOf(page, id);
    assert(bottom <= fold, `${id} ends at ${Math.round(bottom)} px, below the first screen (${fold} px)`);
  }
  eq(await page.locator('#notice-ended').count(), 0, 'no notice banner above the results');
  for (const id of ['#top-print', '#top-csv', '#top-call']) eq(await page.locator(`#do-now ${id}`).count(), 1, `${id} in 您现在可以做什么`);
  // Benefits for another kind of organisation never appear; ended ones fold under one line.
  const listed = await page.locator('article[data-benefit]').evaluateAll((a) => a.map((x) => x.dataset.benefit));
  eq(listed.sort(), shownFor(report, 'employer', 'enterprise').map((b) => b.id).sort(), 'cards shown');
  assert(!listed.some((id) => id.startsWith('workshop-')), `no 车间 card for an enterprise: ${listed}`);
  const ended = report.benefits.filter((b) => listed.includes(b.id) && b.status === 'policy-ended').map((b) => b.id);
  for (const id of ended) {
    eq(await page.locator(`#org-ended article[data-benefit="${id}"]`).count(), 1, `${id} folded under 已到期`);
  }
  if (ended.length) eq(await page.locator('#org-ended').getAttribute('open'), null, 'the ended ones start folded');
  // 打印 and CSV from the top work as the ones below.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#top-csv').click()]);
  eq(download.suggestedFilename(), '单位补贴预估.csv', 'CSV from the top');
  await page.locator('#top-checklist').click();
  await page.waitForFunction(() => location.hash === '#/employer/checklist');
  await page.goBack();
  await page.locator('#do-now').waitFor();
  await axe(page, 'enterprise results today');
  await context.close();
});

test('workshop today: asked no loan question, shown no loan; its leads say whom to ask', async () => {
  const asOf = '2026-12-07';
  const { context, page } = await newPage(PHONE);
  await page.goto(new URL(`?as-of=${asOf}#/employer/estimate`, baseUrl).href);
  await page.locator('[data-question="org-kind"]').waitFor();
  const asked = await answerAll(page, 'employer', {
    'org-kind': 'workshop',
    'org-district': 'wuxi',
    roster: [{ count: '12', contract: '12', insured: '6', still: 'yes' }],
    'workshop-recognised': 'yes',
    'workshop-new': 'no',
    'workshop-grade': 'excellent',
    'workshop-retained': '45',
  });
  const loan = asked.filter((q) => LOAN_QUESTIONS.includes(q));
  eq(loan, [], `a workshop is asked no loan question (asked: ${asked})`);
  const report = evaluate(await savedFacts(page, 'employer'), asOf);
  eq(await page.locator('article[data-benefit="enterprise-guaranteed-loan"]').count(), 0, 'no loan card');
  const top = await page.locator('#do-now').innerText();
  assert(!/贷款/.test(top), `no loan on top: ${top}`);
  for (const b of report.benefits.filter((b) => b.audience === 'employer' && b.status === 'continuation-unknown' && b.status_on_last_day === 'eligible')) {
    assert(top.includes(b.name) && top.includes('12333'), `lead ${b.id} on top with whom to ask: ${top}`);
  }
  await page.screenshot({ path: join(shotDir, 'org-workshop-today-360.png'), fullPage: true });
  await axe(page, 'workshop results today');
  await context.close();
});

test('agency: free placements counted, 劳务派遣 excluded (1280 px)', async () => {
  const asOf = '2025-06-01';
  const { context, page } = await newPage(DESKTOP);
  await page.goto(new URL(`?as-of=${asOf}#/agency/estimate`, baseUrl).href);
  await page.locator('[data-question="org-kind"]').waitFor();
  const kinds = await page.locator('button[data-answer]:not([data-answer=unknown])').evaluateAll((b) => b.map((x) => x.dataset.answer));
  eq(kinds, ['hr-agency', 'labour-broker'], 'agency kinds');
  await answerAll(page, 'agency', {
    'org-kind': 'hr-agency',
    'org-district': 'yuzhong',
    'agency-licensed': 'yes',
    roster: [
      { count: '3', free: 'yes', dispatched: 'no', fulltime: 'yes', post: 'no', insured: '4' },
      { identity: 'unemployed', count: '2', free: 'yes', dispatched: 'no', contract: '12', insured: '6' },
      { count: '４', free: 'yes', dispatched: 'yes', fulltime: 'yes', post: 'no', insured: '6' },
    ],
  });
  const report = evaluate(await savedFacts(page, 'agency'), asOf);
  const placement = report.benefits.find((b) => b.id === 'placement-subsidy');
  eq(placement.status, 'eligible', 'free placements can be claimed (golden case)');
  await checkBenefit(page, placement);
  const excluded = await page.locator('article[data-benefit="placement-subsidy"] tr.still-needed[data-row="3"]').innerText();
  assert(excluded.includes('劳务派遣不计入'), `dispatched row: ${excluded}`);
  eq(await shownTotals(page), expectedTotals(report), 'totals');
  await page.screenshot({ path: join(shotDir, 'org-agency-1280.png'), fullPage: true });
  await axe(page, 'agency results');
  await context.close();
});

test('carrier: district-set and unpublished awards named as such, with sources', async () => {
  const asOf = '2025-06-01';
  const { context, page } = await newPage(PHONE);
  await page.goto(new URL(`?as-of=${asOf}#/carrier/results`, baseUrl).href);
  await page.locator('#org-results').waitFor();
  const report = evaluate({ audience: 'carrier' }, asOf);
  const listed = await page.locator('article[data-benefit]').evaluateAll((a) => a.map((x) => x.dataset.benefit));
  eq(listed, report.benefits.filter((b) => b.audience === 'carrier' && b.status !== 'not-for-audience').map((b) => b.id), 'carrier benefits');
  eq(await page.locator('.total-row').count(), 0, 'nothing totalled before anything is known');
  await page.locator('#large-text').evaluate((b) => b.closest('details').setAttribute('open', ''));
  await page.locator('#large-text').click();
  assert(await page.evaluate(() => document.documentElement.classList.contains('large-text')), '大字模式');
  await noSidewaysScroll(page, 'carrier results, 大字模式');
  await page.screenshot({ path: join(shotDir, 'org-carrier-large-360.png'), fullPage: true });
  await context.close();
});

// E2E_ONLY=<words>: only the tests whose names contain them (while working on one).
if (process.env.E2E_ONLY) tests.splice(0, tests.length, ...tests.filter((t) => t.name.includes(process.env.E2E_ONLY)));
await runSuite(browser, tests, log, origin);
