// Shared Playwright set-up for the Chromium suites: the system Chromium, phone or desktop contexts,
// a record of every request and of every console error, page error, failed request, HTTP error or
// CSP violation (which the suites assert on), and a small test runner.

import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

// Chromium warns that it ignores `integrity` on <link rel=preload as=fetch> (crbug.com/981419): Trunk
// writes SRI on the wasm preload; harmless, and the only console output tolerated.
export const KNOWN_WARNINGS = ['integrity` attribute is currently ignored for preload destinations'];
export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

/// `node <script> http://127.0.0.1:PORT/ [screenshot-dir]`: the served URL (127.0.0.1 only), the
/// screenshot folder (created) and the origin.
export function suiteArgs(script) {
  const [baseUrl, shotDir = 'target/e2e'] = process.argv.slice(2);
  if (!baseUrl || new URL(baseUrl).hostname !== '127.0.0.1') {
    console.error(`usage: node ${script} http://127.0.0.1:PORT/ [screenshot-dir] (only 127.0.0.1 is allowed)`);
    process.exit(2);
  }
  mkdirSync(shotDir, { recursive: true });
  return { baseUrl, shotDir, origin: new URL(baseUrl).origin };
}

export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/// A page whose requests and problems are pushed into `log.requests` / `log.problems`. `ignore`
/// lists substrings of messages a test provokes on purpose.
export async function newPage(browser, log, { device = PHONE, ignore = [], acceptDownloads = false } = {}) {
  const context = await browser.newContext({ ...device, locale: 'zh-CN', acceptDownloads });
  const page = await context.newPage();
  const skip = (text) => KNOWN_WARNINGS.concat(ignore).some((w) => text.includes(w));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !skip(m.text())) {
      log.problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => {
    if (!skip(e.message)) log.problems.push(`page error: ${e.message}`);
  });
  page.on('requestfailed', (r) => {
    // A reload cancels requests in flight, and a blob: download goes to the download manager:
    // both are reported as aborted and are not failures.
    if (r.failure()?.errorText === 'net::ERR_ABORTED' || r.url().startsWith('blob:')) return;
    if (!skip(r.failure()?.errorText || '')) log.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !skip(r.url())) log.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.exposeFunction('__reportCsp', (v) => log.problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
  return { context, page };
}

/// Runs `tests` ([{ name, fn }]) in order, then the two checks every suite shares; closes the
/// browser and prints the closing line xtask reads; exits with the outcome.
/// Holds back the page's requests matching `pattern` (a weak connection) until the returned
/// `release()` is called.
export async function holdBack(page, pattern) {
  let release;
  const wait = new Promise((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await wait;
    await route.continue();
  });
  return release;
}

export async function runSuite(browser, tests, log, origin) {
  // Every suite ends with the same two checks over everything its pages did.
  tests.push({
    name: 'every request stayed on the served origin (127.0.0.1)',
    fn: async () => {
      assert(log.requests.length > 0, 'no request recorded');
      const here = (u) => u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:' + origin);
      eq(log.requests.filter((u) => !here(u)), [], 'requests outside the served origin');
    },
  });
  tests.push({
    name: 'no console error, page error, failed request or CSP violation',
    fn: async () => eq(log.problems, [], 'problems'),
  });
  let passed = 0;
  let failed = 0;
  for (const { name, fn } of tests) {
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`ok     ${name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed++;
      console.log(`FAILED ${name} (${Date.now() - t0} ms)\n    ${String(err?.stack || err).split('\n').join('\n    ')}`);
    }
  }
  await browser.close();
  console.log(`requests recorded: ${log.requests.length} (served origin ${origin})`);
  console.log(`e2e result: ${passed} passed; ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
