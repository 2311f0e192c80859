import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let i = 0; i < 4; i++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp.push(`${Math.round(e.startTime)}ms ${e.element ? (e.element.id || e.element.className || e.element.tagName) : 'removed'} ${e.size}`); }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp.push(`${e.name} ${Math.round(e.startTime)}ms`); }).observe({ type: 'paint', buffered: true });
  });
  await page.goto('http://127.0.0.1:8099/');
  await page.waitForTimeout(1500);
  console.log(JSON.stringify(await page.evaluate(() => [window.__lcp, !!document.querySelector('#choice-person')])));
  await context.close();
}
await browser.close();
