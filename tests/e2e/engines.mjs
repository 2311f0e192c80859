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
import { LABELS, TITLE } from './lib/expectations.mjs';

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
    await b.waitFor('button.choice, main h2, main h1', 20000);
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

const journeys = [
  {
    name: 'landing: the app mounts and shows the four audience choices',
    run: async (b, engine) => {
      await open(b);
      eq(await b.run('return document.title;'), TITLE, 'title');
      eq(await b.texts('.choice-label'), LABELS, 'choice labels');
      const footer = await b.text('footer');
      assert(footer.includes('12333'), `footer: ${footer}`);
      await b.screenshot(join(shotDir, `${engine}-landing-360.png`));
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
