// Staff list screening (list.html, its own page since issue 31; staff.html#/list before, issue 20): a 1,000-row .xlsx at desktop width and a GBK
// CSV at 360 px, made here with realistic register headers and values and a few bad cells, are
// screened; the page's counts per benefit equal `subsidy-check evaluate --summary` on the same
// people as JSON lines (same date); the exported .xlsx reads back with the added columns; the
// template and the printed sheets; 忘记这份名单; the page answers while 10,000 rows are evaluated,
// and the rows/s is printed.
//
//   node tests/e2e/staff-batch.mjs http://127.0.0.1:PORT/ target/e2e

import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium, newPage, runSuite, suiteArgs, assert, eq, DESKTOP, PHONE } from './lib/chromium.mjs';
import { repo } from './lib/flows.mjs';
import { xlsx, readXlsx, gbk, excelSerial, unzip, zip } from './lib/sheets.mjs';

const { baseUrl, shotDir, origin } = suiteArgs('staff-batch.mjs');
const browser = await launchChromium();
const log = { requests: [], problems: [] };
const AS_OF = '2025-06-20';

// ---- The people: a register as a village keeps it, and the same people as answers JSON. ----

/** A small deterministic random source, so that every run screens the same people. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// One column is headed with rules-core's own wording of its question (as in the template).
const CATALOGUE = JSON.parse(
  execFileSync('cargo', ['run', '-q', '--release', '--bin', 'subsidy-check', '--', 'catalogue'], { cwd: repo, maxBuffer: 64 * 1024 * 1024 }),
);
const HUKOU_WORDING = CATALOGUE.questions.find((q) => q.id === 'hukou-chongqing').text;

const HEADERS = ['序号', '姓名', '村（社区）', '户籍区县', HUKOU_WORDING, '脱贫属性', '性别', '年龄', '劳动能力', '目前状况',
  '务工地点', '务工开始时间', '低保户', '有实名制车票', '往返车费', '已领交通补助', '求职创业补贴已领'];
// Columns the page must match by itself, and the one the test picks from the list.
const AUTO = { '户籍区县': 'hukou-district', [HUKOU_WORDING]: 'hukou-chongqing', '脱贫属性': 'category', '性别': 'sex',
  '年龄': 'age', '劳动能力': 'labour-capacity', '务工地点': 'work-place', '务工开始时间': 'work-since', '低保户': 'dibao',
  '有实名制车票': 'has-tickets', '往返车费': 'ticket-fare', '已领交通补助': 'transport-received', '求职创业补贴已领': 'job-search-received',
  '姓名': 'name', '序号': '', '村（社区）': '' };
const PICKED = { '目前状况': 'activity' };

const DISTRICTS = [['万州区', 'wanzhou'], ['开州区', 'kaizhou'], ['巫溪县', 'wuxi'], ['石柱县', 'shizhu'], ['云阳', 'yunyang'], ['重庆市奉节县', 'fengjie'], ['城口县', 'chengkou']];
const POVERTY = [['脱贫户', 'alleviated'], ['脱贫户', 'alleviated'], ['监测户', 'monitored'], ['一般户', 'none']];
const CAPACITY = [['有劳动能力', 'full'], ['有劳动能力', 'full'], ['弱劳力', 'weak'], ['半劳力', 'half']];
const ACTIVITY = [['务工', 'employee'], ['务工', 'employee'], ['灵活就业', 'flexible'], ['无业', 'not-working'], ['在校生', 'student']];
const PLACE = [['县内', 'own-district'], ['市内县外', 'other-district'], ['山东', 'shandong'], ['广东', 'other-province']];
const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林';
const GIVEN = '德华明秀英建国芳丽军平兰红春梅强勇杰娟霞';
const VILLAGES = ['龙驹镇石梁村', '白土镇三友村', '温泉镇双龙村', '文峰镇菜园村', '高桥镇桂花社区'];

/**
 * `count` people: rows of cells (for the file; `{ n }` is a spreadsheet number) and answers JSON
 * (what each cell means, unreadable cells left out as unknown). `bad` lists the planted bad cells.
 */
function people(count, seed, { numbers }) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const rows = [];
  const facts = [];
  const bad = [];
  for (let i = 0; i < count; i++) {
    const f = { audience: 'person' };
    const row = [String(i + 1), pick(SURNAMES) + pick(GIVEN) + pick(GIVEN), pick(VILLAGES)];
    const [dName, dId] = pick(DISTRICTS);
    row.push(dName); f['hukou-district'] = dId;
    const hukou = rnd() < 0.95 ? '是' : rnd() < 0.5 ? '否' : '';
    // A column of its own answers 户口在重庆; left empty, the Chongqing 户籍区县 answers it.
    row.push(hukou); f['hukou-chongqing'] = hukou ? hukou === '是' : true;
    const [pName, pId] = pick(POVERTY);
    row.push(pName); f['poverty-status'] = pId;
    const sex = rnd() < 0.5 ? '男' : '女';
    row.push(sex); f.sex = sex === '男' ? 'male' : 'female';
    const age = 17 + Math.floor(rnd() * 48);
    row.push(numbers ? age : `${age}`); f.age = age;
    const [cName, cId] = pick(CAPACITY);
    row.push(cName); f['labour-capacity'] = cId;
    const [aName, aId] = pick(ACTIVITY);
    row.push(aName); f.activity = aId;
    if (aId === 'employee') {
      const [wName, wId] = pick(PLACE);
      row.push(wName); f['work-place'] = wId;
      const y = 2023 + Math.floor(rnd() * 3);
      const m = 1 + Math.floor(rnd() * (y === 2025 ? 5 : 12));
      const iso = `${y}-${String(m).padStart(2, '0')}-01`;
      const form = rnd();
      row.push(numbers && form < 0.5 ? { n: excelSerial(iso) } : form < 0.75 ? `${y}年${m}月1日` : `${y}/${m}/1`);
      f['work-since'] = iso;
    } else {
      row.push('', '');
    }
    const dibao = rnd() < 0.2 ? '是' : '否';
    row.push(dibao); f.dibao = dibao === '是';
    if (aId === 'employee' && rnd() < 0.7) {
      row.push('有'); f['has-tickets'] = true;
      const fare = 200 + Math.floor(rnd() * 1500);
      row.push(fare >= 1000 ? `${Math.floor(fare / 1000)},${String(fare % 1000).padStart(3, '0')}` : `${fare}元`);
      f['ticket-fare'] = String(fare);
    } else {
      row.push(rnd() < 0.5 ? '无' : '', '');
      if (row[row.length - 2] === '无') f['has-tickets'] = false;
    }
    const transport = rnd() < 0.15 ? '是' : '否';
    row.push(transport); f['transport-received'] = transport === '是';
    row.push('否'); f['job-search-received'] = false;
    rows.push(row);
    facts.push(f);
  }
  // Bad cells: an age in words, a date nobody can read, an impossible age (a finding of the rules),
  // a district outside Chongqing, an answer that is not 是 or 否.
  const plant = (i, header, value, key, keep) => {
    rows[i][HEADERS.indexOf(header)] = value;
    if (keep === undefined) delete facts[i][key];
    else facts[i][key] = keep;
    bad.push({ row: i + 2, header, value });
  };
  plant(3, '年龄', '四十', 'age');
  plant(7, '年龄', numbers ? 400 : '400', 'age', 400);
  plant(11, '户籍区县', '天府新城', 'hukou-district');
  if (rows[11][HEADERS.indexOf(HUKOU_WORDING)] === '') delete facts[11]['hukou-chongqing'];
  plant(15, '低保户', '也许', 'dibao');
  const employee = facts.findIndex((f, i) => i > 20 && f.activity === 'employee');
  plant(employee, '务工开始时间', '去年三月', 'work-since');
  return { rows: [HEADERS, ...rows], facts, bad };
}

