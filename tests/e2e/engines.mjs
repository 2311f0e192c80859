// The core journeys in the two engines Playwright cannot drive here — WebKit (WebKitGTK, as on
// iPhones' WeChat) and Firefox ESR — over W3C WebDriver (lib/webdriver.mjs), against the release
// build at 360×740. The expectations are shared with the Chromium suite (lib/expectations.mjs).
//
//   node tests/e2e/engines.mjs http://127.0.0.1:PORT/ target/e2e
//
// Closes with `e2e result: N passed; M failed` (both engines together).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './lib/webdriver.mjs';
import { LABELS, PERSONAS, TITLE } from './lib/expectations.mjs';
import { amountText, catalogue, evaluate } from './lib/flows.mjs';

const [baseUrl, shotDir = 'target/e2e'] = process.argv.slice(2);
if (!baseUrl || new URL(baseUrl).hostname !== '127.0.0.1') {
  console.error('usage: node engines.mjs http://127.0.0.1:PORT/ [screenshot-dir]');
  process.exit(2);
}
mkdirSync(shotDir, { recursive: true });

const ENGINE_NAMES = (process.env.E2E_ENGINES || 'webkit,firefox').split(',').filter(Boolean);

function assert(cond, message) {
  if (!cond) throw new Error(message);
}
function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/// Opens a page and waits for the app to mount; if it does not, says why from inside the page
/// (WebKit gives no console through its driver): does this engine compile the page's own wasm?
async function open(b, hash = '') {
  await b.go(new URL(hash, baseUrl).href);
  try {
    // The app's own main (#main) or policy.html's, not the static first screen painted before the
    // wasm (which sits inside #static-landing).
    await b.waitFor('button.choice, #main h2, #main h1, body > main h2', 20000);
  } catch (e) {
    const probe = await b.runAsync(`
      const done = arguments[arguments.length - 1];
      const meta = document.querySelector('meta[name="app-wasm"]');
      if (!window.WebAssembly) { done('no WebAssembly in this engine'); return; }
      if (!meta) { done('no app-wasm meta tag'); return; }
      fetch(meta.content).then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes))
        .then(() => done('wasm compiles; the app did not mount: ' + document.body.innerText.slice(0, 200)))
        .catch((err) => done('wasm does not compile: ' + err));`);
    throw new Error(`${b.label}: the app did not mount (${probe})`);
  }
}

