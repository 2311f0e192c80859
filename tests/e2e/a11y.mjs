// Accessibility and privacy of the release build, in headless Chromium at 360×740.
//
//   node tests/e2e/a11y.mjs http://127.0.0.1:PORT/ target/e2e
//
// 1. Keyboard only: a 低保 graduate who also lost a job (a persona of lib/expectations.mjs with
//    three more answers) goes from the landing page through the whole questionnaire to the results
//    and the checklist, and ticks a document, with page.keyboard alone (Tab, Shift+Tab, Enter,
//    Space, arrow keys in the district list, typing). Every stop of the focus must be a visible,
//    unobscured element with a focus ring, and each new question must take the focus.
// 2. axe-core (serious and critical fail) and no sideways scroll on every screen, in normal mode and
//    in 大字模式: landing (none, 个人, 企业, settings open), the questionnaire (the first question of
//    each kind: choice, yes/no, number, date, district; a refused number), resume prompt, results,
//    checklist, a card's conditions opened, the organisation estimator (question, roster, results),
//    the staff page, and the static policy.html with a search typed.
// 3. Privacy: no answer ever appears in a URL (address bar after every step, history entries,
//    requests, the service worker's cache); answers are kept in localStorage only (no
//    sessionStorage, cookie or IndexedDB).
//
// Every request must stay on 127.0.0.1, with no console error or CSP violation. Closes with
// `e2e result: N passed; M failed`.

import { launchChromium, newPage as openPage, runSuite, suiteArgs, assert, eq } from './lib/chromium.mjs';
import axeCore from 'axe-core';
import { join } from 'node:path';
import { PERSONAS } from './lib/expectations.mjs';

const { shotDir, origin } = suiteArgs('a11y.mjs');

const browser = await launchChromium();
const log = { requests: [], problems: [] };
const newPage = () => openPage(browser, log);

const PERSON_KEY = 'cq-jiuye-bangfu.person.v1';
const TICKS_KEY = 'cq-jiuye-bangfu.checklist.v1';
const PREFS_KEY = 'cq-jiuye-bangfu.prefs.v1';

// The 低保 graduate of lib/expectations.mjs who has also lost a job through no fault of their own,
// with a year of unemployment insurance and a 城口 hukou: the questionnaire then asks every kind of
// question a person meets (choice, yes/no, number, date and the district list), and the results
// have benefits 可以申请, so the checklist has documents.
const graduate = PERSONAS.find((p) => p.name === 'dibao-graduate');
const persona = {
  ...graduate,
  name: 'dibao-graduate-laid-off',
  answers: {
    ...graduate.answers,
    'involuntary-unemployment': true, 'ui-years': '1', 'hukou-district': 'chengkou', 'insured-district': 'chengkou',
  },
  eligible: [...graduate.eligible, 'unemployment-insurance-benefit'],
};
const home = (hash = '#/') => `${origin}/?as-of=${persona.asOf}${hash}`;

/// Loads `url` as a new document (a goto that only changes the fragment would not reload), then
/// waits for `ready` (a selector), by default the app's page without its loading note.
async function load(page, url, ready = 'main#main') {
  if (page.url().split('#')[0] === url.split('#')[0]) await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 15000 });
  await page.locator('#loading').waitFor({ state: 'detached', timeout: 15000 });
}

/// Waits until the questionnaire shows another question than `prev`, or the results.
async function nextScreen(page, prev) {
  await page.waitForFunction(
    (prev) => {
      const el = document.querySelector('[data-question]');
      return document.getElementById('results-title') || (el && el.dataset.question !== prev);
    },
    prev,
    { timeout: 10000 },
  );
}

const currentQuestion = (page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-question]');
    if (document.getElementById('results-title')) return null;
    return el ? { q: el.dataset.question, kind: el.dataset.kind } : undefined;
  });

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// ---------------------------------------------------------------------------------------------
// 1. Keyboard only
// ---------------------------------------------------------------------------------------------

