// Turns the raw output of scripts/bench.sh (target/bench/*.txt) into Markdown tables and
// writes them into BENCHMARKS.md between its "bench.sh writes" markers, leaving the prose
// around them alone. Usage: node scripts/bench-report.mjs <raw-output-dir> <BENCHMARKS.md>

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [dir, target] = process.argv.slice(2);
const BEGIN = '<!-- bench.sh writes from here; edit nothing up to the matching marker -->';
const END = '<!-- bench.sh writes up to here -->';

const read = async (name) => (await readFile(join(dir, name), 'utf8')).trim();

/** The `key=value` fields of one line of an instrument's output; values may hold spaces. */
function fields(line) {
  const out = {};
  for (const [, key, value] of line.matchAll(/(\w+)=(.*?)(?=\s+\w+=|$)/g)) out[key] = value.trim();
  return out;
}

/** The output lines that start with `prefix`, as fields. */
const linesOf = (text, prefix) =>
  text.split('\n').filter((l) => l.startsWith(prefix)).map(fields);

const machine = fields((await read('machine.txt')).split('\n').join(' '));
const sizes = await read('sizes.txt');
const sizesEmbedded = await read('sizes-embedded.txt');
const search = await read('search.txt');
const keystroke = linesOf(await read('keystroke.txt'), 'keystroke')[0];
const startup = linesOf(await read('startup.txt'), 'startup');
const planEdit = linesOf(await read('plan-edit.txt'), 'plan-edit')[0];
const criterion = await read('criterion.txt');
const lighthouse = linesOf(await read('lighthouse.txt'), 'lighthouse')[0];
const traceText = await read('trace.txt');
const trace = linesOf(traceText, 'trace')[0];

const ours = linesOf(search, 'BENCH search_per_keystroke')[0];
const fuse = linesOf(search, 'BENCH fuse_per_keystroke');
const ratios = linesOf(search, 'BENCH fuse_over_ours');
const accuracy = linesOf(search, 'BENCH top3_accuracy')[0];
const misses = search.split('\n').filter((l) => l.startsWith('BENCH fuse_misses'));
for (const [what, found] of [
  ['our search', ours], ['Fuse.js timings', fuse[0]], ['Fuse.js ratios', ratios[0]], ['top-3 accuracy', accuracy],
  ['keystrokes', keystroke], ['start-up', startup[0]], ['plan edits', planEdit], ['Lighthouse', lighthouse],
  ['long tasks', trace],
]) {
  if (!found) throw new Error(`bench-report: no ${what} figures in ${dir}; did an instrument fail?`);
}

const out = [];
const say = (...lines) => out.push(...lines);

