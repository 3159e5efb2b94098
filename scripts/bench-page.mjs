// Page-level benchmarks against a release build served on 127.0.0.1, in headless Chromium:
//   startup:   cold loads (a fresh browser context each) from navigation to the first search
//              returning results on the full table;
//   keystroke: each query of benches/everyday-queries.tsv typed one letter at a time, timing the search
//              plus Yew's render plus style and layout (what must fit in one 16 ms frame).
// Usage: node scripts/bench-page.mjs <startup|keystroke> [dist-dir] [runs]
//   SLOW_4G=1 throttles start-up to Lighthouse's mobile network (1.6 Mbps down, 150 ms RTT).
// Prints one line of figures; asserts nothing. Run by scripts/bench.sh.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium, serveDirectory } from '../tests/e2e/support.mjs';

const [mode = 'keystroke', dist = 'dist', runsText = '10'] = process.argv.slice(2);
const runs = Number(runsText);

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
    if (window.__bench.ready !== undefined && document.querySelector('[data-testid=food-result]')) {
      window.__bench.results = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
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
      await page.waitForFunction(() => window.__bench?.results !== undefined, null, { timeout: 30000 });
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