/// Where the focus is and how it looks: visible, in the viewport, not covered by another element
/// (a sticky bar), and its ring (outline or box-shadow, from :focus-visible).
function focusState(page, selector = null) {
  return page.evaluate((selector) => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { none: true };
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    const describe = (e) =>
      e ? `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : ''}` : 'nothing';
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + Math.min(r.height, 40) / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    const attr = el.dataset.answer || el.dataset.doc || el.dataset.pick || el.getAttribute('href') || '';
    return {
      what: `${describe(el)}${attr ? `[${attr}]` : ''} “${(el.textContent || el.value || '').trim().slice(0, 16)}”`,
      id: el.id,
      matches: selector ? el.matches(selector) : false,
      visible: r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && Number(cs.opacity) > 0,
      inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
      covered: hit && !(el.contains(hit) || hit.contains(el)) ? describe(hit) : null,
      focusVisible: el.matches(':focus-visible'),
      ring:
        (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 ? `outline ${cs.outlineWidth} ${cs.outlineStyle}` : '') ||
        (cs.boxShadow && cs.boxShadow !== 'none' ? `box-shadow ${cs.boxShadow}` : ''),
    };
  }, selector);
}

/// A control reached by the keyboard: visible, in view, not covered, with a focus ring.
function assertFocusRing(st, step) {
  assert(!st.none, `${step}: the focus was lost (document.activeElement is <body>)`);
  assert(st.visible, `${step}: focused ${st.what} is not visible`);
  assert(st.inView, `${step}: focused ${st.what} is outside the viewport`);
  assert(!st.covered, `${step}: focused ${st.what} is covered by ${st.covered}`);
  assert(st.focusVisible && st.ring, `${step}: focused ${st.what} shows no focus ring (:focus-visible ${st.focusVisible}, ring '${st.ring}')`);
}

/// A heading the app moved the focus to: it must be that heading, visible and in view.
async function assertFocusMovedTo(page, id, step) {
  try {
    await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 3000 });
  } catch {
    const st = await focusState(page);
    throw new Error(`${step}: focus should move to #${id}, it is on ${st.none ? '<body>' : st.what}`);
  }
  const st = await focusState(page);
  assert(st.visible && st.inView, `${step}: focused #${id} is not visible in the viewport`);
  assert(!st.covered, `${step}: focused #${id} is covered by ${st.covered}`);
}

/// Presses `key` (Tab or Shift+Tab) until the focus is on `selector`, checking every stop.
async function tabTo(page, selector, step, { key = 'Tab', max = 80 } = {}) {
  const path = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const st = await focusState(page, selector);
    path.push(st.none ? '<body>' : st.what);
    assertFocusRing(st, `${step} (${key} ${i + 1})`);
    if (st.matches) return i + 1;
  }
  throw new Error(`${step}: ${max} × ${key} never reached ${selector}; last stops: ${path.slice(-8).join(' → ')}`);
}

