// Shared Playwright set-up for the Chromium suites: the system Chromium, a 360×740 phone context,
// and a record of every request and every console error, page error, failed request or CSP
// violation, which the suites assert on.

import { chromium } from 'playwright-core';

export const KNOWN_WARNINGS = ['integrity` attribute is currently ignored for preload destinations'];

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

/// A phone-sized page whose requests and problems are pushed into `log.requests` / `log.problems`.
/// `ignore` lists substrings of console messages a test provokes on purpose.
export async function phonePage(browser, log, { ignore = [] } = {}) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const skip = (text) => KNOWN_WARNINGS.concat(ignore).some((w) => text.includes(w));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !skip(m.text())) {
      log.problems.push(`console ${m.type()}: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !skip(r.url())) log.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('pageerror', (e) => {
    if (!skip(e.message)) log.problems.push(`page error: ${e.message}`);
  });
  await page.exposeFunction('__reportCsp', (v) => log.problems.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
    );
  });
  return { context, page };
}

/// Runs `tests` ([{ name, fn }]) in order and prints the closing line xtask reads.
export async function runTests(tests) {
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
  return { passed, failed };
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

export function eq(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