say(
  BEGIN,
  '## Latest figures',
  '',
  `Measured by \`scripts/bench.sh\` on ${machine.date} at commit ${machine.commit}: ` +
    `${machine.cores} cores, ${machine.memory}, headless Chromium ${machine.chromium} (Debian), ` +
    `rustc ${machine.rustc}; load averages (1/5/15 minutes) ${machine.load_start ?? 'not recorded'} ` +
    `at the start and ${machine.load_end ?? 'not recorded'} at the end, the run itself included. Timings are medians with their spread (95th percentile and ` +
    'maximum, or minimum–maximum); each comparison is a ratio measured in one run. The raw ' +
    'output is in `target/bench/` after a run.',
  '',
  '### Goals of issues 7 and 15 against this run',
  '',
  '| goal | this run | met |',
  '|---|---|---|',
  ...goals(),
  '',
  '### Release build sizes and budgets',
  '',
  'Command: `node scripts/sizes.mjs dist --check` (the test command runs it too). KB = 1,000 ' +
    'bytes; gzip at level 9, brotli at quality 11. The icons and manifest are fetched when the ' +
    'app is installed, not on the first visit.',
  '',
  ...sizes.split('\n').filter((l) => l.startsWith('|')),
  '',
  ...sizes.split('\n').filter((l) => l.startsWith('size budget')).map((l) => `- ${l}`),
  `- embedded-table variant (\`--features embedded-food-table\`): ${sizesEmbedded
    .split('\n')
    .filter((l) => /first visit|_bg\.wasm/.test(l))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()))
    .map(([file, , raw, gzip, brotli]) => `${file.replace(/\*/g, '')} ${raw} KB raw, ${gzip} KB gzip, ${brotli} KB brotli`)
    .join('; ')}`,
  '',
  '### Food search, per keystroke',
  '',
  `Every query of \`benches/everyday-queries.tsv\` (${ours.queries}) typed one letter at a time: ` +
    `${ours.keystrokes} keystrokes over the whole table. "Search alone" and Fuse.js run in the ` +
    'same page on the same foods (`tests/bench_search.rs`); "search + render" types into the ' +
    'real page (`node scripts/bench-page.mjs keystroke dist`).',
  '',
  '| what | median | p95 | max | building its index |',
  '|---|---:|---:|---:|---:|',
  `| this app's search alone (repeated 20 times a keystroke, mean taken) | ${ours.median_ms} ms | ${ours.p95_ms} ms | ${ours.max_ms} ms | ${ours.index_ms} ms (+ ${ours.parse_ms} ms reading the table) |`,
  ...fuse.map(
    (f) =>
      `| Fuse.js ${f.fuse}, ${f.setup} (once a keystroke) | ${f.median_ms} ms | ${f.p95_ms} ms | ${f.max_ms} ms | ${f.index_ms} ms |`,
  ),
  `| this app: search + Yew render + style and layout | ${keystroke.median_ms} ms | ${keystroke.p95_ms} ms | ${keystroke.max_ms} ms | |`,
  '',
  ...ratios.map(
    (r) =>
      `- Fuse.js (${r.setup}) takes ${r.median_of_keystroke_ratios} as long as this app's search ` +
      `per keystroke (median of per-keystroke ratios; ratio of medians ${r.ratio_of_medians}, of totals ${r.ratio_of_totals}).`,
  ),
  `- Intended food in the top three, of ${accuracy.queries} queries: this app ${accuracy.ours}; ` +
    Object.entries(accuracy)
      .filter(([k]) => k.startsWith('fuse_'))
      .map(([k, v]) => `Fuse.js ${k.slice(5)} ${v}`)
      .join(', ') +
    '.',
  ...misses.map((l) => `- ${l.replace(/^BENCH fuse_misses setup=(\S+) /, 'Fuse.js $1 misses: ')}`),
  `- Keystrokes over one 16 ms frame with rendering: ${keystroke.over_16ms} of ${keystroke.keystrokes}.`,
  '',
  '### Start-up, fetched table against embedded',
  '',
  'Command: `node scripts/bench-page.mjs startup <dist> <loads>` (`SLOW_4G=1` for Lighthouse\'s ' +
    'slow 4G: 1.6 Mbps, 150 ms round trip). Cold loads, a fresh browser context each, the first ' +
    'load dropped; from navigation to the app usable (profile rendered), the table ready (search ' +
    'box rendered) and the first search for "almonds" showing results.',
  '',
  '| build | network | loads | app usable | table ready | first results | min–max |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...startup.map(
    (s) =>
      `| ${s.dist === 'dist' ? 'fetched table (the release)' : 'table embedded in the wasm'} | ${s.network} | ${s.runs} | ` +
      `${s.app_usable_median_ms} ms | ${s.table_ready_median_ms} ms | ${s.first_results_median_ms} ms | ${s.min_ms}–${s.max_ms} ms |`,
  ),
  '',
  '### Editing a plan of 100 foods',
  '',
  'Command: `node scripts/bench-page.mjs plan-edit dist`: a saved plan of ' +
    `${planEdit.entries} foods and ${planEdit.doses} doses; ${planEdit.edits} quantity edits, each ` +
    'timed from the change to the new total-mg shown, and to the next frame painted.',
  '',
  '| to | median | p95 | max | over 16 ms |',
  '|---|---:|---:|---:|---:|',
  `| new total in the page | ${planEdit.shown_median_ms} ms | ${planEdit.shown_p95_ms} ms | | |`,
  `| new total painted | ${planEdit.painted_median_ms} ms | ${planEdit.painted_p95_ms} ms | ${planEdit.painted_max_ms} ms | ${planEdit.over_16ms} of ${planEdit.edits} |`,
  '',
  '### Long tasks of a cold load',
  '',
  `Command: \`node scripts/bench-trace.mjs dist ${trace.loads}\`: a Chromium performance trace of ` +
    `${trace.loads} cold loads (after one uncounted) with the CPU slowed ${trace.cpu_slowdown} times, ` +
    'from navigation until the food table is ready and the page has been quiet for a second; ' +
    'tasks of the main thread of 50 ms or more; those begun after the first contentful paint, ' +
    'about what Lighthouse\'s total blocking time counts (before it come the browser\'s own: committing ' +
    'the navigation and the static shell\'s first layout, which a page of one paragraph has too); ' +
    'and those that fell between the table\'s request and the search box appearing.',
  '',
  '| | tasks of 50 ms or more (median) | their total | longest | per load |',
  '|---|---:|---:|---:|---:|',
  `| all | ${trace.long_tasks_median} | ${trace.long_tasks_total_ms_median} ms | ${trace.longest_ms_median} ms | ${trace.long_task_counts} |`,
  `| after the first paint | ${trace.after_first_paint_median} | ${trace.after_first_paint_ms_median} ms | ` +
    `${trace.after_first_paint_longest_ms_median} ms | ${trace.after_first_paint_counts} |`,
  `| while the table loads | ${trace.while_table_loads_median} | ${trace.while_table_loads_ms_median} ms | | |`,
  '',
  'The tasks of the median load, with what filled each (self time by trace event):',
  '',
  ...medianLoadTasks(traceText),
  '',
  '### Native domain benches (Criterion)',
  '',
  'Command: `cargo bench --locked --bench domain` (release profile, native, no browser). ' +
    "Criterion's estimate with its 95 % confidence interval.",
  '',
  '| bench | estimate | interval |',
  '|---|---:|---:|',
  ...criterionRows(criterion),
  '',
  '### Lighthouse',
  '',
  'Command: `node scripts/bench-lighthouse.mjs dist 5`: Lighthouse 12, mobile preset (simulated ' +
    'slow 4G and a 4x slower CPU), median of 5 runs with the range in brackets.',
  '',
  '| performance | accessibility | best practices | SEO | FCP ms | LCP ms | total blocking time ms |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  `| ${lighthouse.performance} | ${lighthouse.accessibility} | ${lighthouse.best_practices} | ${lighthouse.seo} | ${lighthouse.fcp_ms} | ${lighthouse.lcp_ms} | ${lighthouse.tbt_ms} |`,
  END,
);