test('keyboard only at 360 px: landing → every question → results → checklist, one document ticked with Space', async () => {
  const { context, page } = await newPage();
  await load(page, home('#/'));
  let keys = 0;

  // Landing: Tab to 个人, Space chooses it; the focus moves to the benefit panel's heading.
  keys += await tabTo(page, '#choice-person', 'landing');
  await page.keyboard.press('Space');
  keys++;
  await assertFocusMovedTo(page, 'benefits-heading', 'after choosing 个人');
  eq(await page.getAttribute('#choice-person', 'aria-pressed'), 'true', '个人 pressed by Space');
  // Shift+Tab goes back up to the chosen audience, Tab forward again to 开始自助测评 (a link: Enter).
  keys += await tabTo(page, '#choice-person', 'back to the choice', { key: 'Shift+Tab', max: 6 });
  keys += await tabTo(page, '#start-person', 'landing panel');
  await page.keyboard.press('Enter');
  keys++;
  await page.locator('[data-question]').waitFor({ timeout: 10000 });
  await assertFocusMovedTo(page, 'q-title', 'first question');

  // Every question: the persona's answer, or 不清楚; the next question takes the focus.
  const seen = [];
  let shot = false;
  let refused = false;
  for (let i = 0; i < 60; i++) {
    const cur = await currentQuestion(page);
    if (cur === null) break;
    assert(cur, 'neither a question nor the results');
    const { q, kind } = cur;
    const answer = persona.answers[q];
    const step = `question ${i + 1} (${q}, ${kind})`;
    seen.push(answer === undefined ? `${q}=?` : `${q}=${answer}`);
    if (answer === undefined) {
      keys += await tabTo(page, '#q-unknown', step);
      await page.keyboard.press(i % 2 ? 'Enter' : 'Space');
      keys++;
    } else if (kind === 'YesNo' || kind === 'Choice') {
      const value = kind === 'YesNo' ? (answer ? 'yes' : 'no') : answer;
      keys += await tabTo(page, `button[data-answer="${value}"]`, step);
      if (!shot) {
        await page.screenshot({ path: join(shotDir, 'a11y-keyboard-question-360.png') });
        shot = true;
      }
      await page.keyboard.press(i % 2 ? 'Space' : 'Enter');
      keys++;
    } else if (kind === 'District') {
      // A closed <select>: the arrow keys change the choice without opening the list.
      keys += await tabTo(page, '#q-input', step);
      for (let n = 0; n < 80 && (await page.inputValue('#q-input')) !== answer; n++) {
        await page.keyboard.press('ArrowDown');
        keys++;
        assert((await page.evaluate(() => document.activeElement?.id)) === 'q-input', `${step}: ArrowDown moved the focus`);
      }
      eq(await page.inputValue('#q-input'), answer, `${step}: district chosen with ArrowDown`);
      keys += await tabTo(page, '#q-confirm', step);
      await page.keyboard.press('Enter');
      keys++;
    } else {
      // A number, amount or date: typed, then Enter submits the form (implicit submission).
      keys += await tabTo(page, '#q-input', step);
      if (!refused) {
        // A wrong value first: the message is shown and the focus stays in the box to correct it.
        await page.keyboard.type('abc');
        await page.keyboard.press('Enter');
        await page.locator('#q-error:not(:empty)').waitFor({ timeout: 5000 });
        await assertFocusMovedTo(page, 'q-input', `${step}, refused`);
        eq(await page.getAttribute('#q-input', 'aria-invalid'), 'true', `${step}: aria-invalid after a refused value`);
        assertFocusRing(await focusState(page), `${step}, refused`);
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
        keys += 6;
        refused = true;
      }
      await page.keyboard.type(String(answer));
      await page.keyboard.press('Enter');
      keys += String(answer).length + 1;
    }
    await nextScreen(page, q).catch(async (err) => {
      const error = await page.locator('#q-error').innerText().catch(() => '');
      throw new Error(`${step}: the keyboard answer was not taken${error ? ` (${error})` : ''}: ${err.message}`);
    });
    if (await page.locator('#results-title').count()) break;
    await assertFocusMovedTo(page, 'q-title', `after answering ${q}`);
  }
  console.log(`    ${seen.length} questions by keyboard: ${seen.join(', ')}`);

  // Results: the heading has the focus; the persona's 可以申请 benefits; Tab to 准备申请材料.
  await page.locator('#results-title').waitFor({ timeout: 10000 });
  await assertFocusMovedTo(page, 'results-title', 'results');
  eq(new URL(page.url()).hash, '#/person/results', 'results reached by keyboard');
  for (const id of persona.eligible) {
    eq(await page.locator(`#group-eligible .card[data-benefit="${id}"]`).count(), 1, `${id} under 可以申请`);
  }
  keys += await tabTo(page, '#to-checklist', 'results', { max: 250 });
  await page.keyboard.press('Enter');
  keys++;

  // Checklist: Tab to the first document, Space ticks it; Shift+Tab returns to the benefit picker.
  await page.locator('#checklist-title').waitFor({ timeout: 10000 });
  await assertFocusMovedTo(page, 'checklist-title', 'checklist');
  keys += await tabTo(page, 'input[data-doc]', 'checklist');
  const doc = await page.evaluate(() => document.activeElement.dataset.doc);
  const total = await page.locator('input[data-doc]').count();
  await page.keyboard.press('Space');
  keys++;
  eq(await page.evaluate(() => document.activeElement.checked), true, `${doc} ticked by Space`);
  eq((await page.locator('#checklist-progress').innerText()).trim(), `已备齐 1/${total}`, 'progress after the tick');
  assertFocusRing(await focusState(page), 'the ticked checkbox keeps the focus');
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), TICKS_KEY));
  eq(saved.ticked, [doc], 'the tick is saved');
  await page.screenshot({ path: join(shotDir, 'a11y-keyboard-checklist-360.png') });
  await page.keyboard.press('Shift+Tab');
  keys++;
  const back = await focusState(page, 'input[data-pick]');
  assertFocusRing(back, 'Shift+Tab from the first document');
  assert(back.matches, `Shift+Tab from the first document lands on a benefit checkbox, not ${back.what}`);
  const last = await page.evaluate(() => {
    const picks = document.querySelectorAll('input[data-pick]');
    return document.activeElement === picks[picks.length - 1];
  });
  assert(last, 'Shift+Tab goes to the last benefit checkbox (reading order)');
  console.log(`    ${keys} key presses from the landing page to a ticked document`);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// 2. axe-core on every screen, normal and 大字模式
