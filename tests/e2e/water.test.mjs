// A person adds the water they drink through the UI contract, on a phone: a mineral water in
// litres, their tap water in glasses kept for next time, refusals beside the fields, and the
// water carried by export into a fresh profile.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectValue, openApp, servedApp, showSection } from './support.mjs';

const app = servedApp();
const PHONE = { width: 390, height: 844 };

/** Fills the water form through its hooks and adds it. */
async function addWater(page, mgPerLitre, amount, { name = '', glasses = false, keep = false } = {}) {
  if (name) await page.getByLabel('Which water (optional)').fill(name);
  await page.getByTestId('water-mg-per-l').fill(String(mgPerLitre));
  await page.getByTestId('water-litres').fill(String(amount));
  await page.getByLabel('Unit', { exact: true }).selectOption(glasses ? 'glasses' : 'litres');
  await page.getByLabel('Keep this water for next time').setChecked(keep);
  await page.getByTestId('add-water').click();
}

describe('water', () => {
  test('1.5 L of a 100 mg/L water adds 150 mg to food and nothing to supplements', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, PHONE);
    await addWater(page, 100, 1.5, { name: 'Mineral water' });
    const entry = page.getByTestId('water-entry');
    await entry.waitFor();
    assert.match(await entry.innerText(), /Mineral water/);
    assert.match(await entry.innerText(), /150 mg/);
    await expectValue(page, 'total-food-mg', 150);
    await expectValue(page, 'total-supplement-mg', 0);
    await expectValue(page, 'total-mg', 150);
    assert.equal(await page.getByTestId('ul-warning').count(), 0);

    // Tap water in glasses, kept for next time; the kept water fills the form after a reload.
    await addWater(page, 12, 6, { name: 'Our tap water', glasses: true, keep: true });
    await expectValue(page, 'total-food-mg', 168);
    await page.reload();
    await page.getByTestId('food-search').waitFor();
    assert.equal(await page.getByTestId('water-entry').count(), 2);
    await expectValue(page, 'total-food-mg', 168);
    await page.getByLabel('A water you keep').selectOption('Our tap water');
    assert.equal(await page.getByTestId('water-mg-per-l').inputValue(), '12');
    await page.getByTestId('water-litres').fill('0.5');
    await page.getByTestId('add-water').click();
    await expectValue(page, 'total-food-mg', 174);

    // Removing one takes out only its magnesium.
    await page.getByTestId('water-entry').filter({ hasText: 'Mineral water' })
      .getByTestId('remove-entry').click();
    await expectValue(page, 'total-food-mg', 24);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bad input is refused beside its field and nothing is added', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, PHONE);
    await addWater(page, 3000, 1);
    const mgError = page.locator('#water-mg-per-l-error');
    await mgError.waitFor();
    assert.match(await mgError.innerText(), /more than 2000 mg\/L/);
    assert.equal(await page.getByTestId('water-mg-per-l').getAttribute('aria-invalid'), 'true');
    // What was typed stays as typed.
    assert.equal(await page.getByTestId('water-mg-per-l').inputValue(), '3000');

    await page.getByTestId('water-mg-per-l').fill('20');
    await page.getByTestId('water-litres').fill('');
    await page.getByTestId('add-water').click();
    await page.locator('#water-litres-error').waitFor();

    await page.getByLabel('Which water (optional)').fill('x'.repeat(10_000));
    await page.getByTestId('water-litres').fill('1');
    await page.getByTestId('add-water').click();
    await page.locator('#water-name-error').waitFor();
    assert.equal(await page.getByTestId('water-entry').count(), 0);
    await expectValue(page, 'total-food-mg', 0);
    await context.close();
  });

  test('an export carries the water into a fresh profile, where the day totals the same', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, PHONE);
    await page.getByTestId('day-date').fill('2026-11-30');
    await addWater(page, 100, 1.5, { name: 'Mineral water', keep: true });
    await expectValue(page, 'total-food-mg', 150);
    await showSection(page, 'plans');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
    const file = join(tmpdir(), `water-${process.pid}-${Date.now()}.json`);
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.deepEqual(exported.settings.waters, [{ name: 'Mineral water', mg_per_litre: 100 }]);
    await context.close();

    const fresh = await openApp(app.browser, app.server.url, PHONE);
    await showSection(fresh.page, 'plans');
    await fresh.page.getByTestId('import-plan').setInputFiles(file);
    await fresh.page.getByRole('status').filter({ hasText: /added 1 new day.*kept 1 water for reuse/ }).waitFor();
    await showSection(fresh.page, 'day');
    await fresh.page.getByTestId('day-date').fill('2026-11-30');
    await expectValue(fresh.page, 'total-food-mg', 150);
    await expectValue(fresh.page, 'total-supplement-mg', 0);
    assert.equal(await fresh.page.getByTestId('water-entry').count(), 1);
    await fresh.context.close();
  });
});