/** Each goal with this run's figure and whether it is met. */
function goals() {
  // The leading number of a figure such as "809x (over 500 keystrokes)" or "96 (94–97)".
  const number = (text) => Number.parseFloat(String(text).replace(/^[^0-9.]+/, ''));
  const total = (label) => {
    const row = sizes.split('\n').find((l) => l.includes(label)) ?? '';
    return number(row.split('|')[4]);
  };
  const firstVisitKb = total('first visit');
  const slow4g = startup.find((s) => s.dist === 'dist' && s.network === 'slow-4g');
  const appCodeKb = total('app code');
  const fuseRatios = ratios.map((r) => number(r.median_of_keystroke_ratios));
  const fuseRight = Object.entries(accuracy)
    .filter(([k]) => k.startsWith('fuse_'))
    .map(([, v]) => number(v.split('/')[0]));
  const oursRight = number(accuracy.ours.split('/')[0]);
  const score = number;
  const row = (goal, figure, met) => `| ${goal} | ${figure} | ${met ? 'yes' : '**no**'} |`;
  return [
    row('first visit at most 350 KB gzip (issue 15; 450 in issue 7)', `${firstVisitKb} KB`, firstVisitKb <= 350),
    row(
      'first search results on slow 4G within 1.8 s (issue 15)',
      `${slow4g?.first_results_median_ms} ms`,
      number(slow4g?.first_results_median_ms) <= 1800,
    ),
    row('no task of 50 ms or more in a cold load at 4x CPU (issue 15)', `${trace.long_tasks_median}`, number(trace.long_tasks_median) === 0),
    row(
      'the same, of the tasks begun after the first paint',
      `${trace.after_first_paint_median}, the longest ${trace.after_first_paint_longest_ms_median} ms`,
      number(trace.after_first_paint_median) === 0,
    ),
    row('app code (wasm + JS + CSS) at most 200 KB gzip (issue 7)', `${appCodeKb} KB`, appCodeKb <= 200),
    row('search under 2 ms per keystroke (median)', `${ours.median_ms} ms`, number(ours.median_ms) < 2),
    row(
      'at least 5 times faster than Fuse.js',
      `${Math.min(...fuseRatios)}x or more`,
      fuseRatios.every((r) => r >= 5),
    ),
    row(
      'top-3 accuracy equal to or better than Fuse.js',
      `${accuracy.ours} against at best ${Math.max(...fuseRight)}/${accuracy.queries}`,
      fuseRight.every((r) => oursRight >= r),
    ),
    row('Lighthouse performance 100 (issue 15; at least 95 in issue 7)', lighthouse.performance, score(lighthouse.performance) === 100),
    row('Lighthouse accessibility 100', lighthouse.accessibility, score(lighthouse.accessibility) === 100),
    row('Lighthouse best practices 100', lighthouse.best_practices, score(lighthouse.best_practices) === 100),
    row('Lighthouse SEO 100 (issue 15)', lighthouse.seo, score(lighthouse.seo) === 100),
  ];
}

