// End-to-end test of 准备申请材料 on the release build, in headless Chromium at 360×740.
//
//   node tests/e2e/checklist.mjs http://127.0.0.1:PORT/ target/e2e
//
// A returning entrepreneur lifted out of poverty (the 'returning-entrepreneur' persona of
// lib/expectations.mjs, three benefits 可以申请) goes from the results to the merged checklist: the
// three are preselected, each document is listed once, two are ticked and stay ticked after a reload,
// 复制清单 puts every document to bring on the clipboard (and, where the clipboard is refused, shows
// the text selected in a read-only box), the print view is a clean list with ☑ / ☐ (screenshot under
// target/e2e/); saved answers list only the documents that concern the person and a bookmarked
// checklist opens at once; the organisation estimator's results lead to the same checklist; axe-core, no request leaves 127.0.0.1, no console error.
// Closes with `e2e result: N passed; M failed`.

import { launchChromium, newPage as openPage, runSuite, suiteArgs, assert, eq } from './lib/chromium.mjs';
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import { PERSONAS } from './lib/expectations.mjs';
import { answerAll } from './lib/flows.mjs';

const { baseUrl, shotDir, origin } = suiteArgs('checklist.mjs');
void baseUrl;

const browser = await launchChromium();
const log = { requests: [], problems: [] };
const newPage = (options) => openPage(browser, log, options);

const persona = PERSONAS.find((p) => p.name === 'returning-entrepreneur');
const ELIGIBLE = ['startup-subsidy', 'startup-guaranteed-loan', 'startup-tax-relief'];

async function open(page, hash = '#/') {
  await page.goto(`${origin}/?as-of=${persona.asOf}${hash}`, { waitUntil: 'load' });
  await page.locator('h1').waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForFunction(() => !document.getElementById('loading'));
}

/** A fresh page on the checklist, reached from the results. */
async function toChecklist(options) {
  const { context, page } = await newPage(options);
  await open(page);
  await page.locator('#choice-person').tap();
  await page.locator('#start-person').tap();
  await answerAll(page, persona);
  for (const id of ELIGIBLE) {
    eq(await page.locator(`#group-eligible .card[data-benefit="${id}"]`).count(), 1, `${id} under 可以申请`);
  }
  await page.locator('#to-checklist').tap();
  await page.locator('#checklist-title').waitFor({ timeout: 10000 });
  return { context, page };
}