/// Answers the questionnaire like the Chromium suite does (same personas, same 不清楚 rule), by
/// clicking; returns the number of questions.
async function answerAll(b, persona) {
  for (let i = 0; i < 80; i++) {
    await b.waitFor('[data-question], #results-title', 10000);
    if (await b.find('#results-title')) return i;
    const [q, kind] = await b.run(
      "const e = document.querySelector('[data-question]'); return [e.getAttribute('data-question'), e.getAttribute('data-kind')];",
    );
    const answer = persona.answers[q];
    if (answer === undefined) {
      await b.click('#q-unknown');
    } else if (kind === 'YesNo') {
      await b.click(`button[data-answer=${answer ? 'yes' : 'no'}]`);
    } else if (kind === 'Choice') {
      await b.click(`button[data-answer="${answer}"]`);
    } else if (kind === 'District') {
      await b.click(`#q-input option[value="${answer}"]`);
      await b.click('#q-confirm');
    } else {
      await b.type('#q-input', String(answer));
      await b.click('#q-confirm');
    }
    for (let t = 0; t < 100; t++) {
      const next = await b.run(
        "const e = document.querySelector('[data-question]'); return document.getElementById('results-title') ? 'results' : e && e.getAttribute('data-question');",
      );
      if (next !== q) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${b.label}: no result after 80 questions`);
}

// Keep 大字模式 last: it stays on for the rest of the engine's session.
const journeys = [
  {
    name: 'landing: the app mounts and shows the four audience choices',
    run: async (b, engine) => {
      await open(b);
      eq(await b.run('return document.title;'), TITLE, 'title');
      eq(await b.texts('.choice-label'), LABELS, 'choice labels');
      const footer = await b.text('footer');
      assert(footer.includes('12333'), `footer: ${footer}`);
      await b.screenshot(join(shotDir, `${engine}-landing.png`));
    },
  },
  {
    name: 'a person from the first question to results with an amount (脱贫人口 in 山东)',
    run: async (b, engine) => {
      const persona = PERSONAS.find((p) => p.name === 'shandong-worker');
      await open(b, `?as-of=${persona.asOf}#/`);
      await b.click('#choice-person');
      await b.click('#start-person');
      const questions = await answerAll(b, persona);
      const saved = await b.run("return localStorage.getItem('cq-jiuye-bangfu.person.v1');");
      const report = evaluate(JSON.parse(saved).facts, persona.asOf);
      for (const id of persona.eligible) {
        const shown = await b.text(`#group-eligible .card[data-benefit="${id}"] .estimate-value`);
        eq(shown.trim(), amountText(report, id), `${id} amount after ${questions} questions`);
      }
      await b.screenshot(join(shotDir, `${engine}-results.png`));
    },
  },
  {
    name: 'an old benefit link opens the policy page at the benefit; its search works',
    run: async (b, engine) => {
      await open(b, '?as-of=2025-06-20#/policy/cross-region-transport-subsidy');
      const title = await b.text('#cross-region-transport-subsidy-title');
      assert(title.includes('交通补助'), `benefit title: ${title}`);
      await b.type('#policy-search', '创业');
      const shown = await b.run("return document.querySelectorAll('main section[id]:not([hidden])').length;");
      const all = catalogue().benefits.length;
      assert(shown > 0 && shown < all, `创业 shows ${shown} of ${all}`);
      await b.screenshot(join(shotDir, `${engine}-deep-link.png`));
    },
  },
  {
    name: 'the document checklist: one merged list, a tick counts (returning entrepreneur)',
    run: async (b, engine) => {
      const persona = PERSONAS.find((p) => p.name === 'returning-entrepreneur');
      await open(b, `?as-of=${persona.asOf}#/`);
      await b.click('#choice-person');
      await b.click('#start-person');
      // The earlier journey's answers are saved in this session: start again.
      await b.waitFor('[data-question], #resume-restart, #results-title');
      if (await b.find('#resume-restart')) await b.click('#resume-restart');
      await answerAll(b, persona);
      await b.click('#to-checklist');
      await b.waitFor('#checklist-title');
      const ids = await b.run("return Array.from(document.querySelectorAll('input[data-doc]')).map((i) => i.dataset.doc);");
      assert(ids.length >= 3 && new Set(ids).size === ids.length, `documents once each: ${ids}`);
      eq((await b.text('#checklist-progress')).trim(), `已备齐 0/${ids.length}`, 'progress before');
      await b.click(`input[data-doc="${ids[0]}"]`);
      for (let t = 0; t < 50 && !(await b.text('#checklist-progress')).includes('1/'); t++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      eq((await b.text('#checklist-progress')).trim(), `已备齐 1/${ids.length}`, 'progress after a tick');
      await b.screenshot(join(shotDir, `${engine}-checklist.png`));
    },
  },
  {
    name: 'the estimator opens on its own page (org.html) from the landing link',
    run: async (b, engine) => {
      await open(b, '?as-of=2025-06-20#/employer');
      await b.click('#start-org');
      await b.waitFor('[data-question]', 20000);
      const url = await b.run('return location.pathname + location.search + location.hash;');
      eq(url, '/org.html?as-of=2025-06-20#/employer/estimate', 'address after the hand-over');
      await b.screenshot(join(shotDir, `${engine}-org.png`));
    },
  },
  {
    name: 'the staff page draws a QR code for the link it builds',
    run: async (b, engine) => {
      await b.go(new URL('staff.html', baseUrl).href);
      await b.waitFor('svg.qr path', 20000);
      const [link, modules, width] = await b.run(`
        const svg = document.querySelector('svg.qr');
        return [document.getElementById('staff-link').value,
          (svg.querySelector('path').getAttribute('d').match(/M/g) || []).length,
          svg.getBoundingClientRect().width];`);
      eq(link, `${baseUrl}#/person`, 'the default link');
      assert(modules > 200 && width > 150, `QR code drawn: ${modules} dark modules, ${width} px wide`);
      await b.screenshot(join(shotDir, `${engine}-staff.png`));
    },
  },
  {
    name: 'the list screening (list.html) reads pasted cells and screens them',
    run: async (b, engine) => {
      await b.go(new URL('list.html?as-of=2026-03-01', baseUrl).href);
      await b.waitFor('#batch-paste-read', 20000);
      await b.run(`
        document.getElementById('batch-paste').value = '姓名\\t人员类别\\t年龄\\n张三\\t脱贫户\\t30\\n李四\\t一般农户\\t45';
        document.getElementById('batch-paste-read').click();
        return true;`);
      await b.waitFor('#batch-columns select', 10000);
      await b.run(`document.getElementById('batch-start').click(); return true;`);
      await b.waitFor('#batch-summary', 20000);
      const [source, rows] = await b.run(`
        return [document.getElementById('batch-source').textContent,
          document.querySelectorAll('#batch-summary tbody tr').length];`);
      assert(source.includes('2 人'), `the list read: ${source}`);
      assert(rows > 5, `a row per benefit in the summary: ${rows}`);
      await b.screenshot(join(shotDir, `${engine}-list.png`));
    },
  },
  {
    name: '大字模式 enlarges the text and persists across a reload',
    run: async (b, engine) => {
      await open(b, '?as-of=2025-06-20#/');
      const size = () => b.run('return parseFloat(getComputedStyle(document.querySelector("h1")).fontSize);');
      const before = await size();
      await b.click('#settings summary');
      await b.click('#large-text');
      for (let t = 0; t < 50 && !(await b.run('return document.documentElement.classList.contains("large-text");')); t++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const after = await size();
      assert(after >= before * 1.2, `h1 ${before}px → ${after}px`);
      await b.go(new URL('?as-of=2025-06-20#/', baseUrl).href);
      await b.waitFor('main h1, main h2');
      for (let t = 0; t < 50 && !(await b.run('return document.documentElement.classList.contains("large-text");')); t++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      assert(await b.run('return document.documentElement.classList.contains("large-text");'), '大字模式 kept after reload');
      await b.screenshot(join(shotDir, `${engine}-large-text.png`));
    },
  },
];

let passed = 0;
let failed = 0;
for (const engine of ENGINE_NAMES) {
  let browser;
  try {
    browser = await launch(engine);
    console.log(`${engine}: ${browser.version}`);
    // Both engines refuse windows narrower than about 450-500 px; tests run at the narrowest they
    // allow (the 360 px layout itself is covered in Chromium).
    await browser.setSize(360, 740);
    const [w, h] = await browser.run('return [innerWidth, innerHeight];').catch(() => [0, 0]);
    console.log(`${engine}: viewport ${w}×${h} CSS px`);
  } catch (e) {
    console.log(`FAIL ${engine}: could not start: ${e.message}`);
    failed += journeys.length;
    continue;
  }
  for (const journey of journeys) {
    const t0 = Date.now();
    try {
      await journey.run(browser, engine);
      passed++;
      console.log(`ok   ${engine}: ${journey.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${engine}: ${journey.name}: ${e.message}`);
      try {
        await browser.screenshot(join(shotDir, `${engine}-failure.png`));
      } catch {
        /* the failure message is what matters */
      }
    }
  }
  await browser.quit();
}
console.log(`e2e result: ${passed} passed; ${failed} failed`);
process.exit(failed ? 1 : 0);
