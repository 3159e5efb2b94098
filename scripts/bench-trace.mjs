// The main thread's long tasks during a cold load, as Lighthouse's mobile run sees them: a
// Chromium performance trace with the CPU slowed four times, from navigation until the food
// table is ready and the page has been quiet for a second. Lists every task of 50 ms or more
// with what filled it (self time by trace event, largest first), and marks those begun while the
// food table loaded (after its request, until the search box appeared). Tasks begun before the
// first contentful paint are the browser's own (committing the navigation, the static shell's
// first style, layout and paint), which any page has (BENCHMARKS.md, "Long tasks of a cold
// load"); those begun after it are about what Lighthouse's total blocking time counts (it also
// clips a task that straddles the paint, and stops at the page's time to interactive): the app's
// start and renders, the table's reading, and their style and layout.
// Usage: node scripts/bench-trace.mjs [dist-dir] [loads] [--json file]
//   YEAR_DAYS=365 loads a returning visitor's page instead: that many dated days already saved,
//   as scripts/bench-year.mjs stores them.
//   3 loads by default (after one uncounted warm-up), each in a fresh browser context (so
//   nothing is cached); the network is loopback, so the trace shows the CPU's work, not the
//   download.
// Prints the tasks of each load and one summary line; asserts nothing. Run by scripts/bench.sh.

import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium, serveDirectory, storedDays } from '../tests/e2e/support.mjs';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const [dist = 'dist', loadsText = '3'] = args;
const loads = Number(loadsText);
const CPU_SLOWDOWN = 4;
const LONG_TASK_MS = 50;
const yearDays = Number(process.env.YEAR_DAYS ?? 0);
/** Where the app keeps its plan book (`PLAN_KEY` in src/storage.rs), and a saved year for it. */
const PLAN_KEY = 'magnesium-planner.plan';
const savedDays = yearDays > 0 ? storedDays('2026-11-30', yearDays) : null;

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
];