/**
 * The task lines of bench-trace's median load (by its count of long tasks), as a list; the
 * script prints each load's header, `load <n>: ...`, then its tasks indented.
 */
function medianLoadTasks(text) {
  const loads = [];
  for (const line of text.split('\n')) {
    if (/^load \d+:/.test(line)) loads.push({ header: line, tasks: [] });
    else if (/^\s+(table|app|\s+) at /.test(line) && loads.length > 0) loads.at(-1).tasks.push(line.trim());
  }
  if (loads.length === 0) return ['- (no loads in trace.txt)'];
  const sorted = [...loads].sort((a, b) => a.tasks.length - b.tasks.length);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return [
    `- ${median.header}`,
    ...median.tasks.map((t) => `  - ${t.replace(/^table /, 'while the table loads: ').replace(/^app /, 'after the first paint: ')}`),
  ];
}

/** Criterion prints a bench's name, then (on the same line or the next) `time: [lo mid hi]`. */
function criterionRows(text) {
  const rows = [];
  let name = null;
  for (const line of text.split('\n')) {
    const timed = line.match(/^(.*?)\s*time:\s+\[(\S+ \S+) (\S+ \S+) (\S+ \S+)\]/);
    if (timed) {
      const label = timed[1].trim() || name;
      if (label) rows.push(`| ${label} | ${timed[3]} | ${timed[2]} – ${timed[4]} |`);
      name = null;
    } else if (/^\S/.test(line) && !/^(Benchmarking|Found|Gnuplot|warning|Running|Compiling|Finished|\s)/.test(line)) {
      name = line.trim();
    }
  }
  if (rows.length === 0) throw new Error('no Criterion results found in criterion.txt');
  return rows;
}

const document = await readFile(target, 'utf8');
const start = document.indexOf(BEGIN);
const end = document.indexOf(END);
if (start < 0 || end < start) throw new Error(`${target} lacks the bench.sh markers`);
await writeFile(target, document.slice(0, start) + out.join('\n') + document.slice(end + END.length));