// ---------------------------------------------------------------------------------------------

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/// Runs axe-core in the page and returns the violations. AxeBuilder (the other suites) runs axe's
/// frame-by-frame mode and finishes in a second blank page, 1-2 s a scan; this single-frame app
/// needs only axe.run in the page (same axe-core, same rules), which keeps 30-odd scans affordable.
async function axeViolations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeCore.source);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return result.violations;
}

/// Scans the page and checks it does not scroll sideways at 360 px (reflow, WCAG 1.4.10); returns
/// the serious and critical violations with their screen and elements, and prints every violation.
async function scan(page, screen) {
  const bad = [];
  for (const v of await axeViolations(page)) {
    const where = v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ');
    console.log(`    axe ${screen}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length}: ${where})`);
    if (v.impact === 'serious' || v.impact === 'critical') bad.push(`${screen}: ${v.id} (${v.impact}) at ${where}`);
  }
  const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
  if (m.scroll > m.width) bad.push(`${screen}: scrolls sideways (${m.scroll} > ${m.width} px)`);
  return bad;
}

/// Clicks through the persona's questionnaire to the results, scanning the first question of each
/// kind and a refused number.
async function questionnaire(page, check) {
  const kinds = new Set();
  let refused = false;
  for (let i = 0; i < 60; i++) {
    const cur = await currentQuestion(page);
    if (cur === null) return;
    const { q, kind } = cur;
    const answer = persona.answers[q];
    if (!kinds.has(kind)) {
      kinds.add(kind);
      await check(`question ${kind} (${q})`);
    }
    if (answer === undefined) await page.locator('#q-unknown').click();
    else if (kind === 'YesNo') await page.locator(`button[data-answer=${answer ? 'yes' : 'no'}]`).click();
    else if (kind === 'Choice') await page.locator(`button[data-answer="${answer}"]`).click();
    else {
      if (kind === 'District') await page.selectOption('#q-input', answer);
      else {
        if (kind === 'Count' && !refused) {
          // The error state: rules-core's message, aria-invalid, role=alert.
          await page.fill('#q-input', '一百岁');
          await page.locator('#q-confirm').click();
          await page.locator('#q-error:not(:empty)').waitFor({ timeout: 5000 });
          await check(`question ${kind} refused (${q})`);
          refused = true;
        }
        await page.fill('#q-input', String(answer));
      }
      await page.locator('#q-confirm').click();
    }
    await nextScreen(page, q);
  }
  throw new Error('no results after 60 questions');
}