const docIds = (page) => page.$$eval('input[data-doc]', (l) => l.map((i) => i.dataset.doc));
const docNames = (page) => page.$$eval('#docs .doc-name', (l) => l.map((e) => e.textContent.trim()));

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('from the results to one merged checklist; two ticks and the picks survive a reload', async () => {
  const { context, page } = await toChecklist();
  eq(new URL(page.url()).hash, '#/person/checklist', 'checklist URL');
  eq(await page.evaluate(() => document.activeElement?.id), 'checklist-title', 'focus on the title');
  const picked = await page.$$eval('input[data-pick]:checked', (l) => l.map((i) => i.dataset.pick));
  eq(picked, ELIGIBLE, 'the three 可以申请 benefits preselected');
  assert((await page.locator('input[data-pick]:not(:checked)').count()) > 0, '还需确认 benefits offered, unticked');
  const ids = await docIds(page);
  assert(ids.length >= 3, `documents listed: ${ids}`);
  eq(new Set(ids).size, ids.length, 'each document once');
  const names = await docNames(page);
  eq(new Set(names).size, names.length, 'each document name once');
  eq(await page.locator('.guide').count(), 3, 'a guide per benefit');
  assert((await page.locator('.guide .apply').first().innerText()).includes('办理'), 'where to apply');
  assert((await page.locator('.disclaimer').innerText()).includes('12333'), 'hotline');
  eq((await page.locator('#checklist-progress').innerText()).trim(), `已备齐 0/${ids.length}`, 'progress');
  eq(await page.getAttribute('#checklist-progress', 'aria-live'), 'polite', 'progress announced');
  // Real checkboxes, labelled, in rows of at least 48 px; the keyboard ticks them too.
  await page.locator(`label:has(input[data-doc="${ids[0]}"])`).tap();
  await page.locator(`input[data-doc="${ids[1]}"]`).focus();
  await page.keyboard.press('Space');
  eq((await page.locator('#checklist-progress').innerText()).trim(), `已备齐 2/${ids.length}`, 'progress after two');
  const small = await page.$$eval('label.tick', (l) => l.filter((e) => e.getBoundingClientRect().height < 48).length);
  eq(small, 0, 'checkbox rows under 48 px');
  await page.screenshot({ path: join(shotDir, 'checklist-360.png'), fullPage: true });
  // One 还需确认 benefit added: the picks are kept too.
  const added = await page.getAttribute('input[data-pick]:not(:checked)', 'data-pick');
  await page.locator(`label:has(input[data-pick="${added}"])`).tap();
  const pickedNow = await page.$$eval('input[data-pick]:checked', (l) => l.map((i) => i.dataset.pick).sort());
  eq(pickedNow, [...ELIGIBLE, added].sort(), 'picks changed');
  const total = (await docIds(page)).length;

  // Reopened, the checklist takes up the saved answers at once (no extra 继续上次 tap).
  await page.reload({ waitUntil: 'load' });
  await page.locator('#checklist-title').waitFor({ timeout: 15000 });
  const ticked = await page.$$eval('input[data-doc]:checked', (l) => l.map((i) => i.dataset.doc));
  eq(ticked, [ids[0], ids[1]], 'ticks kept after reload');
  eq(
    await page.$$eval('input[data-pick]:checked', (l) => l.map((i) => i.dataset.pick).sort()),
    pickedNow,
    'picks kept after reload',
  );
  eq((await page.locator('#checklist-progress').innerText()).trim(), `已备齐 2/${total}`, 'progress kept');

  // 重新开始 forgets the ticks with the answers.
  await page.locator('#checklist-to-results').tap();
  await page.locator('#restart').tap();
  eq(await page.evaluate(() => localStorage.getItem('cq-jiuye-bangfu.checklist.v1')), null, 'ticks cleared');
  await context.close();
});

test('复制清单 puts every document to bring on the clipboard', async () => {
  const { context, page } = await toChecklist();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const names = await docNames(page);
  await page.locator('#copy-checklist').tap();
  await page.locator('.copied, #copy-text').first().waitFor({ timeout: 5000 });
  const copied = (await page.locator('#copy-text').count())
    ? await page.inputValue('#copy-text')
    : await page.evaluate(() => navigator.clipboard.readText());
  for (const name of names) assert(copied.includes(name), `copied text names ${name}:\n${copied}`);
  assert(copied.includes('12333'), 'copied text has the hotline');
  await context.close();
});

test('where the clipboard is refused, the text is shown selected to copy by hand', async () => {
  const second = await toChecklistRefused();
  const { page: p } = second;
  const names = await docNames(p);
  await p.locator('#copy-checklist').tap();
  await p.locator('#copy-text').waitFor({ timeout: 5000 });
  const text = await p.inputValue('#copy-text');
  for (const name of names) assert(text.includes(name), `fallback text names ${name}`);
  assert((await p.locator('.copy-fallback').innerText()).includes('长按'), 'says 长按');
  eq(await p.evaluate(() => document.activeElement?.id), 'copy-text', 'text box focused');
  const selected = await p.evaluate(() => {
    const t = document.getElementById('copy-text');
    return t.selectionEnd - t.selectionStart === t.value.length && t.readOnly;
  });
  assert(selected, 'the whole text selected in a read-only box');
  await second.context.close();
});

/** As toChecklist, with no Clipboard API (as in some in-app browsers). */
async function toChecklistRefused() {
  const { context, page } = await newPage();
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  });
  await open(page);
  await page.locator('#choice-person').tap();
  await page.locator('#start-person').tap();
  await answerAll(page, persona);
  await page.locator('#to-checklist').tap();
  await page.locator('#checklist-title').waitFor({ timeout: 10000 });
  return { context, page };
}