/** Long tasks of the page's main thread in a trace, with the events directly inside each. */
function longTasks(trace, navigationStartUs) {
  const events = trace.traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur > 0);
  const runTasks = onMain.filter((e) => e.name === 'RunTask');
  // Only outermost tasks: a nested run loop's tasks are part of the task that spun it.
  const outermost = runTasks.filter(
    (e) => !runTasks.some((o) => o !== e && o.pid === e.pid && o.tid === e.tid && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur),
  );
  const tasks = outermost.filter((e) => e.dur >= LONG_TASK_MS * 1000 && e.ts >= navigationStartUs);
  return tasks.map((task) => {
    const end = task.ts + task.dur;
    const inside = onMain
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    // Self time by event name: each event's duration less that of the events directly inside
    // it, so wrappers (the scheduler's RunTask, microtask checkpoints) show only their own
    // time and the work shows under its own name: script and wasm (FunctionCall,
    // RunMicrotasks), style (UpdateLayoutTree), Layout, Paint, compiling, parsing.
    const selfMs = new Map();
    const open = [];
    const add = (event, ms) => selfMs.set(event.name, (selfMs.get(event.name) ?? 0) + ms);
    for (const e of inside) {
      while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
      if (open.length) add(open.at(-1), -e.dur / 1000);
      add(e, e.dur / 1000);
      open.push(e);
    }
    const what = [...selfMs]
      .filter(([, ms]) => ms >= 1)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`);
    return { startMs: (task.ts - navigationStartUs) / 1000, durationMs: task.dur / 1000, what };
  });
}

const server = await serveDirectory(resolve(dist));
const browser = await launchChromium();
const all = [];
try {
  // Load 0 is a warm-up, not counted: the server compresses each file on its first request.
  for (let i = 0; i <= loads; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    if (savedDays) {
      await context.addInitScript(
        ([key, text]) => {
          if (!localStorage.getItem(key)) localStorage.setItem(key, text);
        },
        [PLAN_KEY, savedDays],
      );
    }
    // When the search box appears: the catalog is built and the page has rendered it.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid=food-search]')) {
          window.__tableReadyMs = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(server.url);
    await page.getByTestId('food-search').waitFor({ timeout: 60000 });
    await page.waitForTimeout(1000);
    const readyMs = await page.evaluate(() => window.__tableReadyMs);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    await context.close();
    const navigation = trace.traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
    const navigationUs = navigation?.ts ?? 0;
    const tableRequest = trace.traceEvents.find(
      (e) => e.name === 'ResourceSendRequest' && /\/foods[^/]*\.tsv$/.test(e.args?.data?.url ?? ''),
    );
    const tableRequestMs = tableRequest ? (tableRequest.ts - navigationUs) / 1000 : NaN;
    const firstPaint = trace.traceEvents.find((e) => e.name === 'firstContentfulPaint');
    if (!firstPaint) throw new Error('the trace has no firstContentfulPaint: the page painted nothing');
    const firstPaintMs = (firstPaint.ts - navigationUs) / 1000;
    const tasks = longTasks(trace, navigationUs).map((t) => ({
      ...t,
      // Begun while the table loads: after its request (so not the task that made it) and
      // until the page has rendered the search box.
      duringTable: t.startMs >= tableRequestMs && t.startMs <= readyMs,
      afterFirstPaint: t.startMs >= firstPaintMs,
    }));
    if (i === 0) continue;
    all.push(tasks);
    console.log(
      `load ${i}: ${tasks.length} tasks of ${LONG_TASK_MS} ms or more, ` +
        `${tasks.filter((t) => t.duringTable).length} while the table loads ` +
        `(requested at ${tableRequestMs.toFixed(0)} ms, search box at ${readyMs.toFixed(0)} ms), ` +
        `${tasks.filter((t) => t.afterFirstPaint).length} after the first paint (at ${firstPaintMs.toFixed(0)} ms)`,
    );
    for (const t of tasks) {
      console.log(
        `  ${t.duringTable ? 'table' : t.afterFirstPaint ? '  app' : '     '} at ${t.startMs.toFixed(0)} ms: ${t.durationMs.toFixed(0)} ms (${t.what.join(', ')})`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const counts = all.map((tasks) => tasks.length).sort((a, b) => a - b);
const totals = all.map((tasks) => tasks.reduce((sum, t) => sum + t.durationMs, 0)).sort((a, b) => a - b);
const longest = all.map((tasks) => Math.max(0, ...tasks.map((t) => t.durationMs))).sort((a, b) => a - b);
const mid = (xs) => xs[Math.floor((xs.length - 1) / 2)];
const table = all.map((tasks) => tasks.filter((t) => t.duringTable));
const app = all.map((tasks) => tasks.filter((t) => t.afterFirstPaint));
const appCounts = app.map((tasks) => tasks.length).sort((a, b) => a - b);
const appLongest = app.map((tasks) => Math.max(0, ...tasks.map((t) => t.durationMs))).sort((a, b) => a - b);
const appTotals = app.map((tasks) => tasks.reduce((sum, t) => sum + t.durationMs, 0)).sort((a, b) => a - b);
const tableCounts = table.map((tasks) => tasks.length).sort((a, b) => a - b);
const tableTotals = table.map((tasks) => tasks.reduce((sum, t) => sum + t.durationMs, 0)).sort((a, b) => a - b);
console.log(
  `trace dist=${dist} loads=${loads} saved_days=${yearDays} cpu_slowdown=${CPU_SLOWDOWN} long_tasks_median=${mid(counts)} ` +
    `while_table_loads_median=${mid(tableCounts)} while_table_loads_ms_median=${mid(tableTotals).toFixed(0)} ` +
    `long_tasks_total_ms_median=${mid(totals).toFixed(0)} longest_ms_median=${mid(longest).toFixed(0)} ` +
    `long_task_counts=${counts.join(',')} after_first_paint_median=${mid(appCounts)} ` +
    `after_first_paint_ms_median=${mid(appTotals).toFixed(0)} ` +
    `after_first_paint_longest_ms_median=${mid(appLongest).toFixed(0)} ` +
    `after_first_paint_counts=${appCounts.join(',')}`,
);
if (jsonFile) await writeFile(jsonFile, JSON.stringify(all, null, 1));
