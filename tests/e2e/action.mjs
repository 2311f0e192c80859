// End-to-end tests of issue 17 on the release build, in headless Chromium at 360×740: results that lead
// with what to do, dates as people write them, Back and Forward through the questions, a shared link
// that asks before replacing the phone's own answers, 朗读, and folded groups.
//
//   node tests/e2e/action.mjs http://127.0.0.1:PORT/ target/e2e

import { launchChromium, newPage as openPage, runSuite, suiteArgs, assert, eq } from './lib/chromium.mjs';
import { join } from 'node:path';
import { JOURNEYS, PERSONAS } from './lib/expectations.mjs';
import { answerAll, evaluate } from './lib/flows.mjs';

const { shotDir, origin } = suiteArgs('action.mjs');
const browser = await launchChromium();
const log = { requests: [], problems: [] };
const newPage = () => openPage(browser, log);

async function open(page, asOf, hash = '#/') {
  await page.goto(`${origin}/?as-of=${asOf}${hash}`, { waitUntil: 'load' });
  await page.locator('h1').waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForFunction(() => !document.getElementById('loading'));
}

const question = (page) => page.getAttribute('[data-question]', 'data-question');

/** Waits until the question on screen is no longer `previous` (or the results appear). */
async function nextAfter(page, previous) {
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-question]');
      return document.getElementById('results-title') || (el && el.getAttribute('data-question') !== prev);
    },
    previous,
    { timeout: 10000 },
  );
}

/** Answers from `answers` until the question `stop` is on screen. */
async function answerUntil(page, answers, stop) {
  for (let i = 0; i < 40; i++) {
    await page.locator('[data-question]').waitFor({ timeout: 10000 });
    const q = await question(page);
    if (q === stop) return;
    const kind = await page.getAttribute('[data-question]', 'data-kind');
    const answer = answers[q];
    if (answer === undefined) await page.locator('#q-unknown').tap();
    else if (kind === 'YesNo') await page.locator(`button[data-answer=${answer ? 'yes' : 'no'}]`).tap();
    else if (kind === 'Choice') await page.locator(`button[data-answer="${answer}"]`).tap();
    else {
      await page.fill('#q-input', String(answer));
      await page.locator('#q-confirm').tap();
    }
    await nextAfter(page, q);
  }
  throw new Error(`question ${stop} never came`);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });


for (const journey of JOURNEYS) {
  test(`journey ${journey.name}: the first screen of results says what to do`, async () => {
    const { context, page } = await newPage();
    await open(page, journey.asOf, '#/person/q');
    const { seen } = await answerAll(page, journey);
    console.log(`    ${journey.name}: ${seen.length} questions: ${seen.join(', ')}`);
    assert(seen.length <= journey.maxQuestions, `${journey.name}: at most ${journey.maxQuestions} questions (${seen.length})`);
    for (const q of journey.neverAsked) {
      assert(!seen.some((s) => s.startsWith(`${q}=`)), `${journey.name}: never asked ${q}`);
    }
    await page.locator('#do-now').waitFor();
    const box = await page.locator('#do-now').boundingBox();
    // It starts in the upper half of the first screen (nothing long above it).
    assert(box && box.y < 370, `what to do starts at the top of the first screen (y=${box && box.y})`);
    eq(await page.locator('#notice-ended').count(), 0, 'no long banner above the results (each card says its standing)');
    const text = await page.locator('#do-now').innerText();
    assert(text.includes('您现在可以做什么'), text);
    // What the top names is exactly what rules-core says can be claimed on the saved answers.
    const saved = await page.evaluate(() => localStorage.getItem('cq-jiuye-bangfu.person.v1'));
    const report = evaluate(JSON.parse(saved).facts, journey.asOf);
    const eligible = report.benefits.filter((b) => b.status === 'eligible').map((b) => b.id).sort();
    const named = await page.locator('#do-now li[data-benefit]').evaluateAll((els) => els.map((e) => e.dataset.benefit).sort());
    eq(named, eligible, `${journey.name}: the top names what can be claimed`);
    console.log(`    ${journey.name}: can apply now: ${eligible.join(', ') || 'nothing yet'}`);
    if (eligible.length === 0) assert(text.includes('还没有确定'), `nothing to apply for is said: ${text}`);
    eq(await page.locator('#top-call').getAttribute('href'), 'tel:12333', '拨打 12333 is tap-to-call');
    // 准备申请材料 where there is something to list: what can be claimed, or leads (rules-core's).
    const leads = report.leads.filter((l) => l.lead === 'would-qualify');
    eq(await page.locator('#top-checklist').isVisible(), eligible.length + leads.length > 0, '准备申请材料 at the top when there is a list');
    assert(await page.locator('#top-print').isVisible(), '打印 at the top');
    // 暂不符合 and the ended or unconfirmed groups start folded; opened, each card gives its reason.
    for (const id of ['not-eligible', 'continuation-unknown', 'policy-ended']) {
      const group = page.locator(`#group-${id} details.group-fold`);
      if (await group.count()) eq(await group.evaluate((d) => d.open), false, `${id} folded`);
    }
    const notEligible = page.locator('#group-not-eligible details.group-fold');
    if (await notEligible.count()) {
      await notEligible.locator(':scope > summary').tap();
      assert(await notEligible.locator('.not-met .reason').first().isVisible(), 'reason shown when opened');
    }
    await page.screenshot({ path: join(shotDir, `journey-${journey.name}-360.png`) });
    await context.close();
  });
}