test('print view: a clean A4 list, ☑ beside the ticked documents and ☐ beside the rest, no buttons', async () => {
  const { context, page } = await toChecklist();
  await page.locator('label:has(input[data-doc])').first().tap();
  await page.emulateMedia({ media: 'print' });
  const seen = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('input[data-doc]')];
    return {
      buttons: [...document.querySelectorAll('button')].filter((b) => b.offsetParent !== null).length,
      picker: getComputedStyle(document.getElementById('pick')).display !== 'none',
      inputs: boxes.filter((b) => getComputedStyle(b).display !== 'none').length,
      // The printed mark is drawn beside each box from its state (a checkbox does not print it).
      marks: boxes.map((b) => [b.checked, getComputedStyle(b.nextElementSibling, '::before').content]),
      docs: document.querySelectorAll('#docs li[data-document]').length,
      guides: document.querySelectorAll('.guide').length,
      // Nothing tall is kept whole (no half-empty page), and no forced page break.
      unbreakable: [...document.querySelectorAll('#checklist *')]
        .filter((e) => {
          const s = getComputedStyle(e);
          return ['page', 'always'].includes(s.breakBefore) || ['page', 'always'].includes(s.breakAfter) ||
            (s.breakInside === 'avoid' && e.getBoundingClientRect().height > 560);
        })
        .map((e) => `${e.tagName}.${e.className}`),
    };
  });
  eq(seen.buttons, 0, 'no buttons printed');
  eq(seen.picker, false, 'no picker printed');
  eq(seen.inputs, 0, 'the checkboxes themselves are not printed');
  eq(seen.marks.length, seen.docs, 'a mark per document');
  eq(seen.marks[0][0], true, 'the first document ticked');
  const wrong = seen.marks.filter(([on, mark]) => !mark.includes(on ? '☑' : '☐'));
  eq(wrong, [], 'ticked documents print ☑, the others ☐');
  assert(seen.marks.some(([on]) => !on), 'some documents left unticked (☐)');
  eq(seen.guides, 3, 'the guides printed');
  eq(seen.unbreakable, [], 'no forced break, no tall block kept whole');
  await page.pdf({ path: join(shotDir, 'checklist-print.pdf'), format: 'A4' });
  await page.screenshot({ path: join(shotDir, 'checklist-print.png'), fullPage: true });
  await context.close();
});

/** Answers saved on the phone by a returning entrepreneur who said they are neither disabled nor a
 * veteran, with one document ticked (the storage formats of app/src/session.rs and checklist.rs). */
async function seeded(page) {
  const facts = {
    version: 1, audience: 'person', 'poverty-status': 'alleviated', 'hukou-chongqing': true,
    'hukou-district': 'wanzhou', age: 38, activity: 'own-business', 'business-kind': 'individual',
    'first-business': true, 'business-since': '2023-06-01', 'business-employees': 3,
    'unemployed-before-start': true, 'startup-subsidy-received': false, 'work-place': 'own-district',
    'bad-credit': false, 'other-loans': false, 'loan-amount': '300000', 'loan-term-years': 3,
    disabled: false, 'family-disabled': false, veteran: false,
  };
  const saved = {
    v: 1, facts, skipped: [], history: Object.keys(facts).filter((k) => k !== 'version'), step: 'results',
  };
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('cq-jiuye-bangfu.person.v1', text);
      localStorage.setItem('cq-jiuye-bangfu.checklist.v1', '{"version":1,"ticked":["id-card"]}');
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(saved));
}