/** Rows as CSV text (quoted where needed, as Excel writes it). */
function toCsv(rows, lineEnd) {
  const field = (c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map((c) => field(String(c))).join(',')).join(lineEnd) + lineEnd;
}

// ---- What the command line says about the same people. ----

/** A benefit worth a printed sheet: money to claim now, or a lead (continuation not announced, the
 *  rules of its last day covered the person). */
const claimable = (b) => (b.status === 'eligible' && ['amount', 'up-to'].includes(b.value?.kind))
  || (b.status === 'continuation-unknown' && b.status_on_last_day === 'eligible');

/** Each person's `subsidy-check evaluate --summary` line. */
function cliSummaries(facts, asOf) {
  const out = execFileSync('cargo', ['run', '-q', '--release', '--bin', 'subsidy-check', '--', 'evaluate', '--as-of', asOf, '--summary', '-'], {
    cwd: repo,
    input: facts.map((f) => JSON.stringify(f)).join('\n') + '\n',
    maxBuffer: 256 * 1024 * 1024,
  });
  return out.toString().trim().split('\n').map((l) => JSON.parse(l));
}

/** Per benefit, people by status, from `subsidy-check evaluate --summary` on JSON lines. */
function cliCounts(facts, asOf) {
  const out = execFileSync('cargo', ['run', '-q', '--release', '--bin', 'subsidy-check', '--', 'evaluate', '--as-of', asOf, '--summary', '-'], {
    cwd: repo,
    input: facts.map((f) => JSON.stringify(f)).join('\n') + '\n',
    maxBuffer: 256 * 1024 * 1024,
  });
  const counts = {};
  let applicants = 0;
  const lines = out.toString().trim().split('\n');
  eq(lines.length, facts.length, 'one summary per person');
  for (const line of lines) {
    const summary = JSON.parse(line);
    if (summary.benefits.some(claimable)) applicants++;
    for (const b of summary.benefits) {
      counts[b.id] ??= {};
      counts[b.id][b.status] = (counts[b.id][b.status] || 0) + 1;
    }
  }
  return { counts, applicants };
}

// ---- The page. ----

async function openList(device) {
  const { context, page } = await newPage(browser, log, { device, acceptDownloads: true });
  await page.goto(new URL('list.html', baseUrl).href);
  await page.waitForSelector('#batch-file', { timeout: 20000 });
  return { context, page };
}

async function load(page, name, mimeType, buffer, people) {
  await page.setInputFiles('#batch-file', { name, mimeType, buffer });
  await page.waitForFunction((n) => document.getElementById('batch-source')?.textContent.includes(`${n} 人`), people, { timeout: 20000 });
  return page.locator('#batch-source').innerText();
}

/** Checks the automatic column matches and picks the columns the page could not match. */
async function mapColumns(page) {
  const chosen = await page.$$eval('#batch-columns select', (ss) => ss.map((s) => s.value));
  eq(chosen, HEADERS.map((h) => AUTO[h] ?? ''), 'columns matched automatically');
  for (const [header, q] of Object.entries(PICKED)) {
    await page.selectOption(`#batch-column-${HEADERS.indexOf(header)}`, q);
  }
}

async function screen(page, total) {
  await page.fill('#batch-date', AS_OF);
  await page.click('#batch-start');
  await page.waitForSelector('#batch-summary', { timeout: 120000 });
  eq(await page.locator('#batch-progress-text').innerText(), `已筛查 ${total} / ${total} 人`, 'progress at the end');
}

/** The page's counts: { benefit: { status: n } } (zeros left out, as in the command line's). */
async function pageCounts(page) {
  return page.$$eval('#batch-summary tr[data-benefit]', (rows) => {
    const out = {};
    for (const tr of rows) {
      const counts = {};
      for (const td of tr.querySelectorAll('td[data-status]')) {
        const n = Number(td.textContent);
        if (n > 0) counts[td.dataset.status] = n;
      }
      out[tr.dataset.benefit] = counts;
    }
    return out;
  });
}

const sorted = (counts) => Object.fromEntries(Object.keys(counts).sort().map((k) => [k, Object.fromEntries(Object.entries(counts[k]).sort())]));

