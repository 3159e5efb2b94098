// Days over weeks through the UI contract (issue 14): dated days with night ratings, the week's
// average and the history chart, reload and a second tab, the browser asked to keep the data,
// the backup status, and a year of days.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, openApp, servedApp, showSection, storedDays } from './support.mjs';

const app = servedApp();

/** Adds `quantity` cups of whole almonds (386 mg a cup) to the day on screen. */
async function addAlmonds(page, quantity) {
  await page.getByTestId('food-search').fill('almonds');
  await page.getByTestId('food-result').filter({ has: page.getByText('Nuts, almonds', { exact: true }) }).click();
  await page.getByTestId('quantity-input').fill(quantity);
  await page.getByTestId('add-food').click();
}

/** Opens `date`'s day, adds almonds and rates the night. */
async function recordDay(page, date, cups, rating, expectedFoodMg) {
  await showSection(page, 'day');
  await page.getByTestId('day-date').fill(date);
  await expectValue(page, 'total-food-mg', 0);
  await addAlmonds(page, cups);
  await expectValue(page, 'total-food-mg', expectedFoodMg);
  await page.getByTestId('symptom-rating').fill(String(rating));
}

/** The history chart's bars and night dots, as [date, rating] pairs. */
async function chartFacts(page) {
  const chart = page.getByTestId('history-chart');
  await chart.waitFor();
  return {
    bars: await chart.locator('g.day-bar').count(),
    dots: await chart
      .locator('circle.rating-dot')
      .evaluateAll((dots) => dots.map((d) => [d.getAttribute('data-date'), d.getAttribute('data-rating')])),
  };
}

async function expectHistory(page) {
  await showSection(page, 'history');
  await page.getByTestId('week-average-mg').waitFor();
  // (386 + 193 + 772) / 3 = 450.3 mg over the three days that have entries.
  assert.equal(await page.getByTestId('week-average-mg').innerText(), '450 mg a day over 3 days with entries');
  assert.deepEqual(await chartFacts(page), {
    bars: 3,
    dots: [
      ['2025-03-01', '2'],
      ['2025-03-02', '6'],
      ['2025-03-03', '4'],
    ],
  });
}

describe('days over weeks', () => {
  test('three dated days with ratings give the average and the chart, after a reload and in a second tab', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    await recordDay(page, '2025-03-01', '1', 2, 386);
    await recordDay(page, '2025-03-02', '0.5', 6, 193);
    await recordDay(page, '2025-03-03', '2', 4, 772);
    await expectHistory(page);
    // Days without entries are gaps, not zeros: the text equivalent says so for each.
    const table = await page.getByTestId('history-table').innerText();
    assert.match(table, /no entries/);

    await page.reload();
    await page.getByTestId('total-mg').waitFor();
    await expectHistory(page);

    const second = await context.newPage();
    await second.goto(app.server.url);
    await second.getByTestId('total-mg').waitFor();
    await expectHistory(second);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the browser is asked to keep the data once there is something worth keeping', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    // Record every call, and answer as a browser that keeps the data once asked.
    await context.addInitScript(() => {
      window.persistCalls = [];
      const storage = navigator.storage;
      let kept = false;
      storage.persisted = async () => {
        window.persistCalls.push('persisted');
        return kept;
      };
      storage.persist = async () => {
        window.persistCalls.push('persist');
        kept = true;
        return true;
      };
    });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByTestId('total-mg').waitFor();
    await page.getByTestId('food-search').waitFor();
    assert.deepEqual(await page.evaluate(() => window.persistCalls), [], 'an empty first visit asks nothing');

    await page.getByTestId('day-date').fill('2025-03-01');
    await addAlmonds(page, '1');
    await expectValue(page, 'total-food-mg', 386);
    await page.waitForFunction(() => window.persistCalls.includes('persist'));
    assert.deepEqual(await page.evaluate(() => window.persistCalls), ['persisted', 'persist']);
    await showSection(page, 'plans');
    const status = await page.getByTestId('backup-status').innerText();
    assert.match(status, /not been exported from this browser/);
    assert.match(status, /agreed not to clear them/);
    await context.close();
  });

  test('a year of days loads, switches day by day and offers an export', async () => {
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const year = storedDays('2026-11-30', 365);
    await context.addInitScript((text) => {
      if (!localStorage.getItem('magnesium-planner.plan')) localStorage.setItem('magnesium-planner.plan', text);
    }, year);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(app.server.url);
    await page.getByTestId('total-mg').waitFor();
    assert.equal(await page.getByTestId('day-date').inputValue(), '2026-11-30');
    // The totals need the food table.
    await page.getByTestId('food-search').waitFor();
    // The day picker keeps the search box in the phone's first screen (issue 15).
    const box = await page.getByTestId('food-search').boundingBox();
    assert.ok(box.y + box.height <= 844, `the search box ends at ${box.y + box.height} px`);
    const dayTotal = await page.getByTestId('total-mg').innerText();
    await page.getByTestId('day-before').click();
    assert.equal(await page.getByTestId('day-date').inputValue(), '2026-11-29');
    assert.equal(await page.getByTestId('total-mg').innerText(), dayTotal, 'every day holds the same foods');
    assert.equal(await page.getByTestId('symptom-rating').inputValue(), String(363 % 11));

    await showSection(page, 'history');
    assert.equal(await page.getByTestId('week-average-mg').innerText().then((t) => /over 7 days with entries$/.test(t)), true);
    await page.getByTestId('history-span').selectOption('90');
    assert.equal((await chartFacts(page)).bars, 90);

    // 365 days are in no file: the day column offers an export, and doing it is recorded.
    await showSection(page, 'day');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-now').click();
    assert.match((await download).suggestedFilename(), /^magnesium-plans-\d{4}-\d{2}-\d{2}\.json$/);
    await page.getByTestId('export-now').waitFor({ state: 'detached' });
    await showSection(page, 'plans');
    assert.match(await page.getByTestId('backup-status').innerText(), /^Last exported on /);
    // The address keeps the section, so the reload opens on the plans.
    await page.reload();
    await page.getByTestId('backup-status').waitFor();
    assert.match(await page.getByTestId('backup-status').innerText(), /^Last exported on /, 'kept across a reload');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
