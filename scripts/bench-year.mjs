// A year of days (issue 14): 365 dated days of 12 foods, 2 doses, a night rating and a note,
// saved as the app saves them. Measures what they take in localStorage in Chromium and Firefox,
// how long the page takes to open on them, and how long switching to the day before takes, from
// the tap to the new day painted, at full speed and at 4x CPU slowdown (Lighthouse's phone).
//
// Usage: node scripts/bench-year.mjs [dist-dir] [switches]   (after a release build)
// Prints lines of figures and asserts no time; it stops with an error if the days did not load.

import { resolve } from 'node:path';
import { launchChromium, serveDirectory, storedDays } from '../tests/e2e/support.mjs';

const [dist = 'dist', switchesText = '40'] = process.argv.slice(2);
const switches = Number(switchesText);
const PLAN_KEY = 'magnesium-planner.plan';
const LAST_DATE = '2026-11-30';
const DAYS = Number(process.env.YEAR_DAYS ?? 365);
const year = storedDays(LAST_DATE, DAYS);

const percentile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
const ms = (x) => x.toFixed(1);

/** Runs in the page: what the saved plans take once the app has written them back itself. */
function storedSize(key) {
  const text = localStorage.getItem(key) ?? '';
  return { units: text.length, bytes: new TextEncoder().encode(text).length, days: (text.match(/"date":/g) ?? []).length };
}

/**
 * Runs in the page: clicks "day before" `count` times, each at the start of a frame, and times
 * it until the date field shows the new day and until the frame showing it is painted.
 */
async function timeSwitches(count) {
  const paintOfNextFrame = (atFrameStart = () => {}) =>
    new Promise((done) =>
      requestAnimationFrame(() => {
        atFrameStart();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(null);
      }),
    );
  const field = () => document.querySelector('[data-testid=day-date]');
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const before = field().value;
    let start = 0;
    let paintedAt = await paintOfNextFrame(() => {
      start = performance.now();
      document.querySelector('[data-testid=day-before]').click();
    });
    for (let frames = 1; field().value === before; frames += 1) {
      if (frames > 300) throw new Error(`the day did not change within 300 frames of switch ${i}`);
      paintedAt = await paintOfNextFrame();
    }
    out.push(paintedAt - start);
    await paintOfNextFrame(); // lets saving settle before the next switch
  }
  return out;
}

const server = await serveDirectory(resolve(dist));
const browser = await launchChromium();
try {
  for (const slowdown of [1, 4]) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.addInitScript(
      ([key, text]) => {
        if (!sessionStorage.getItem('bench-seeded')) {
          localStorage.setItem(key, text);
          sessionStorage.setItem('bench-seeded', '1');
        }
      },
      [PLAN_KEY, year],
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    const started = Date.now();
    await page.goto(server.url);
    await page.getByTestId('food-search').waitFor({ timeout: 60000 });
    const openedMs = Date.now() - started;
    if ((await page.getByTestId('day-date').inputValue()) !== LAST_DATE) {
      throw new Error('the year of days did not load');
    }
    const size = await page.evaluate(storedSize, PLAN_KEY);
    if (size.days !== DAYS) throw new Error(`storage holds ${size.days} days, not ${DAYS}`);
    const times = await page.evaluate(timeSwitches, switches);
    console.log(
      `year chromium cpu_slowdown=${slowdown}x days=${size.days} stored_utf16_units=${size.units} ` +
        `stored_utf8_bytes=${size.bytes} opened_to_search_ms=${openedMs} switches=${switches} ` +
        `switch_painted_median_ms=${ms(percentile(times, 0.5))} switch_painted_p95_ms=${ms(percentile(times, 0.95))} ` +
        `switch_painted_max_ms=${ms(Math.max(...times))} over_16ms=${times.filter((t) => t > 16).length}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}

// Firefox: the same year, through its own WebDriver, for what its localStorage holds.
process.env.SE_OFFLINE = 'true';
const { startEngine } = await import('../tests/webdriver/engines.mjs');
const firefox = await startEngine('firefox');
try {
  const { driver } = firefox;
  await driver.get(server.url);
  await driver.executeScript((key, text) => localStorage.setItem(key, text), PLAN_KEY, year);
  await driver.navigate().refresh();
  const deadline = Date.now() + 60000;
  let size = null;
  // The app writes the plans back in its own format as soon as it has read them.
  while (Date.now() < deadline) {
    const ready = await driver.executeScript(
      () => document.querySelector('[data-testid=food-search]') !== null,
    );
    if (ready) {
      size = await driver.executeScript(`return (${storedSize})(arguments[0]);`, PLAN_KEY);
      break;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  if (!size || size.days !== DAYS) throw new Error(`Firefox did not load the year (${JSON.stringify(size)})`);
  console.log(`year firefox days=${size.days} stored_utf16_units=${size.units} stored_utf8_bytes=${size.bytes}`);
} finally {
  await firefox.quit();
  await server.close();
}