for (const large of [false, true]) {
  const mode = large ? '大字模式' : 'normal mode';
  test(`axe-core in ${mode}: no serious or critical violation on any screen`, async () => {
    const { context, page } = await newPage();
    const bad = [];
    const screens = [];
    const check = async (screen) => {
      const on = await page.evaluate(() => document.documentElement.classList.contains('large-text'));
      eq(on, large, `${screen}: 大字模式 ${large ? 'on' : 'off'}`);
      screens.push(screen);
      bad.push(...(await scan(page, `${mode} · ${screen}`)));
    };

    await load(page, home('#/'));
    // 大字模式 as a user turns it on: the settings panel's toggle (kept on the phone afterwards).
    await page.locator('#settings summary').click();
    if (large) {
      await page.locator('#large-text').click();
      await page.waitForFunction(() => document.documentElement.classList.contains('large-text'));
      eq(await page.evaluate((k) => localStorage.getItem(k), PREFS_KEY), 'large-text', '大字模式 saved');
    }
    await check('landing with the settings open');
    await page.locator('#settings summary').click();
    await check('landing');
    await load(page, home('#/person'));
    await check('landing · 个人');
    await load(page, home('#/employer'));
    await check('landing · 企业');
    await load(page, home('#/person/q'));
    await page.locator('[data-question]').waitFor({ timeout: 10000 });
    await questionnaire(page, check);
    await page.locator('#results-title').waitFor({ timeout: 10000 });
    await check('results');
    await page.locator('.card .conditions-more summary').first().click();
    await check('results, one card\u2019s conditions open');
    if (large) await page.screenshot({ path: join(shotDir, 'a11y-large-results-360.png') });
    await page.locator('#to-checklist').click();
    await page.locator('#checklist-title').waitFor({ timeout: 10000 });
    await page.locator('input[data-doc]').first().check();
    await check('checklist');
    // Saved answers on a new visit: 继续上次 / 重新开始.
    await load(page, home('#/person/results'));
    await page.locator('#resume-title').waitFor({ timeout: 10000 });
    await check('resume prompt');

    // The organisation estimator last (its own page, org.html, in newer builds; index.html sends
    // #/employer/estimate there).
    await load(page, home('#/employer/estimate'), '[data-question="org-kind"]');
    await check('organisation question');
    await page.locator('button[data-answer="enterprise"]').click();
    await page.locator('[data-question="org-district"]').waitFor({ timeout: 10000 });
    await page.selectOption('#q-input', 'wanzhou');
    await page.locator('#q-confirm').click();
    await page.locator('[data-question="roster"]').waitFor({ timeout: 10000 });
    const row = await page.locator('fieldset.roster-row').first().getAttribute('data-row');
    await page.fill(`#roster-${row}-count`, '4');
    await page.fill(`#roster-${row}-insured`, 'x');
    await page.locator(`#roster-${row}-insured-error:not(:empty)`).waitFor({ timeout: 5000 });
    await check('organisation roster (a refused number)');
    await page.fill(`#roster-${row}-insured`, '14');
    await page.locator('#q-confirm').click();
    for (let i = 0; i < 30 && !(await page.locator('#org-results-title').count()); i++) {
      const q = await page.locator('[data-question]').getAttribute('data-question', { timeout: 5000 }).catch(() => null);
      if (!q) continue;
      await page.locator('#q-unknown').click();
      await page.waitForFunction(
        (q) => document.getElementById('org-results-title') || document.querySelector('[data-question]')?.dataset.question !== q,
        q,
        { timeout: 5000 },
      );
    }
    await page.locator('#org-results-title').waitFor({ timeout: 10000 });
    await check('organisation results');

    // The staff page (staff.html, in builds from the staff-page commit on) keeps 大字模式 too.
    if ((await page.request.get(`${origin}/staff.html`)).ok()) {
      await load(page, `${origin}/staff.html?as-of=${persona.asOf}`);
      await check('staff page');
    } else console.log('    staff.html: not in this build');
    // The list screening (list.html, its own page since issue 31) too.
    if ((await page.request.get(`${origin}/list.html`)).ok()) {
      await load(page, `${origin}/list.html?as-of=${persona.asOf}`);
      await check('list screening');
    } else console.log('    list.html: not in this build');

    // The static page has no 大字模式 of its own: scanned once, in normal mode, with a search typed.
    if (!large) {
      await page.goto(`${origin}/policy.html`, { waitUntil: 'load' });
      await page.fill('#policy-search', '创业');
      screens.push('policy.html');
      bad.push(...(await scan(page, `${mode} · policy.html`)));
    }

    console.log(`    ${screens.length} screens scanned in ${mode}`);
    eq(bad, [], `serious/critical axe violations in ${mode}`);
    await context.close();
  });
}