test('only the documents that concern the person; reopened, the checklist opens where it was left', async () => {
  for (const start of ['org.html', '']) {
    const { context, page } = await newPage();
    await seeded(page);
    // A bookmark or the browser's history: straight to the checklist, no 继续上次 to tap.
    await page.goto(`${origin}/${start}?as-of=${persona.asOf}#/person/checklist`, { waitUntil: 'load' });
    await page.locator('#checklist-title').waitFor({ timeout: 15000 });
    eq(await page.locator('#resume').count(), 0, `${start || 'index.html'}: no 继续上次 prompt`);
    const names = (await docNames(page)).join('、');
    assert(names.includes('居民身份证'), `documents listed: ${names}`);
    assert(!names.includes('残疾人证'), `no 残疾人证 for a person who is not disabled: ${names}`);
    assert(!names.includes('退伍证'), `no 退伍证 for a non-veteran: ${names}`);
    eq(await page.isChecked('input[data-doc="id-card"]'), true, 'the tick kept');
    const text = await page.locator('#checklist').innerText();
    assert(!text.includes('用于证明') && !text.includes('经办部门'), 'plain words');
    await context.close();
  }
});

test('axe-core: no serious or critical violation on the checklist', async () => {
  const { context, page } = await toChecklist();
  await page.locator('#copy-checklist').tap();
  await page.locator('.copied, #copy-text').first().waitFor({ timeout: 5000 });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  for (const v of result.violations) console.log(`    axe: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  eq(bad.map((v) => v.id), [], 'serious/critical axe violations');
  await context.close();
});

test('organisation results: 准备申请材料 for a workshop (employer estimator)', async () => {
  const { context, page } = await newPage();
  // A person's ticks on the same phone stay the person's.
  await page.addInitScript(() =>
    localStorage.setItem('cq-jiuye-bangfu.checklist.v1', '{"version":1,"ticked":["labour-contract"]}'),
  );
  const saved = {
    v: 1,
    facts: {
      version: 1, audience: 'employer', 'org-kind': 'workshop', 'org-district': 'wuxi',
      'workshop-recognised': true, 'workshop-new': false, 'workshop-grade': 'excellent', 'workshop-retained': 45,
    },
    skipped: [],
    history: ['org-kind', 'org-district', 'workshop-recognised', 'workshop-new', 'workshop-grade', 'workshop-retained'],
  };
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('cq-jiuye-bangfu.org-employer.v1', text);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(saved));
  await page.goto(`${origin}/?as-of=2024-05-01#/employer/results`, { waitUntil: 'load' });
  await page.locator('#org-results-title').waitFor({ timeout: 15000 });
  await page.locator('#to-checklist').tap();
  await page.locator('#checklist-title').waitFor({ timeout: 10000 });
  eq(new URL(page.url()).hash, '#/employer/checklist', 'organisation checklist URL');
  const picked = await page.$$eval('input[data-pick]:checked', (l) => l.map((i) => i.dataset.pick));
  assert(picked.includes('workshop-employment-award'), `the award preselected: ${picked}`);
  // rules-core lists no documents for the award: the user is sent to the district, nothing invented.
  assert((await page.locator('#docs').innerText()).includes('请向区县人力社保部门咨询'), 'no documents: ask the district');
  await page.locator('label:has(input[data-pick="hiring-subsidy"])').tap();
  await page.locator('input[data-doc="labour-contract"]').waitFor({ timeout: 5000 });
  eq(await page.locator('#docs-none').count(), 0, 'documents listed once a benefit with documents is picked');
  eq(await page.isChecked('input[data-doc="labour-contract"]'), false, "the person's tick is not the organisation's");
  await page.locator('label:has(input[data-doc="labour-contract"])').tap();
  const orgSaved = await page.evaluate(() => localStorage.getItem('cq-jiuye-bangfu.checklist.employer.v1'));
  assert(orgSaved.includes('labour-contract') && orgSaved.includes('hiring-subsidy'), `organisation checklist saved: ${orgSaved}`);
  eq(await page.locator('.guide').count(), picked.length + 1, 'a guide per benefit picked');
  eq(await page.getAttribute('#checklist-to-results', 'href'), '#/employer/results', 'back to the estimate');
  await page.screenshot({ path: join(shotDir, 'checklist-employer-360.png'), fullPage: true });
  await context.close();
});

await runSuite(browser, tests, log, origin);
