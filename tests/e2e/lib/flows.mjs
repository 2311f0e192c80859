// Flows shared by the Chromium suites.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root (the suites' expectations come from its subsidy-check CLI). */
export const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** `subsidy-check ARGS` with `input` on stdin, its JSON output parsed. */
function subsidyCheck(args, input) {
  const out = execFileSync('cargo', ['run', '-q', '--bin', 'subsidy-check', '--', ...args], {
    cwd: repo,
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString());
}

/** rules-core's report for `facts` on `asOf`, from the subsidy-check CLI: expectations are never typed. */
export function evaluate(facts, asOf) {
  return subsidyCheck(['evaluate', '--as-of', asOf, '-'], JSON.stringify(facts));
}

/** rules-core's catalogue (`subsidy-check catalogue`): the suites count benefits from it, never type 32. */
export function catalogue() {
  return subsidyCheck(['catalogue']);
}

/** The answers the residents' page saved on this phone (Playwright page). */
export async function savedPersonFacts(page) {
  const saved = await page.evaluate(() => localStorage.getItem('cq-jiuye-bangfu.person.v1'));
  return JSON.parse(saved).facts;
}

/** A benefit's figure in `report` as the cards show it (rules-core's `Value::text` for an amount). */
export function amountText(report, id) {
  const value = report.benefits.find((b) => b.id === id)?.estimate.value;
  if (value?.kind === 'amount') return `${value.amount} ${value.unit}`;
  if (value?.kind === 'up-to') return `最高 ${value.max} ${value.unit}`;
  throw new Error(`${id} has no amount in the report: ${JSON.stringify(value)}`);
}

/** Answers the questionnaire for a persona; returns the number of taps and the questions seen. */
export async function answerAll(page, persona) {
  let taps = 0;
  const seen = [];
  for (let i = 0; i < 80; i++) {
    await page.waitForSelector('[data-question], #results-title', { timeout: 10000 });
    if (await page.locator('#results-title').count()) return { taps, seen };
    const q = await page.getAttribute('[data-question]', 'data-question');
    const kind = await page.getAttribute('[data-question]', 'data-kind');
    const answer = persona.answers[q];
    seen.push(answer === undefined ? `${q}=?` : `${q}=${answer}`);
    if (answer === undefined) {
      await page.locator('#q-unknown').tap();
      taps += 1;
    } else if (kind === 'YesNo') {
      await page.locator(`button[data-answer=${answer ? 'yes' : 'no'}]`).tap();
      taps += 1;
    } else if (kind === 'Choice') {
      await page.locator(`button[data-answer="${answer}"]`).tap();
      taps += 1;
    } else if (kind === 'District') {
      await page.selectOption('#q-input', answer);
      await page.locator('#q-confirm').tap();
      taps += 2;
    } else {
      await page.fill('#q-input', String(answer));
      await page.locator('#q-confirm').tap();
      taps += 2;
    }
    await page.waitForFunction(
      (prev) => {
        const el = document.querySelector('[data-question]');
        return document.getElementById('results-title') || (el && el.getAttribute('data-question') !== prev);
      },
      q,
      { timeout: 10000 },
    );
  }
  throw new Error(`no result after 80 questions: ${seen.join(', ')}`);
}