test('dates as people write them are accepted; Back and Forward walk the questions', async () => {
  const persona = PERSONAS.find((p) => p.name === 'shandong-worker');
  const { context, page } = await newPage();
  await open(page, persona.asOf, '#/person/q');
  await answerUntil(page, persona.answers, 'work-since');
  const step = Number(new URL(page.url()).hash.split('/').pop());
  assert(step > 1, `the step is in the address, not the question: ${page.url()}`);
  const forms = ['2025年1月10日', '2025/1/10', '20250110', '2025-01', '2025年一月十日', '２０２５年１月１０日'];
  for (const form of forms) {
    await page.fill('#q-input', form);
    await page.locator('#q-confirm').tap();
    await nextAfter(page, 'work-since');
    const after = await question(page);
    assert(after !== 'work-since', `${form} accepted`);
    // The new question's history entry (the address names the next step) before the phone's Back.
    await page.waitForFunction((n) => location.hash === `#/person/q/${n + 1}`, step);
    // The phone's Back: the question before, with its answer kept.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[data-question]')?.getAttribute('data-question') === 'work-since');
    const shown = await page.inputValue('#q-input');
    assert(/^2025年1月(1|10)日$/.test(shown), `${form}: kept as ${shown}`);
    // Forward returns to the question after it.
    await page.goForward();
    await page.waitForFunction((q) => document.querySelector('[data-question]')?.getAttribute('data-question') === q, after);
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[data-question]')?.getAttribute('data-question') === 'work-since');
  }
  // A date without its year gets a plain message, and the question stays.
  await page.fill('#q-input', '8月1日');
  await page.locator('#q-confirm').tap();
  await page.waitForFunction(() => document.getElementById('q-error')?.textContent.includes('年'));
  eq(await question(page), 'work-since', 'refused date keeps the question');
  // The calendar picker fills the box in the app's own wording.
  await page.fill('#q-date-picker', '2025-02-03');
  eq(await page.inputValue('#q-input'), '2025年2月3日', 'picked date written as people read it');
  // Back from the first question leaves the questionnaire; nothing is lost.
  await context.close();
});

test('a shared link asks before replacing the phone\'s own answers, and 撤销 brings them back', async () => {
  const persona = PERSONAS.find((p) => p.name === 'shandong-worker');
  const { context, page } = await newPage();
  // Someone else's answers, shared with 包含我的回答.
  await open(page, persona.asOf, '#/person/q');
  await answerAll(page, persona);
  await page.locator('#to-share').tap();
  await page.locator('#share-link').waitFor({ timeout: 15000 });
  await page.locator('#share-answers').check();
  const link = await page.locator('#share-link').inputValue();
  assert(link.includes('answers='), `a shared link: ${link}`);
  await context.close();

  const mine = await newPage();
  await open(mine.page, '2025-06-20', '#/person/q');
  await mine.page.locator('[data-question="poverty-status"]').waitFor();
  await mine.page.locator('button[data-answer="monitored"]').tap();
  await nextAfter(mine.page, 'poverty-status');
  // Opened as a link is opened (a new load, not a change of fragment on the open page).
  await mine.page.goto('about:blank');
  await mine.page.goto(link, { waitUntil: 'load' });
  await mine.page.locator('#shared-open').waitFor({ timeout: 15000 });
  assert(await mine.page.locator('#shared-keep').isVisible(), 'keep mine offered');
  await mine.page.locator('#shared-open').tap();
  await mine.page.locator('#results-title').waitFor();
  await mine.page.locator('#undo-shared button').tap();
  await mine.page.waitForFunction(() => document.querySelector('#app-notice')?.textContent.includes('换回'));
  const given = await mine.page.locator('#answers-given').innerText();
  assert(given.includes('监测对象'), `my own answer is back: ${given}`);
  await mine.context.close();
});

test('朗读 reads the question with a Chinese voice, and is hidden without one', async () => {
  const { context, page } = await newPage();
  await open(page, '2025-06-20', '#/person/q');
  await page.locator('[data-question]').waitFor();
  // Headless Chromium has no voices: the button stays hidden.
  eq(await page.locator('.speak').first().isVisible(), false, 'hidden without a Chinese voice');
  await context.close();

  const voiced = await newPage();
  await voiced.page.addInitScript(() => {
    window.__spoken = [];
    const voice = { lang: 'zh-CN', name: 'test', default: true, localService: true, voiceURI: 'test' };
    const synth = {
      speaking: false,
      getVoices: () => [voice],
      speak: (u) => window.__spoken.push({ text: u.text, lang: u.lang }),
      cancel: () => {},
      addEventListener: () => {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth });
    window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  });
  await open(voiced.page, '2025-06-20', '#/person/q');
  await voiced.page.locator('[data-question]').waitFor();
  await voiced.page.locator('.speak').first().tap();
  const spoken = await voiced.page.evaluate(() => window.__spoken);
  eq(spoken.length, 1, 'one utterance');
  const title = await voiced.page.locator('#q-title').innerText();
  assert(spoken[0].text.includes(title) && spoken[0].lang === 'zh-CN', `reads the question: ${spoken[0].text}`);
  await voiced.context.close();
});

await runSuite(browser, tests, log, origin);