async function checkProblems(page, bad) {
  const problems = await page.locator('#batch-problems li').allInnerTexts();
  for (const { row, header } of bad) {
    const found = problems.some((p) => p.startsWith(`第 ${row} 行`) && p.includes(`“${header}”`));
    assert(found, `no finding for row ${row}, column ${header}: ${problems.slice(0, 8).join(' | ')}`);
  }
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

// ---- The tab's memory and the page's answers while it works. ----

/** This browser's renderer processes (CDP SystemInfo.getProcessInfo: type and pid). */
async function rendererPids() {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** A /proc/PID/status figure in MB (VmHWM: the process's peak resident memory; VmRSS: now). */
function procMb(pid, key) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${key}:`));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Opens the list page in a fresh context (a renderer process of its own) and returns it with
 * `peak()`: the tab's peak resident memory so far in MB — VmHWM of the renderer processes that
 * appeared with the page (everything the tab holds: DOM, JS heap, file buffers, wasm memory).
 */
async function openMeasured(device) {
  const before = new Set(await rendererPids());
  const opened = await openList(device);
  const pids = (await rendererPids()).filter((p) => !before.has(p));
  assert(pids.length > 0, 'no renderer process of its own for the page');
  const peak = () => Math.max(...pids.map((p) => procMb(p, 'VmHWM')));
  return { ...opened, pids, peak };
}

/** Starts an event-loop probe in the page: a 10 ms timer that records how late it fires. */
async function startProbe(page) {
  await page.evaluate(() => {
    window.__lag = 0;
    let last = performance.now();
    window.__probe = setInterval(() => {
      const now = performance.now();
      window.__lag = Math.max(window.__lag, now - last - 10);
      last = now;
    }, 10);
  });
}

/** Stops the probe: the longest the page kept input and timers waiting, in ms. */
async function stopProbe(page) {
  return page.evaluate(() => {
    clearInterval(window.__probe);
    return Math.round(window.__lag);
  });
}

/** Writes `count` lines made by `line(i)` to a file in /tmp in 1 MB writes; its path. */
function writeLines(name, header, count, line) {
  const path = join(tmpdir(), `staff-batch-${process.pid}-${name}`);
  const fd = openSync(path, 'w');
  let chunk = header;
  for (let i = 0; i < count; i++) {
    chunk += line(i);
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
  return path;
}


/** The page's WebAssembly memory in MB (CDP Runtime.queryObjects: every WebAssembly.Memory of the
 * page); it never shrinks, so it is the most the page's Rust code has held at once. */
async function wasmMb(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }',
      returnByValue: true,
    });
    return result.value / 1048576;
  } finally {
    await cdp.detach();
  }
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('a 1,000-row .xlsx (desktop): counts equal subsidy-check --summary; bad cells by row and column; export, template, sheets, forget', async () => {
  const list = people(1000, 20, { numbers: true });
  const expected = cliCounts(list.facts, AS_OF);
  const { context, page } = await openList(DESKTOP);
  const privacy = await page.locator('#batch-privacy').innerText();
  assert(privacy.includes('不上传') && privacy.includes('不保存'), privacy);
  const source = await load(page, '花名册.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx(list.rows), 1000);
  assert(source.includes('Excel 工作簿'), source);
  await mapColumns(page);
  await screen(page, 1000);
  eq(sorted(await pageCounts(page)), sorted(expected.counts), 'counts per benefit and status (page vs subsidy-check)');
  await checkProblems(page, list.bad);
  await page.screenshot({ path: join(shotDir, 'staff-batch-desktop.png'), fullPage: true });

  // The export reads back with three columns per benefit and the problems.
  const names = await page.$$eval('#batch-summary tr[data-benefit] th', (ths) => ths.map((th) => th.textContent));
  const ids = await page.$$eval('#batch-summary tr[data-benefit]', (trs) => trs.map((tr) => tr.dataset.benefit));
  const exported = await download(page, '#batch-export-xlsx');
  eq(exported.name, '筛查结果.xlsx', 'export name');
  writeFileSync(join(shotDir, 'staff-batch-export.xlsx'), exported.bytes);
  const rows = readXlsx(exported.bytes);
  eq(rows.length, 1001, 'exported rows');
  const header = rows[0];
  eq(header.slice(0, HEADERS.length), HEADERS, 'the original columns first');
  for (const [i, name] of names.entries()) {
    const at = header.indexOf(`${name}：状态`);
    assert(at > 0, `no status column for ${name}`);
    eq(header.slice(at + 1, at + 3), [`${name}：预估金额`, `${name}：还需回答`], 'amount and missing answer columns');
    const eligible = rows.slice(1).filter((r) => r[at] === '可以申请').length;
    eq(eligible, expected.counts[ids[i]].eligible || 0, `exported 可以申请 for ${name}`);
  }
  eq(header[header.length - 1], '填写问题', 'the problems column');
  assert(rows[list.bad[0].row - 1].at(-1).includes('年龄'), `row ${list.bad[0].row}: ${rows[list.bad[0].row - 1].at(-1)}`);
  eq(rows[5][1], list.rows[5][1], 'names kept');

  const csv = await download(page, '#batch-export-csv');
  eq(csv.name, '筛查结果.csv', 'CSV name');
  eq([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV starts with a UTF-8 byte-order mark');
  assert(csv.bytes.toString('utf8').split('\r\n')[0].includes(`${names[0]}：状态`), 'CSV header');

  // The template: the questions' wording as the header row, read back by the page itself.
  const template = await download(page, '#batch-template');
  const templateHeader = readXlsx(template.bytes)[0];
  const ageWording = CATALOGUE.questions.find((q) => q.id === 'age').text;
  assert(templateHeader.includes(ageWording) && templateHeader.includes(HUKOU_WORDING), `template: ${templateHeader.slice(0, 3)}`);
  assert(Object.keys(unzip(template.bytes)).includes('xl/worksheets/sheet2.xml'), 'the template has its 填写说明 sheet');

  // One "what to bring" sheet per person who can claim money or is a lead.
  await page.click('#batch-print');
  eq(await page.locator('#batch-sheets .bring-sheet').count(), expected.applicants, 'printed sheets');
  const first = await page.locator('#batch-sheets .bring-sheet').first().innerText();
  assert(first.includes('申请材料清单') && first.includes('12333'), first.slice(0, 200));
  // Printed, only the sheets show (the page adds print-sheets to the body while it prints).
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.body.classList.add('print-sheets'));
  assert(await page.locator('#batch-sheets .bring-sheet').first().isVisible(), 'the sheets do not print');
  assert(!(await page.locator('#batch-summary').isVisible()), 'the summary prints with the sheets');
  await page.evaluate(() => document.body.classList.remove('print-sheets'));
  await page.emulateMedia({ media: 'screen' });

  // 忘记这份名单.
  await page.click('#batch-forget');
  eq(await page.locator('#batch-summary, #batch-columns').count(), 0, 'results and columns after forgetting');
  assert((await page.locator('#batch-message').innerText()).includes('已忘记'), 'forget message');
  eq(await page.inputValue('#batch-file'), '', 'file input emptied');
  eq(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0], 'nothing stored');
  await context.close();
});

test('a GBK .csv as Excel saves it on Chinese Windows (360 px): read as GBK, counts equal subsidy-check --summary', async () => {
  const list = people(300, 7, { numbers: false });
  const expected = cliCounts(list.facts, AS_OF);
  const text = toCsv(list.rows, '\r\n');
  const { context, page } = await openList(PHONE);
  const source = await load(page, '名单.csv', 'text/csv', gbk(text), 300);
  assert(source.includes('GBK'), `encoding not said: ${source}`);
  await mapColumns(page);
  await screen(page, 300);
  eq(sorted(await pageCounts(page)), sorted(expected.counts), 'counts per benefit and status (page vs subsidy-check)');
  await checkProblems(page, list.bad);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const v of axe.violations) console.log(`    axe list screen: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`);
  eq(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), [], 'serious/critical axe violations');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(width <= 360, `the page scrolls sideways at 360 px (${width})`);
  // The summary at 360 px: every figure of every policy in sight, none scrolled out of its box.
  const summary = await page.evaluate(() => {
    const table = document.getElementById('batch-summary');
    const box = table.parentElement;
    const cells = [...table.querySelectorAll('tbody th, tbody td')].map((c) => c.getBoundingClientRect());
    return {
      overflow: box.scrollWidth - box.clientWidth,
      outside: cells.filter((r) => r.left < 0 || r.right > window.innerWidth + 0.5).length,
      cells: cells.length,
      labelled: [...table.querySelectorAll('tbody td')].every((td) => getComputedStyle(td, '::before').content.includes('：')),
    };
  });
  eq(summary.overflow, 0, 'the summary scrolls sideways in its box at 360 px');
  eq(summary.outside, 0, `summary cells outside the 360 px screen (of ${summary.cells})`);
  assert(summary.labelled, 'a stacked summary figure without its column name');
  await page.screenshot({ path: join(shotDir, 'staff-batch-360.png'), fullPage: true });
  await context.close();
});

// ---- A district office's own register, written by openpyxl (not by this project). ----

const REGISTER_AS_OF = '2026-03-01';

/** Runs tests/e2e/lib/register.py: the register (.xlsx, GBK .csv) and each person's answers. */
function officeRegister() {
  const dir = join(shotDir, 'register');
  mkdirSync(dir, { recursive: true });
  execFileSync('python3', [join(repo, 'tests/e2e/lib/register.py'), dir, REGISTER_AS_OF, '300'], { stdio: 'inherit' });
  const info = JSON.parse(readFileSync(join(dir, 'register.json'), 'utf8'));
  const facts = readFileSync(join(dir, 'facts.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  return { dir, info, facts, xlsx: readFileSync(join(dir, 'register.xlsx')), csv: readFileSync(join(dir, 'register-gbk.csv')) };
}

/** Reads a workbook with openpyxl: every cell's text and type (formula cells would say 'f'). */
function openpyxlCells(path) {
  const script = `import json, sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1]).active
print(json.dumps([[[("" if c.value is None else str(c.value)), c.data_type] for c in row] for row in ws.iter_rows()], ensure_ascii=False))`;
  return JSON.parse(execFileSync('python3', ['-c', script, path], { maxBuffer: 256 * 1024 * 1024 }).toString());
}

const OFFICE_COLUMNS = { '序号': '', '姓名': 'name', '身份证号码': 'id-number', '出生日期': 'birth-date', '户籍所在区县': 'hukou-district',
  '人员类别': 'category', '是否监测对象': 'flag-monitored', '就业状态': 'activity', '务工地点': 'work-place', '外出务工开始时间': 'work-since',
  '是否已领求职创业补贴': 'job-search-received', '备注': '' };

/** The summary's status labels by id (from the page's own table header). */
async function statusLabels(page) {
  return page.evaluate(() => {
    const ths = [...document.querySelectorAll('#batch-summary thead th')].slice(1).filter((th) => th.id !== 'batch-last-day');
    const ids = [...document.querySelector('#batch-summary tbody tr').querySelectorAll('td[data-status]')].map((td) => td.dataset.status);
    const labels = ths.map((th) => th.textContent.split(' ').slice(1).join(' ')).filter((l) => l && l !== '缺得最多的回答');
    return Object.fromEntries(ids.map((id, i) => [id, labels[i]]));
  });
}

test('an office register by openpyxl (title, footer, second sheet by name): each person as the questionnaire, the 2025 rules column, exports without formulas, sheets and forgetting', async () => {
  const reg = officeRegister();
  const summaries = cliSummaries(reg.facts, REGISTER_AS_OF);
  const expected = cliCounts(reg.facts, REGISTER_AS_OF);
  const { context, page } = await openList(DESKTOP);
  await page.setInputFiles('#batch-file', { name: '巫溪县台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: reg.xlsx });
  // The first sheet (填表说明) holds no list: said so, and the list's sheet is chosen by name.
  await page.waitForFunction(() => document.getElementById('batch-message')?.textContent.includes('工作表'), null, { timeout: 20000 });
  const sheetValue = await page.$$eval('#batch-sheet option', (os, name) => os.find((o) => o.textContent === name)?.value, reg.info.sheet);
  assert(sheetValue !== undefined, 'the sheet picker lists 2026年台账');
  await page.selectOption('#batch-sheet', sheetValue);
  await page.waitForFunction((n) => document.getElementById('batch-source')?.textContent.includes(`${n} 人`), reg.info.rows, { timeout: 20000 });
  // How the list was read: the header under the title, the title and the 填表人 line left out, no id number shown.
  const readText = await page.locator('#batch-read').innerText();
  assert(readText.includes('第 3 行是列名'), readText.slice(0, 300));
  assert(readText.includes('第 1 行') && readText.includes('填表人'), readText.slice(0, 500));
  const html = await page.content();
  const ids = execFileSync('python3', ['-c', `import csv,sys
rows=list(csv.reader(open(sys.argv[1],encoding='gbk')))
print("\\n".join(r[2] for r in rows[3:-1]))`, join(reg.dir, 'register-gbk.csv')]).toString().trim().split('\n');
  eq(ids.length, reg.info.rows, 'id numbers');
  for (const id of ids) assert(!html.includes(id), 'an id number is shown on the page');
  const chosen = await page.$$eval('#batch-columns select', (ss) => ss.map((s) => s.value));
  eq(chosen, reg.info.headers.map((h) => OFFICE_COLUMNS[h]), 'office headers matched automatically');
  await page.fill('#batch-date', REGISTER_AS_OF);
  await page.click('#batch-start');
  await page.waitForSelector('#batch-summary', { timeout: 120000 });
  eq(sorted(await pageCounts(page)), sorted(expected.counts), 'counts per benefit and status (page vs subsidy-check)');
  assert(await page.locator('#batch-last-day').count() === 1, 'the summary has the 2025 rules column');
  // “市内” is left unanswered with why.
  const problems = await page.locator('#batch-problems li').allInnerTexts();
  assert(problems.some((p) => p.includes('“务工地点”') && p.includes('市内')), problems.slice(0, 5).join(' | '));

  // The export: per person and benefit, status, missing answers and the rules of 2025-12-31 equal subsidy-check's.
  const labels = await statusLabels(page);
  const wording = Object.fromEntries(CATALOGUE.questions.map((q) => [q.id, q.text]));
  const names = await page.$$eval('#batch-summary tr[data-benefit]', (trs) => trs.map((tr) => [tr.dataset.benefit, tr.querySelector('th').textContent]));
  const exported = await download(page, '#batch-export-xlsx');
  const exportPath = join(reg.dir, 'export.xlsx');
  writeFileSync(exportPath, exported.bytes);
  const cells = openpyxlCells(exportPath);
  eq(cells.length, reg.info.rows + 1, 'exported rows');
  const header = cells[0].map((c) => c[0]);
  let lastDayColumns = 0;
  for (const [id, name] of names) {
    const at = header.indexOf(`${name}：状态`);
    const last = header.findIndex((h) => h.startsWith(`${name}：按`) && h.endsWith('的规定'));
    if (last >= 0) lastDayColumns++;
    for (const [i, summary] of summaries.entries()) {
      const b = summary.benefits.find((x) => x.id === id);
      const row = cells[i + 1].map((c) => c[0]);
      eq(row[at], labels[b.status], `row ${i + 1} ${id}: status`);
      const asks = b.status === 'needs-answers' ? b.asks.map((q) => wording[q]).join('；') : '';
      eq(row[at + 2], asks, `row ${i + 1} ${id}: missing answers`);
      if (last >= 0) eq(row[last], b.status_on_last_day ? labels[b.status_on_last_day] : '', `row ${i + 1} ${id}: the rules of 2025-12-31`);
      else assert(!b.status_on_last_day, `${id}: no 2025 rules column`);
    }
  }
  assert(lastDayColumns >= 6, `2025 rules columns: ${lastDayColumns}`);
  // Reopened by openpyxl: no formula cell; the formula-like notes are text, as written.
  assert(cells.every((row) => row.every((c) => c[1] !== 'f')), 'a formula cell in the export');
  const note = header.indexOf('备注');
  for (const { row, text } of reg.info.formulas) {
    eq(cells[row + 1][note], [text, 's'], `row ${row + 1}: the note is text`);
  }
  // The workbook's other sheet and the list sheet's column widths are kept (openpyxl reads them).
  const kept = JSON.parse(execFileSync('python3', ['-c', `import json, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps([wb.sheetnames, wb["填表说明"]["A1"].value, ws.column_dimensions["B"].width, ws.column_dimensions["C"].width], ensure_ascii=False))`, exportPath]).toString());
  eq(kept, [['筛查结果', '填表说明'], '本表按季度更新；人员类别按防返贫监测信息系统填写。', 10, 21], 'sheets and column widths kept');
  const csvBytes = (await download(page, '#batch-export-csv')).bytes;
  const csvExport = csvBytes.toString('utf8');
  // The same file and date through subsidy-check screen: byte for byte the page's exports.
  for (const [ext, bytes] of [['xlsx', exported.bytes], ['csv', csvBytes]]) {
    const out = join(reg.dir, `cli-export.${ext}`);
    execFileSync('cargo', ['run', '-q', '--release', '--bin', 'subsidy-check', '--', 'screen', join(reg.dir, 'register.xlsx'), '--as-of', REGISTER_AS_OF,
      '--sheet', reg.info.sheet, '-o', out], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    assert(readFileSync(out).equals(bytes), `the page's .${ext} export differs from subsidy-check screen's`);
  }
  for (const { text } of reg.info.formulas) {
    const quoted = `'${text}`;
    assert(csvExport.includes(/[",]/.test(quoted) ? `"${quoted.replace(/"/g, '""')}"` : quoted), `CSV: ${text} not neutralised`);
  }

  // Printed sheets: built before print(), only for money or leads; after 忘记 nothing of the list is in the page.
  await page.evaluate(() => { window.print = () => { window.__printed = document.querySelectorAll('#batch-sheets .bring-sheet').length; }; });
  await page.click('#batch-print');
  const claimants = summaries.filter((s) => s.benefits.some(claimable)).length;
  assert(claimants > 0, 'nobody to print for: the register needs a lead');
  eq(await page.evaluate(() => window.__printed), claimants, 'sheets in the page when print() is called');
  await page.click('#batch-forget');
  const after = await page.evaluate(() => document.documentElement.outerHTML);
  const listNames = execFileSync('python3', ['-c', `import csv,sys
rows=list(csv.reader(open(sys.argv[1],encoding='gbk')))
print("\\n".join(r[1] for r in rows[3:-1]))`, join(reg.dir, 'register-gbk.csv')]).toString().trim().split('\n');
  const left = listNames.filter((n) => after.includes(n));
  eq(left, [], 'names from the list in the page after 忘记这份名单');
  eq(await page.locator('#batch-sheets').innerHTML(), '', 'printed sheets after 忘记这份名单');
  await context.close();

  // The same list as a GBK CSV (360 px): the same counts.
  const phone = await openList(PHONE);
  const source = await load(phone.page, '巫溪县台账.csv', 'text/csv', reg.csv, reg.info.rows);
  assert(source.includes('GBK'), source);
  await phone.page.fill('#batch-date', REGISTER_AS_OF);
  await phone.page.click('#batch-start');
  await phone.page.waitForSelector('#batch-summary', { timeout: 120000 });
  eq(sorted(await pageCounts(phone.page)), sorted(expected.counts), 'GBK CSV: counts per benefit and status (page vs subsidy-check)');
  // The GBK CSV through subsidy-check screen (read as a stream there): the page's export, byte for byte.
  const phoneCsv = (await download(phone.page, '#batch-export-csv')).bytes;
  const cliCsv = join(reg.dir, 'cli-export-gbk.csv');
  execFileSync('cargo', ['run', '-q', '--release', '--bin', 'subsidy-check', '--', 'screen', join(reg.dir, 'register-gbk.csv'), '--as-of', REGISTER_AS_OF,
    '-o', cliCsv], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  assert(readFileSync(cliCsv).equals(phoneCsv), "the page's CSV export of the GBK CSV differs from subsidy-check screen's");
  await phone.context.close();
});

/** A workbook of parts (name → text or Buffer) with a sheet1 as its only sheet. */
function workbookOf(sheet, strings) {
  return zip([
    ['xl/workbook.xml', '<workbook xmlns:r="r"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'],
    ['xl/worksheets/sheet1.xml', sheet],
    ['xl/sharedStrings.xml', strings],
  ]);
}

/** Sets the declared unpacked size of every entry of a zip archive. */
function declare(buffer, size) {
  const out = Buffer.from(buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const sig = out.readUInt32LE(at);
    if (sig === 0x04034b50) out.writeUInt32LE(size, at + 22);
    else if (sig === 0x02014b50) out.writeUInt32LE(size, at + 24);
  }
  return out;
}

/**
 * A worksheet part that inflates to `size` bytes (XML, then spaces), packed without ever holding
 * it: 1 MB of spaces deflated once, ended by a full flush (byte-aligned, no history), repeated.
 */
function inflating(size) {
  const MB = 1 << 20;
  const head = Buffer.alloc(MB, 0x20);
  head.write('<worksheet><sheetData>', 0);
  const spaces = Buffer.alloc(MB, 0x20);
  const flush = { finishFlush: zlibConstants.Z_FULL_FLUSH };
  const packedHead = deflateRawSync(head, flush);
  const packedSpaces = deflateRawSync(spaces, flush);
  const parts = [packedHead];
  let crc = crc32(head);
  for (let at = MB; at < size; at += MB) {
    parts.push(packedSpaces);
    crc = crc32(spaces, crc);
  }
  parts.push(Buffer.from([0x03, 0x00])); // the last block: empty, final
  return { packed: Buffer.concat(parts), crc, size };
}

test('bombs: a sheet inflating to 1 GB (honest, small and 4 GB declared sizes), a shared-string blowup, a DOCTYPE: a clear message, the page still usable, the tab under 512 MB', async () => {
  const { context, page, peak } = await openMeasured(DESKTOP);
  const ok = async () => {
    await page.setInputFiles('#batch-file', { name: 'ok.csv', mimeType: 'text/csv', buffer: Buffer.from('姓名,年龄,人员类别\n张三,40,脱贫户\n') });
    await page.waitForFunction(() => document.getElementById('batch-source')?.textContent.includes('1 人'), null, { timeout: 20000 });
  };
  // 1 GB of XML packed into 1 MB: past the 128 MB a part may unpack to.
  const GB = 1024 * 1024 * 1024;
  const bomb = workbookOf(inflating(GB), '<sst/>');
  assert(bomb.length < 2 * 1024 * 1024, `the bomb is ${bomb.length} bytes`);
  for (const [label, file] of [['honest', bomb], ['small', declare(bomb, 1000)], ['4 GB', declare(bomb, 0xffffffff)]]) {
    await ok();
    await page.setInputFiles('#batch-file', { name: `bomb-${label}.xlsx`, mimeType: 'application/octet-stream', buffer: file });
    await page.waitForFunction(() => document.getElementById('batch-message')?.textContent.includes('128 MB'), null, { timeout: 60000 });
  }
  // One 1 MB shared string used by 4,000 cells: read once, cut, with a note.
  const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>年龄</t></is></c></row>'];
  for (let r = 2; r <= 4001; r++) rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}"><v>40</v></c></row>`);
  const blow = workbookOf(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`, `<sst><si><t>${'长'.repeat(350000)}</t></si></sst>`);
  await page.setInputFiles('#batch-file', { name: 'strings.xlsx', mimeType: 'application/octet-stream', buffer: blow });
  await page.waitForFunction(() => document.getElementById('batch-source')?.textContent.includes('4000 人'), null, { timeout: 60000 });
  const read = await page.locator('#batch-read').innerText();
  assert(read.includes('只读取了前'), read.slice(0, 400));
  // A billion laughs.
  const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>';
  await page.setInputFiles('#batch-file', { name: 'laughs.xlsx', mimeType: 'application/octet-stream', buffer: workbookOf(laughs, '<sst/>') });
  await page.waitForFunction(() => document.getElementById('batch-message')?.textContent.includes('DOCTYPE'), null, { timeout: 20000 });
  // Still usable: a normal list loads and screens.
  await ok();
  await page.click('#batch-start');
  await page.waitForSelector('#batch-summary', { timeout: 20000 });
  const mb = peak();
  console.log(`    bombs: the tab's peak resident memory ${mb.toFixed(0)} MB`);
  assert(mb > 0 && mb < 512, `the tab took ${mb.toFixed(0)} MB`);
  await context.close();
});

/** A spreadsheet column's letters (0 → A, 16383 → XFD). */
function letters(column) {
  let out = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** After a giant file: a small list still loads and screens, and the tab stayed under 512 MB. */
async function stillUsable(page, peak, what) {
  await page.setInputFiles('#batch-file', { name: 'ok.csv', mimeType: 'text/csv', buffer: Buffer.from('姓名,年龄,人员类别\n张三,40,脱贫户\n') });
  await page.waitForFunction(() => document.getElementById('batch-source')?.textContent.includes('1 人'), null, { timeout: 20000 });
  await page.click('#batch-start');
  await page.waitForSelector('#batch-summary', { timeout: 20000 });
  const mb = peak();
  console.log(`    ${what}: the tab's peak resident memory ${mb.toFixed(0)} MB`);
  assert(mb > 0 && mb < 512, `${what}: the tab took ${mb.toFixed(0)} MB`);
}

test('giants, each in a fresh tab: a 100 MB CSV read in slices (the page answering within 100 ms), 1,000,000 rows (.xlsx), 16,384 columns: what was left out said, subsidy-check screen named, the page still usable, the tab under 512 MB', async () => {
  // A 100 MB CSV (1,100,000 people): read in slices while the page keeps answering; the rows past
  // the page's limit are left out with a note naming subsidy-check screen, and the rest is never read.
  const csvPath = writeLines('giant.csv', '姓名,年龄,人员类别,备注\r\n', 1_100_000, (i) => `名${i},${20 + (i % 40)},脱贫户,${'x'.repeat(70)}\r\n`);
  let lag;
  try {
    const size = readFileSync(csvPath).length;
    assert(size >= 100 * 1000 * 1000, `the CSV is ${size} bytes`);
    const { context, page, peak } = await openMeasured(DESKTOP);
    await startProbe(page);
    const t0 = Date.now();
    await page.setInputFiles('#batch-file', csvPath);
    await page.waitForFunction(() => document.getElementById('batch-source')?.textContent.includes(' 人'), null, { timeout: 120000 });
    lag = await stopProbe(page);
    console.log(`    100 MB CSV: read in ${Date.now() - t0} ms; the page's longest wait for input while it loaded ${lag} ms`);
    const source = await page.locator('#batch-source').innerText();
    assert(source.includes('99999 人'), source); // 100,000 rows of the file: the header and 99,999 people
    const read = await page.locator('#batch-read').innerText();
    assert(read.includes('超过 100000 行') && read.includes('subsidy-check screen'), read.slice(0, 600));
    await stillUsable(page, peak, '100 MB CSV');
    await context.close();
  } finally {
    rmSync(csvPath, { force: true });
  }
  // Issue 27's goal, 100 ms: the text is read in 16 KB parts and the browser given its turn every
  // 12 ms. Measured on this 2-core machine shared with other builds (load average 3–7): 32–79 ms;
  // with a turn per 128 KB slice 46–66 ms at load 6.5 and 58–151 ms at load 11–13, 965 ms when the
  // file was read whole. The figure follows the machine's load more than the page.
  assert(lag < 100, `the page kept input waiting ${lag} ms while the CSV loaded`);

  // 1,000,000 rows in a workbook: the first 100,000 read, the rest named.
  {
    const million = [];
    million.push('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>年龄</t></is></c></row>');
    for (let r = 2; r <= 1_000_001; r++) million.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>名${r}</t></is></c><c r="B${r}"><v>40</v></c></row>`);
    million.push('</sheetData></worksheet>');
    // Picked from the disk, as a user picks it (a buffer would travel through the tab as base64).
    const bigPath = join(tmpdir(), `staff-batch-${process.pid}-million.xlsx`);
    writeFileSync(bigPath, workbookOf(million.join(''), '<sst/>'));
    million.length = 0;
    const { context, page, peak } = await openMeasured(DESKTOP);
    await page.setInputFiles('#batch-file', bigPath);
    await page.waitForFunction(() => document.getElementById('batch-source')?.textContent.includes('99999 人'), null, { timeout: 180000 });
    rmSync(bigPath, { force: true });
    const read = await page.locator('#batch-read').innerText();
    assert(read.includes('超过 100000 行') && read.includes('subsidy-check screen'), read.slice(0, 600));
    await stillUsable(page, peak, '1,000,000 rows (.xlsx)');
    await context.close();
  }

  // 16,384 columns (A to XFD): the first 512 read, the rest named.
  {
    const row = (r, text) => `<row r="${r}">${Array.from({ length: 16384 }, (_, c) => `<c r="${letters(c)}${r}" t="inlineStr"><is><t>${text(c)}</t></is></c>`).join('')}</row>`;
    const wide = `<worksheet><sheetData>${row(1, (c) => (c === 0 ? '姓名' : c === 1 ? '年龄' : `列${c}`))}${row(2, (c) => (c === 0 ? '张三' : c === 1 ? '40' : 'x'))}${row(3, (c) => (c === 0 ? '李四' : c === 1 ? '50' : 'y'))}</sheetData></worksheet>`;
    const { context, page, peak } = await openMeasured(DESKTOP);
    await page.setInputFiles('#batch-file', { name: '宽表.xlsx', mimeType: 'application/octet-stream', buffer: workbookOf(wide, '<sst/>') });
    await page.waitForFunction(() => document.getElementById('batch-source')?.textContent.includes('2 人'), null, { timeout: 60000 });
    const read = await page.locator('#batch-read').innerText();
    assert(read.includes('第 513 列及以后的列没有读取'), read.slice(0, 600));
    eq(await page.locator('#batch-columns select').count(), 512, 'columns offered');
    eq(await page.inputValue('#batch-column-1'), 'age', 'a column picker keeps its match');
    await stillUsable(page, peak, '16,384 columns');
    await context.close();
  }
});

test('100,000 rows screen and export in the page: the tab under 300 MB, the page answering within 100 ms while it screens (150 ms while it exports)', async () => {
  // 100,000 rows, the page's limit: the header and 99,999 people.
  const list = people(99999, 5, { numbers: false });
  const csvPath = writeLines('100k.csv', '', list.rows.length, (i) => toCsv([list.rows[i]], '\r\n'));
  const { context, page, peak } = await openMeasured(DESKTOP);
  try {
    await page.setInputFiles('#batch-file', csvPath);
    await page.waitForFunction(() => document.getElementById('batch-source')?.textContent.includes('99999 人'), null, { timeout: 120000 });
    const read = peak();
    await mapColumns(page);
    await page.fill('#batch-date', AS_OF);
    // The page's longest wait for input while it screens, and while it writes each export.
    await startProbe(page);
    await page.click('#batch-start');
    await page.waitForSelector('#batch-summary', { timeout: 600000 });
    const lags = { screening: await stopProbe(page) };
    const speed = await page.locator('#batch-speed').innerText();
    const screened = peak();
    const screenedWasm = await wasmMb(page);
    await startProbe(page);
    const xlsxOut = await download(page, '#batch-export-xlsx');
    lags['.xlsx export'] = await stopProbe(page);
    const afterXlsx = peak();
    eq(readXlsx(xlsxOut.bytes).length, 100000, 'exported rows (.xlsx)');
    await startProbe(page);
    const csvOut = await download(page, '#batch-export-csv');
    lags['CSV export'] = await stopProbe(page);
    eq(csvOut.bytes.toString('utf8').split('\r\n').length, 100001, 'exported lines (.csv)');
    const mb = peak();
    const wasm = await wasmMb(page);
    console.log(`    100,000 rows in the page: ${speed}; the tab's peak resident memory ${mb.toFixed(0)} MB (${read.toFixed(0)} MB read, ${screened.toFixed(0)} MB screened, ${afterXlsx.toFixed(0)} MB after the .xlsx export of ${(xlsxOut.bytes.length / 1e6).toFixed(1)} MB, then the CSV's of ${(csvOut.bytes.length / 1e6).toFixed(1)} MB); its wasm memory ${screenedWasm.toFixed(0)} MB screened, ${wasm.toFixed(0)} MB at the end`);
    console.log(`    the page's longest wait for input: ${Object.entries(lags).map(([what, ms]) => `${what} ${ms} ms`).join(', ')}`);
    // Issue 27's goal, 300 MB. Measured: 245–253 MB screened, 262–269 MB after both exports (each
    // written a slice at a time and handed to the browser in 1 MB pieces); 361–375 MB when the
    // exports were built whole, 571 MB before issue 27.
    assert(mb > 0 && mb < 300, `the tab took ${mb.toFixed(0)} MB`);
    // The goal is 100 ms throughout. Measured (12 ms slices): screening 26–77 ms; the exports 35–98
    // ms, their longest waits at their ends (the browser collecting the pieces' garbage, the
    // download handed over), so they are held to 150 ms; built whole, the .xlsx export kept the
    // page waiting 6.9–7.2 s and the CSV's 0.8–1.2 s.
    assert(lags.screening < 100, `the page kept input waiting ${lags.screening} ms while it screened`);
    for (const what of ['.xlsx export', 'CSV export']) assert(lags[what] < 150, `the page kept input waiting ${lags[what]} ms during the ${what}`);
  } finally {
    rmSync(csvPath, { force: true });
  }
  await context.close();
});

test('empty, header-only and unreadable files get a clear message; pasted cells are read', async () => {
  const { context, page } = await openList(PHONE);
  await page.setInputFiles('#batch-file', { name: '空.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await page.waitForSelector('#batch-message');
  assert((await page.locator('#batch-message').innerText()).includes('空文件'), 'empty file');
  await page.setInputFiles('#batch-file', { name: '表头.csv', mimeType: 'text/csv', buffer: Buffer.from('姓名,年龄\r\n') });
  await page.waitForFunction(() => document.getElementById('batch-message')?.textContent.includes('没有读到人员'));
  await page.setInputFiles('#batch-file', { name: '坏.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04garbage') });
  await page.waitForFunction(() => document.getElementById('batch-message')?.textContent.includes('损坏'));
  await page.setInputFiles('#batch-file', { name: '旧.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) });
  await page.waitForFunction(() => document.getElementById('batch-message')?.textContent.includes('.xls'));
  await page.click('details.paste summary');
  await page.fill('#batch-paste', '姓名\t年龄\t脱贫属性\n张三\t45\t脱贫户\n李四\t五十\t监测户\n');
  await page.click('#batch-paste-read');
  await page.waitForFunction(() => document.getElementById('batch-source')?.textContent.includes('2 人'));
  await page.click('#batch-start');
  await page.waitForSelector('#batch-summary');
  const problems = await page.locator('#batch-problems li').allInnerTexts();
  eq(problems.length, 1, 'one bad cell');
  assert(problems[0].startsWith('第 3 行 李四') && problems[0].includes('“年龄”'), problems[0]);
  await context.close();
});

test('10,000 rows: the page answers while they are evaluated; rows per second', async () => {
  const list = people(10000, 99, { numbers: false });
  const expected = cliCounts(list.facts, AS_OF);
  const text = toCsv(list.rows, '\n');
  const { context, page } = await openList(DESKTOP);
  await load(page, '全镇名单.csv', 'text/csv', Buffer.from(text, 'utf8'), 10000);
  await mapColumns(page);
  await page.fill('#batch-date', AS_OF);
  await page.click('#batch-start');
  // While it runs: a click opens the paste box, and the page answers within a frame or two. The
  // click is the page's own (Playwright's checks before a click take longer than the whole run of
  // about half a second), handled as soon as the page gives the browser its turn.
  const state = await page.evaluate(() => {
    document.querySelector('details.paste summary').click();
    return [document.querySelector('details.paste').open, document.getElementById('batch-progress').value];
  });
  assert(state[0], 'the paste box did not open during the run');
  assert(state[1] < 10000, `the run was over before the click was answered (${state[1]})`);
  let slowest = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.evaluate(() => document.getElementById('batch-progress')?.value ?? 0);
    slowest = Math.max(slowest, Date.now() - t0);
  }
  assert(slowest < 500, `the page took ${slowest} ms to answer during the run`);
  await page.waitForSelector('#batch-summary', { timeout: 300000 });
  const speed = await page.locator('#batch-speed').innerText();
  console.log(`    10,000 rows in the browser: ${speed}; slowest answer during the run ${slowest} ms`);
  eq(sorted(await pageCounts(page)), sorted(expected.counts), 'counts per benefit and status (page vs subsidy-check)');
  await context.close();
});

// E2E_ONLY=words runs only the tests whose names contain them (a quick loop while working).
if (process.env.E2E_ONLY) tests.splice(0, tests.length, ...tests.filter((t) => t.name.includes(process.env.E2E_ONLY)));
await runSuite(browser, tests, log, origin);