// ---------------------------------------------------------------------------------------------
// 3. Privacy: answers on the phone only
// ---------------------------------------------------------------------------------------------

test('privacy: no answer ever in a URL or request; answers in localStorage only', async () => {
  const { context, page } = await newPage();
  // Everything that could carry an answer off the page: requests (the service worker's too), the
  // address after every navigation, and each history entry the app creates.
  const seenRequests = [];
  context.on('request', (r) => seenRequests.push(r.url()));
  const addresses = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) addresses.push(frame.url());
  });
  await page.addInitScript(() => {
    window.__addresses = [location.href];
    const note = () => window.__addresses.push(location.href);
    addEventListener('hashchange', note);
    addEventListener('popstate', note);
    for (const name of ['pushState', 'replaceState']) {
      const original = history[name];
      history[name] = function (...args) {
        const r = original.apply(this, args);
        note();
        return r;
      };
    }
  });
  const poll = async () => {
    addresses.push(page.url());
    addresses.push(await page.evaluate(() => location.href));
  };

  await load(page, home('#/'));
  await page.locator('#choice-person').tap();
  await poll();
  await page.locator('#start-person').tap();
  await page.locator('[data-question]').waitFor({ timeout: 10000 });
  await poll();
  const answered = [];
  for (let i = 0; i < 60; i++) {
    const cur = await currentQuestion(page);
    if (cur === null) break;
    const { q, kind } = cur;
    const answer = persona.answers[q];
    if (answer !== undefined) answered.push(q);
    if (answer === undefined) await page.locator('#q-unknown').tap();
    else if (kind === 'YesNo') await page.locator(`button[data-answer=${answer ? 'yes' : 'no'}]`).tap();
    else if (kind === 'Choice') await page.locator(`button[data-answer="${answer}"]`).tap();
    else {
      if (kind === 'District') await page.selectOption('#q-input', answer);
      else await page.fill('#q-input', String(answer));
      await poll(); // typed but not yet confirmed
      await page.locator('#q-confirm').tap();
    }
    await nextScreen(page, q);
    await poll();
  }
  await page.locator('#results-title').waitFor({ timeout: 10000 });
  await poll();
  await page.locator('#to-checklist').tap();
  await page.locator('#checklist-title').waitFor({ timeout: 10000 });
  await page.locator('input[data-doc]').first().check();
  await poll();
  const inPage = await page.evaluate(() => window.__addresses);
  // History: walk back through every entry the visit created.
  const entries = await page.evaluate(() => history.length);
  const walked = [page.url()];
  for (let i = 1; i < entries && new URL(page.url()).origin === origin; i++) {
    const before = page.url();
    await page.goBack({ waitUntil: 'commit' }).catch(() => null);
    await page.waitForFunction((before) => location.href !== before, before, { timeout: 2000 }).catch(() => {});
    walked.push(page.url());
  }
  // index.html hands the checklist over to org.html: wait for that page, not index.html's own
  // heading, before reading the phone's storage (the hand-over would destroy the context).
  await page.goto(home('#/person/checklist'), { waitUntil: 'load' });
  await page.waitForURL(/\/org\.html/, { timeout: 15000 });
  await page.locator('#checklist-title').waitFor({ timeout: 15000 });

  // What would betray an answer: question ids, answer ids, the numbers and dates typed.
  const values = Object.values(persona.answers).map(String);
  const needles = [...Object.keys(persona.answers), ...values, 'true', 'false'];
  const long = needles.filter((n) => n.length >= 4);
  // The address: the page, the as-of date the test set, and a route — nothing else.
  const ROUTE = /^#\/(person(\/(q(\/\d+)?|results|checklist|share))?)?$/;
  const all = [...new Set([...addresses, ...inPage, ...walked])].filter((u) => u !== 'about:blank');
  assert(all.length >= 4, `addresses recorded: ${all}`);
  for (const address of all) {
    const u = new URL(address);
    eq(u.origin, origin, `address ${address}: origin`);
    // The next steps (checklist, share) open on org.html's bundle.
    assert(['/', '/org.html'].includes(u.pathname), `address ${address}: path ${u.pathname}`);
    eq(u.search, `?as-of=${persona.asOf}`, `address ${address}: query (the test's evaluation date only)`);
    assert(u.hash === '' || ROUTE.test(u.hash), `address ${address}: the fragment is not a route`);
    // A question's step number (#/person/q/3) says how far along, never which question or answer.
    const rest = u.hash.replace(/\/q\/\d+$/, '/q') + u.search.replace(`as-of=${persona.asOf}`, '');
    const found = needles.filter((n) => rest.includes(n));
    eq(found, [], `answers in the address ${address}`);
  }
  console.log(`    ${all.length} distinct addresses: ${all.map((a) => new URL(a).hash || '(none)').join(' ')}`);
  console.log(`    ${walked.length} history entries walked back: ${walked.map((a) => (a.startsWith(origin) ? new URL(a).hash : a)).join(' ← ')}`);

  // Requests: same origin, built files only, never a query other than the as-of page load (results.js
  // starts the results' bundle, index.html's second fetch).
  const FILE = /^\/(|(index|org|staff|policy)\.html|sw\.js|policy\.js|results\.js|manifest\.webmanifest|icon[\w.-]*\.(png|svg)|[a-z]+-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css))$/;
  assert(seenRequests.length > 0, 'no request recorded');
  for (const address of seenRequests) {
    const u = new URL(address);
    eq(u.origin, origin, `request ${address}: origin`);
    assert(FILE.test(u.pathname), `request ${address}: not a built file`);
    assert(u.search === '' || u.search === `?as-of=${persona.asOf}`, `request ${address}: query`);
    eq(long.filter((n) => (u.pathname + u.search + u.hash).includes(n)), [], `answers in the request ${address}`);
  }

  // The phone: localStorage holds the answers (and the ticks); nothing else does.
  const stored = await page.evaluate(async () => {
    const local = Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]));
    const session = Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)]));
    const databases = indexedDB.databases ? await indexedDB.databases() : [];
    const cached = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const r of await cache.keys()) cached.push(r.url);
    }
    return { local, session, databases, cached, cookie: document.cookie };
  });
  const saved = JSON.parse(stored.local[PERSON_KEY] ?? 'null');
  assert(saved?.facts, `answers in localStorage under ${PERSON_KEY}: ${Object.keys(stored.local)}`);
  assert(answered.includes('hukou-district') && answered.includes('age'), `answered: ${answered}`);
  for (const q of answered) eq(String(saved.facts[q]), String(persona.answers[q]), `saved answer ${q}`);
  assert(JSON.parse(stored.local[TICKS_KEY] ?? '{}').ticked?.length === 1, 'the tick in localStorage');
  eq(Object.keys(stored.local).sort(), [TICKS_KEY, PERSON_KEY].sort(), 'localStorage keys');
  eq(stored.session, {}, 'sessionStorage');
  eq(stored.cookie, '', 'document.cookie');
  eq(await context.cookies(), [], 'cookies');
  eq(stored.databases, [], 'IndexedDB databases');
  for (const address of stored.cached) {
    const u = new URL(address);
    eq(u.origin, origin, `cached ${address}: origin`);
    eq(needles.filter((n) => (u.search.replace(`as-of=${persona.asOf}`, '') + u.hash).includes(n)), [], `answers in the cached ${address}`);
  }
  console.log(`    ${seenRequests.length} requests, ${stored.cached.length} cached files, localStorage: ${Object.keys(stored.local).join(', ')}`);
  await context.close();
});

await runSuite(browser, tests, log, origin);
