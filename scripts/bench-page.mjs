// Page-level benchmarks against a release build served on 127.0.0.1, in headless Chromium:
//   startup:   cold loads (a fresh browser context each) from navigation to the first search
//              returning results on the full table;
//   keystroke: each query of benches/everyday-queries.tsv typed one letter at a time, timing the search
//              plus Yew's render plus style and layout (what must fit in one 16 ms frame);
//   plan-edit: a saved plan of 100 foods and 2 supplement doses, whose quantities are edited in
//              place one after another, timing each edit until the new total is shown and painted.
// Usage: node scripts/bench-page.mjs <startup|keystroke|plan-edit> [dist-dir] [runs or edits]
//   (10 start-up runs, 40 edits by default)
//   SLOW_4G=1 throttles start-up to Lighthouse's mobile network (1.6 Mbps down, 150 ms RTT).
// Prints one line of figures and asserts no time; plan-edit stops with an error rather than
// print figures if the page did not show the plan it was given or a wrong total after an edit.
// Run by scripts/bench.sh.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium, serveDirectory } from '../tests/e2e/support.mjs';

const [mode = 'keystroke', dist = 'dist', runsText] = process.argv.slice(2);
const runs = Number(runsText ?? (mode === 'plan-edit' ? 40 : 10));

const median = (xs) => percentile(xs, 0.5);
function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.round((sorted.length - 1) * p)];
}
const ms = (x) => x.toFixed(1);

