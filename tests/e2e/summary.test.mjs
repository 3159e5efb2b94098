// The doctor's summary through the UI contract: three dated days with food, a dose, a medicine
// too close to it and night ratings, entered as a person would; `doctor-summary` opens the
// summary alone on the page with the right means, the dose, the warning and the nights; printed
// by Chromium to PDF it takes at most 2 pages on A4 and on Letter. The PDFs are kept in
// target/summary-print/ to be looked at.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApp, servedApp, showSection } from './support.mjs';

const app = servedApp();
const OUT_DIR = fileURLToPath(new URL('../../target/summary-print/', import.meta.url));
const SEEDS = 'Seeds, pumpkin and squash seed kernels, roasted, without salt';

/** Adds 1 oz of roasted pumpkin seed kernels (156 mg) to the day on screen. */
async function addSeeds(page) {
  await showSection(page, 'day');
  await page.getByTestId('food-search').fill('pumpkin seeds');
  await page.getByTestId('food-result').filter({ has: page.getByText(SEEDS, { exact: true }) }).click();
  await page.getByTestId('portion-select').selectOption({ label: '1 oz (28.35 g)' });
  await page.getByTestId('add-food').click();
}

/** Opens `date` with the date field and waits until it is the day on screen. */
async function openDay(page, date) {
  await showSection(page, 'day');
  await page.getByTestId('day-date').fill(date);
  await page.waitForFunction(
    (d) => document.querySelector('[data-testid="day-date"]')?.value === d,
    date,
  );
}

/** Rates the night of the day on screen. */
async function rate(page, points) {
  await showSection(page, 'day');
  await page.getByTestId('symptom-rating').fill(String(points));
}

/** Lists a medicine by its group's option value, at `time` (empty for none). */
async function addMedicine(page, group, time) {
  await showSection(page, 'supplements');
  await page.getByTestId('medicine-select').selectOption(group);
  await page.getByTestId('medicine-time').fill(time);
  await page.getByTestId('add-medicine').click();
}

/** Adds a dose of magnesium citrate, `amount` mg of magnesium, at `time`. */
async function addDose(page, amount, time) {
  await showSection(page, 'supplements');
  await page.getByTestId('supplement-amount').fill(amount);
  await page.getByTestId('supplement-basis').selectOption('elemental');
  await page.getByTestId('supplement-time').fill(time);
  await page.getByTestId('add-supplement').click();
}

/** Prints the page to PDF on A4 and on Letter, keeps the files, and returns their page counts. */
async function printedPages(page, name) {
  await mkdir(OUT_DIR, { recursive: true });
  const pages = {};
  for (const format of ['A4', 'Letter']) {
    // page.pdf prints with the print stylesheet, as the browser's own printing does.
    const pdf = await page.pdf({ format, printBackground: true });
    await writeFile(`${OUT_DIR}${name}-${format}.pdf`, pdf);
    pages[format] = pageCount(pdf);
  }
  return pages;
}

/**
 * The pages of a PDF: Chromium writes each page as an object of `/Type /Page` (the page tree's
 * nodes are `/Type /Pages`, which the lookahead leaves out).
 */
function pageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describe("the doctor's summary", () => {
  test('three rated days give the right means, and the summary prints on at most 2 pages', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    await addMedicine(page, 'tetracyclines', '08:00');
    await openDay(page, '2025-03-01');
    await addSeeds(page);
    await rate(page, 6);
    await addDose(page, '200', '09:00');
    await page.getByTestId('interaction-warning').waitFor();

    await openDay(page, '2025-03-02');
    await addSeeds(page);
    await rate(page, 4);
    await openDay(page, '2025-03-03');
    await addSeeds(page);
    await rate(page, 2);

    await showSection(page, 'history');
    const link = page.getByTestId('doctor-summary');
    assert.equal(await link.evaluate((a) => a.tagName), 'A', 'a real link');
    assert.match(await link.getAttribute('href'), /#view=summary$/);
    await link.click();
    await page.getByTestId('summary').waitFor();

    // The summary is alone: no bar of sections, no site header, no food search.
    assert.equal(await page.getByTestId('nav-day').count(), 0);
    assert.equal(await page.getByTestId('food-search').count(), 0);
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.match(page.url(), /#view=summary$/);

    // The 30 days ending on the day on screen, in the figures "Did it help?" shows a period.
    const figures = await page.getByTestId('summary').locator('.period').innerText();
    for (const expected of [
      /Sunday 2 February 2025 to Monday 3 March 2025/,
      /From food, mean a day\s+156 mg/,
      // 200 mg on one day of the three with entries.
      /From supplements, mean a day\s+67 mg/,
      /Total, mean a day\s+223 mg/,
      /Days with entries\s+3/,
      /Mean night rating\s+4\.0 of 10/,
      /Nights rated 5 or more\s+1/,
      /Nights rated\s+3/,
    ]) {
      assert.match(figures, expected);
    }
    assert.match(await page.getByTestId('summary-profile').innerText(), /US values · aim \d+ mg · supplements at most 350 mg/);
    assert.deepEqual(await page.getByTestId('summary-dose').allInnerTexts(), [
      'Magnesium citrate: 200 mg of magnesium · 09:00',
    ]);
    assert.match(await page.getByTestId('medicine-entry').innerText(), /Tetracycline antibiotics \(doxycycline, minocycline\) · 08:00/);
    assert.match(
      await page.getByTestId('interaction-warning').innerText(),
      /200 mg dose of magnesium citrate at 09:00 is 1 hour after your tetracycline antibiotic at 08:00/i,
    );
    const chart = page.getByTestId('summary').getByTestId('history-chart');
    assert.equal(await chart.locator('g.day-bar').count(), 3);
    assert.deepEqual(
      await chart.locator('circle.rating-dot').evaluateAll((dots) => dots.map((d) => d.dataset.rating)),
      ['6', '4', '2'],
    );
    assert.match(await page.getByTestId('summary-question').innerText(), /ferritin and transferrin saturation/);
    assert.match(await page.getByTestId('summary-question').innerText(), /AASM clinical practice guideline 2024/);

    // On paper: no controls, and at most 2 pages on A4 and on Letter.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('summary-print').isVisible(), false);
    assert.equal(await page.getByTestId('summary-back').isVisible(), false);
    await mkdir(OUT_DIR, { recursive: true });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${OUT_DIR}summary-print-media.png`, fullPage: true });
    const pages = await printedPages(page, 'summary');
    for (const [format, count] of Object.entries(pages)) {
      assert.ok(count >= 1 && count <= 2, `${format}: ${count} pages`);
    }
    await page.emulateMedia({ media: null });

    // Back to History by the back link.
    await page.getByTestId('summary-back').click();
    await page.getByTestId('doctor-summary').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a busy month, seven medicines and three doses, still prints on at most 2 pages', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    for (const [group, time] of [
      ['levothyroxine', '06:00'],
      ['bisphosphonates', '07:00'],
      ['quinolones', '08:00'],
      ['oral-iron', '12:00'],
      ['gabapentin', '20:00'],
      ['proton-pump-inhibitors', ''],
      ['potassium-sparing-diuretics', ''],
    ]) {
      await addMedicine(page, group, time);
    }
    for (const [date, points] of [['2025-03-01', 7], ['2025-03-02', 5], ['2025-03-03', 3]]) {
      await openDay(page, date);
      await addSeeds(page);
      await rate(page, points);
    }
    await addDose(page, '150', '07:30');
    await addDose(page, '150', '13:00');
    await addDose(page, '100', '21:00');
    await showSection(page, 'history');
    await page.getByTestId('doctor-summary').click();
    await page.getByTestId('summary').waitFor();
    assert.equal(await page.getByTestId('summary-dose').count(), 3);
    assert.equal(await page.getByTestId('medicine-entry').count(), 7);
    assert.ok((await page.getByTestId('interaction-warning').count()) >= 3);
    assert.equal(await page.getByTestId('medicine-advice').count(), 2);
    const pages = await printedPages(page, 'summary-busy');
    for (const [format, count] of Object.entries(pages)) {
      assert.ok(count >= 1 && count <= 2, `${format}: ${count} pages`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