// Runs in the page before the app: when the search box appears (the food table is loaded and
// indexed), types "almonds" at once and records when the first result is in the DOM.
function watchStartup() {
  window.__bench = {};
  const observer = new MutationObserver(() => {
    if (window.__bench.app === undefined && document.querySelector('[data-testid=target-mg]')) {
      window.__bench.app = performance.now();
    }
    const box = document.querySelector('[data-testid=food-search]');
    if (box && window.__bench.ready === undefined) {
      window.__bench.ready = performance.now();
      box.value = 'almonds';
      box.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
    if (window.__bench.ready !== undefined && window.__bench.results === undefined &&
        document.querySelector('[data-testid=food-result]')) {
      window.__bench.results = performance.now();
    }
    // The profile's figures may come in the render after the first screen's, after the
    // results when the table is built in: watch until both are there.
    if (window.__bench.results !== undefined && window.__bench.app !== undefined) {
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Where the app keeps its plan book in localStorage (`PLAN_KEY` in src/storage.rs). */
const PLAN_KEY = 'magnesium-planner.plan';
const MEALS = ['breakfast', 'lunch', 'dinner', 'snacks'];
const PLAN_FOOD_COUNT = 100;
/** Elemental magnesium of the two doses in the seeded plan, in mg. */
const DOSE_AMOUNTS_MG = [150, 100];

/**
 * The foods of data/foods.tsv as rows: its blocks (data/README.md) are one line per food each,
 * the n-th line of every block belonging to the n-th food.
 */
function readFoodTable(text) {
  const lines = text.split('\n');
  const count = Number(lines.find((line) => line.startsWith('@foods\t')).split('\t')[1]);
  const column = (title) => {
    const start = lines.indexOf(title) + 1;
    return lines.slice(start, start + count);
  };
  let ndb = 0;
  // After the first food's number, each line is the step from the previous one; empty is 1.
  const ndbs = column('@ndb').map((step) => (ndb += step === '' ? 1 : Number(step)));
  const magnesium = column('@magnesium_mg_per_100g');
  // Each description line is one digit, how many leading ", "-separated parts it shares with
  // the previous description, then the other parts, those of digits alone given by their number
  // in the list @frequent_parts.
  const partsAt = lines.findIndex((line) => line.startsWith('@frequent_parts\t'));
  const frequentParts = lines.slice(partsAt + 1, partsAt + 1 + Number(lines[partsAt].split('\t')[1]));
  let previous = [];
  const descriptions = column('@description').map((line) => {
    const rest = line
      .slice(1)
      .split(', ')
      .map((part) => (/^[0-9]+$/.test(part) ? frequentParts[Number(part)] : part));
    const parts = [...previous.slice(0, Number(line[0])), ...rest];
    previous = parts;
    return parts.join(', ');
  });
  return ndbs.map((number, i) => ({
    ndb: number,
    description: descriptions[i],
    magnesiumMgPer100g: Number(magnesium[i] || 0),
  }));
}

/**
 * Foods for the big plan, spread evenly over data/foods.tsv, each with at least 20 mg of
 * magnesium per 100 g so that every edit (one more or one fewer 100 g) changes the shown total.
 */
async function planFoods(count) {
  const foods = readFoodTable(await readFile('data/foods.tsv', 'utf8')).filter(
    (food) => food.magnesiumMgPer100g >= 20,
  );
  const step = Math.floor(foods.length / count);
  return Array.from({ length: count }, (_, i) => foods[i * step]);
}

/**
 * The app's own stored plan book, written by the app after one food and one dose were added
 * through the UI; the big plan is made from it so it is in exactly the format the app writes.
 */
async function storedBookFromTheApp(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('food-search').fill('almonds');
  await page.getByTestId('food-result').first().click();
  await page.getByTestId('add-food').click();
  await page.getByTestId('supplement-amount').fill(String(DOSE_AMOUNTS_MG[0]));
  await page.getByTestId('supplement-basis').selectOption('elemental');
  await page.getByTestId('add-supplement').click();
  await page.waitForFunction((key) => /"doses":\[\{/.test(localStorage.getItem(key) ?? ''), PLAN_KEY);
  const text = await page.evaluate((key) => localStorage.getItem(key), PLAN_KEY);
  await context.close();
  const book = JSON.parse(text);
  const plan = book?.data?.plans?.[0];
  // Plan book formats 2 to 6 keep a plan's foods and doses in the same shape (saved.rs).
  if (![2, 3, 4, 5, 6].includes(book?.version) || plan?.entries?.length !== 1 || plan?.doses?.length !== 1) {
    throw new Error(`the app stored a plan book this benchmark does not know: ${text}`);
  }
  return book;
}

/** The stored book turned into one plan of `foods` (one 100 g each) and two doses. */
function bigBook(book, foods) {
  const plan = book.data.plans[0];
  const [entry] = plan.entries;
  const [dose] = plan.doses;
  plan.name = `${foods.length} foods`;
  plan.entries = foods.map((food, i) => ({
    ...entry,
    id: i,
    ndb: food.ndb,
    portion_label: '100 g',
    portion_grams: 100,
    quantity: 1,
    meal: MEALS[i % MEALS.length],
  }));
  plan.doses = DOSE_AMOUNTS_MG.map((amount_mg, i) => ({ ...dose, id: foods.length + i, amount_mg }));
  plan.next_id = foods.length + DOSE_AMOUNTS_MG.length;
  return book;
}

/** The day's total as the page shows it, in whole mg. */
function expectedTotalMg(foods, quantities) {
  const foodMg = foods.reduce((sum, food, i) => sum + (food.magnesiumMgPer100g * quantities[i]), 0);
  return Math.round(foodMg + DOSE_AMOUNTS_MG.reduce((a, b) => a + b, 0));
}

const firstNumber = (text) => Number(/\d+/.exec(text)?.[0]);

/**
 * Runs in the page: edits the quantity of row (i * 37) % 100 for each edit i (37 walks over
 * every row before coming back), toggling it between 1 and 2. Each edit is made at the start of
 * a frame (in requestAnimationFrame), so the time does not include waiting for the display's
 * next frame, and is timed until the total's text has changed (a MutationObserver) and until the
 * frame showing it is painted (a task posted from requestAnimationFrame runs after that frame's
 * paint). Rows are shown by meal, not in the plan's order, so each edit reports its food by the
 * quantity field's label.
 */
async function timeEdits(edits) {
  // Resolves after the paint of the next frame, having run `atFrameStart` in its rAF callback.
  const paintOfNextFrame = (atFrameStart = () => {}) =>
    new Promise((done) =>
      requestAnimationFrame(() => {
        atFrameStart();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  const totalText = () => document.querySelector('[data-testid=total-mg]')?.textContent ?? '';
  const out = [];
  for (let i = 0; i < edits; i += 1) {
    const rows = document.querySelectorAll('[data-testid=plan-entry]');
    const input = rows[(i * 37) % rows.length].querySelector('input[type=number]');
    const quantity = input.value === '1' ? 2 : 1;
    const before = totalText();
    let shownAt = null;
    // The whole body is watched: the total's element could be replaced rather than changed.
    const observer = new MutationObserver(() => {
      if (shownAt === null && totalText() !== before) shownAt = performance.now();
    });
    observer.observe(document.body, { childList: true, characterData: true, subtree: true });
    let start = 0;
    let paintedAt = await paintOfNextFrame(() => {
      start = performance.now();
      input.value = String(quantity);
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    for (let frames = 1; shownAt === null; frames += 1) {
      if (frames > 300) throw new Error(`the total did not change within 300 frames of edit ${i}`);
      paintedAt = await paintOfNextFrame();
    }
    observer.disconnect();
    const food = input.labels[0]?.textContent.replace(/^Quantity of /, '');
    out.push({
      food,
      quantity,
      shownMs: shownAt - start,
      paintedMs: paintedAt - start,
      total: totalText(),
    });
    await paintOfNextFrame(); // lets saving and any late work settle before the next edit
  }
  return out;
}

async function planEdit(browser, url) {
  const foods = await planFoods(PLAN_FOOD_COUNT);
  const book = bigBook(await storedBookFromTheApp(browser, url), foods);
  const context = await browser.newContext();
  await context.addInitScript(
    ([key, text]) => {
      if (!sessionStorage.getItem('bench-seeded')) {
        localStorage.setItem(key, text);
        sessionStorage.setItem('bench-seeded', '1');
      }
    },
    [PLAN_KEY, JSON.stringify(book)],
  );
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('food-search').waitFor();
  const quantities = foods.map(() => 1);
  const rowCount = await page.getByTestId('plan-entry').count();
  const doseCount = await page.getByTestId('supplement-entry').count();
  const loadedTotal = firstNumber(await page.getByTestId('total-mg').innerText());
  if (rowCount !== foods.length || doseCount !== DOSE_AMOUNTS_MG.length ||
      loadedTotal !== expectedTotalMg(foods, quantities)) {
    throw new Error(
      `the seeded plan did not load: ${rowCount} rows, ${doseCount} doses, total ${loadedTotal} ` +
        `(expected ${foods.length}, ${DOSE_AMOUNTS_MG.length}, ${expectedTotalMg(foods, quantities)})`,
    );
  }
  const results = await page.evaluate(timeEdits, runs);
  await context.close();
  // Every edit must have shown the right total, or the timing measured something else.
  const indexOf = new Map(foods.map((food, i) => [food.description, i]));
  for (const { food, quantity, total } of results) {
    if (!indexOf.has(food)) throw new Error(`an edited row names a food not in the plan: ${food}`);
    quantities[indexOf.get(food)] = quantity;
    const expected = expectedTotalMg(foods, quantities);
    if (Math.abs(firstNumber(total) - expected) > 1) {
      throw new Error(`after editing ${food} the page showed ${total}, expected ${expected} mg`);
    }
  }
  const shown = results.map((r) => r.shownMs);
  const painted = results.map((r) => r.paintedMs);
  console.log(
    `plan-edit dist=${dist} entries=${foods.length} doses=${DOSE_AMOUNTS_MG.length} edits=${runs} ` +
      `shown_median_ms=${ms(median(shown))} shown_p95_ms=${ms(percentile(shown, 0.95))} ` +
      `painted_median_ms=${ms(median(painted))} painted_p95_ms=${ms(percentile(painted, 0.95))} ` +
      `painted_max_ms=${ms(Math.max(...painted))} over_16ms=${painted.filter((t) => t > 16).length}`,
  );
}

const server = await serveDirectory(resolve(dist));
const browser = await launchChromium();
try {
  if (mode === 'startup') {
    const app = [];
    const ready = [];
    const results = [];
    const slow = Boolean(process.env.SLOW_4G);
    // Run 0 is a warm-up, not counted: the server compresses each file on its first request.
    for (let i = 0; i <= runs; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (slow) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 150,
          downloadThroughput: (1.6 * 1024 * 1024) / 8,
          uploadThroughput: (750 * 1024) / 8,
        });
      }
      await page.addInitScript(watchStartup);
      await page.goto(server.url);
      await page.waitForFunction(
        () => window.__bench?.results !== undefined && window.__bench?.app !== undefined,
        null,
        { timeout: 30000 },
      );
      const figures = await page.evaluate(() => window.__bench);
      await context.close();
      if (i === 0) continue;
      app.push(figures.app);
      ready.push(figures.ready);
      results.push(figures.results);
    }
    console.log(
      `startup dist=${dist} runs=${runs} network=${slow ? 'slow-4g' : 'loopback'} ` +
        `app_usable_median_ms=${ms(median(app))} table_ready_median_ms=${ms(median(ready))} ` +
        `first_results_median_ms=${ms(median(results))} min_ms=${ms(Math.min(...results))} ` +
        `max_ms=${ms(Math.max(...results))}`,
    );
  } else if (mode === 'plan-edit') {
    await planEdit(browser, server.url);
  } else {
    const queries = (await readFile('benches/everyday-queries.tsv', 'utf8'))
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t')[0]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('food-search').waitFor();
    const times = await page.evaluate(async (queries) => {
      const box = document.querySelector('[data-testid=food-search]');
      // A macrotask: Yew finishes rendering in microtasks after the input event.
      const yieldToEventLoop = () =>
        new Promise((done) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => done();
          channel.port2.postMessage(null);
        });
      const out = [];
      for (const query of queries) {
        for (let end = 1; end <= query.length; end += 1) {
          const start = performance.now();
          box.value = query.slice(0, end);
          box.dispatchEvent(new InputEvent('input', { bubbles: true }));
          await yieldToEventLoop();
          void document.body.offsetHeight; // forces style and layout of the new results
          out.push(performance.now() - start);
          await new Promise((done) => requestAnimationFrame(() => done()));
        }
      }
      return out;
    }, queries);
    const over = times.filter((t) => t > 16).length;
    console.log(
      `keystroke dist=${dist} queries=${queries.length} keystrokes=${times.length} ` +
        `median_ms=${ms(median(times))} p95_ms=${ms(percentile(times, 0.95))} ` +
        `max_ms=${ms(Math.max(...times))} over_16ms=${over}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
