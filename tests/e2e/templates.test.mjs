// Usual meals on a phone (issue 13, item 4), through the UI contract and the panel's hooks: a
// breakfast kept as a template and added whole to another day, lunch copied from another day in
// one step, bad input refused beside its field with nothing saved, and templates carried by an
// export into a fresh profile.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectValue, openApp, servedApp, showSection } from './support.mjs';

const app = servedApp();
const PHONE = { width: 390, height: 844 };

const SEEDS = 'Seeds, pumpkin and squash seed kernels, roasted, without salt';
const SPINACH = 'Spinach, cooked, boiled, drained, without salt';

/** Searches, picks the food named exactly `name`, and adds `quantity` of `portion` to `meal`. */
async function addFood(page, query, name, portion, quantity, meal) {
  await page.getByTestId('food-search').fill(query);
  await page.getByTestId('food-result').filter({ has: page.getByText(name, { exact: true }) }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
  await page.getByTestId('portion-select').selectOption({ label: portion });
  await page.getByTestId('quantity-input').fill(quantity);
  await page.getByTestId('meal-select').selectOption(meal);
  await page.getByTestId('add-food').click();
}

/** Opens the day of `date` and waits for its (empty or not) food total. */
async function openDay(page, date, foodMg) {
  await page.getByTestId('day-date').fill(date);
  await expectValue(page, 'total-food-mg', foodMg);
}

/** Opens "Copy or reuse a meal" unless it is open already. */
async function openUsualMeals(page) {
  const panel = page.locator('details.usual-meals');
  if ((await panel.getAttribute('open')) === null) {
    await panel.locator('summary').click();
  }
  await panel.getByTestId('usual-meals-status').waitFor({ state: 'attached' });
}

/** What the panel last said it did. */
async function status(page) {
  return page.getByTestId('usual-meals-status').innerText();
}

describe('usual meals', () => {
  test('a template adds a whole breakfast to another day', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, PHONE);
    await openDay(page, '2025-03-03', 0);
    await addFood(page, 'pumpkin seeds', SEEDS, '1 oz (28.35 g)', '1', 'breakfast');
    await addFood(page, 'spinach boiled', SPINACH, '1 cup (180 g)', '1', 'breakfast');
    await expectValue(page, 'total-food-mg', 313);

    await openUsualMeals(page);
    await page.getByLabel('Meal to keep').selectOption('breakfast');
    await page.getByLabel('Template name').fill('  Usual   breakfast ');
    await page.getByTestId('save-template').click();
    assert.equal(await status(page), 'Kept Breakfast\'s 2 foods as the template “Usual breakfast”.');
    assert.equal(await page.getByTestId('template-name').inputValue(), '', 'the name is cleared');

    // Another day, empty: the whole breakfast comes in one step, into breakfast.
    await openDay(page, '2025-03-04', 0);
    await openUsualMeals(page);
    assert.equal(await page.getByTestId('template-pick').inputValue(), 'Usual breakfast');
    assert.equal(await page.getByTestId('template-into').inputValue(), 'breakfast');
    await page.getByTestId('add-template').click();
    await expectValue(page, 'total-food-mg', 313);
    assert.equal(await status(page), 'Added 2 foods from “Usual breakfast” to Breakfast.');
    const breakfast = page.getByRole('region', { name: /^Breakfast/ });
    assert.equal(await breakfast.getByTestId('plan-entry').count(), 2);
    assert.match(await breakfast.innerText(), /Seeds, pumpkin/);
    assert.match(await breakfast.innerText(), /Spinach/);

    // The template and the day both survive a reload; the first day is as it was.
    await page.reload();
    await expectValue(page, 'total-food-mg', 313);
    assert.equal(await page.getByTestId('day-date').inputValue(), '2025-03-04');
    await openDay(page, '2025-03-03', 313);
    await openUsualMeals(page);
    assert.match(await page.getByLabel('Template', { exact: true }).innerText(), /Usual breakfast \(2 foods\)/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('lunch is copied from another day in one step, after what the day has', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, PHONE);
    await openDay(page, '2025-03-01', 0);
    await addFood(page, 'pumpkin seeds', SEEDS, '1 oz (28.35 g)', '2', 'lunch');
    await addFood(page, 'spinach boiled', SPINACH, '1 cup (180 g)', '1', 'dinner');
    await expectValue(page, 'total-food-mg', 468);
    await openDay(page, '2025-03-02', 0);
    await addFood(page, 'spinach boiled', SPINACH, '1 cup (180 g)', '0.5', 'breakfast');
    await expectValue(page, 'total-food-mg', 78);

    await openUsualMeals(page);
    // The day before is offered first.
    assert.match(
      await page.getByTestId('copy-source').locator('option:checked').innerText(),
      /Saturday 1 March 2025/,
    );
    await page.getByTestId('copy-part').selectOption('lunch');
    await page.getByTestId('copy-plan').click();
    // 2 oz of seeds (312 mg) join the day's own 78 mg; the dinner stays behind.
    await expectValue(page, 'total-food-mg', 390);
    assert.equal(await status(page), 'Added 1 food to Lunch from Saturday 1 March 2025.');
    assert.equal(await page.getByRole('region', { name: /^Lunch/ }).getByTestId('plan-entry').count(), 1);
    assert.equal(await page.getByRole('region', { name: /^Dinner/ }).getByTestId('plan-entry').count(), 0);

    // The whole day brings its dinner too (and its lunch again: a copy adds, never replaces).
    await page.getByTestId('copy-part').selectOption('day');
    await page.getByTestId('copy-plan').click();
    await expectValue(page, 'total-food-mg', 859);
    assert.equal(await status(page), 'Added 2 foods from Saturday 1 March 2025.');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bad input is refused beside its field and nothing is saved', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, PHONE);
    await openDay(page, '2025-03-05', 0);
    await openUsualMeals(page);
    // Nothing to copy from yet, and an empty meal cannot be kept.
    assert.equal(await page.getByTestId('copy-plan').count(), 0);
    await page.getByLabel('Meal to keep').selectOption('dinner');
    await page.getByTestId('save-template').click();
    const mealError = page.locator('#template-meal-error');
    await mealError.waitFor();
    assert.equal(await mealError.getAttribute('role'), 'alert');
    assert.match(await mealError.innerText(), /Dinner has no foods yet/);
    assert.equal(await page.getByTestId('template-meal').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('template-meal').getAttribute('aria-describedby'), 'template-meal-error');
    assert.match(await page.locator('#template-name-error').innerText(), /Give the template a name/);

    await addFood(page, 'spinach boiled', SPINACH, '1 cup (180 g)', '1', 'dinner');
    await expectValue(page, 'total-food-mg', 157);
    for (const [name, reason] of [
      ['x'.repeat(10_000), /Keep it to 80 characters/],
      [' \u200b\u202e\u2066 ', /Give the template a name/],
    ]) {
      await page.getByTestId('template-name').fill(name);
      await page.getByTestId('save-template').click();
      const nameError = page.locator('#template-name-error');
      await nameError.waitFor();
      assert.match(await nameError.innerText(), reason);
      assert.equal(await page.getByTestId('template-name').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByTestId('template-name').getAttribute('aria-describedby'), 'template-name-error');
      // The refused field has the focus, and what was typed stays.
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'template-name');
      assert.equal(await page.getByTestId('template-name').inputValue(), name);
      assert.equal(await page.getByTestId('template-pick').count(), 0, 'no template was kept');
    }
    assert.equal(await page.locator('#template-meal-error').count(), 0, 'dinner has a food now');
    const saved = await page.evaluate(() => localStorage.getItem('magnesium-planner.settings') ?? '');
    assert.doesNotMatch(saved, /templates/);

    // Odd but visible Unicode is a name: direction overrides are dropped, the rest kept.
    await page.getByTestId('template-name').fill('Abendessen \u202e🥗 夕食');
    await page.getByTestId('save-template').click();
    assert.equal(await status(page), 'Kept Dinner\'s 1 food as the template “Abendessen 🥗 夕食”.');
    assert.equal(await page.locator('[role=alert]').count(), 0);

    // Copying an empty meal from another day is refused beside "What".
    await openDay(page, '2025-03-06', 0);
    await page.getByTestId('copy-part').selectOption('breakfast');
    await page.getByTestId('copy-plan').click();
    const copyError = page.locator('#copy-part-error');
    await copyError.waitFor();
    assert.match(await copyError.innerText(), /Breakfast of Wednesday 5 March 2025 has no foods/);
    assert.equal(await page.getByTestId('copy-part').getAttribute('aria-invalid'), 'true');
    await expectValue(page, 'total-food-mg', 0);

    // Deleting the template says so and leaves the day it came from alone.
    await page.getByTestId('delete-template').click();
    assert.match(await status(page), /Deleted the template “Abendessen 🥗 夕食”/);
    assert.equal(await page.getByTestId('template-pick').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'template-name', 'the focus stays in the panel');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('an export carries the templates into a fresh profile, where one adds the same meal', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, PHONE);
    await openDay(page, '2025-03-07', 0);
    await addFood(page, 'pumpkin seeds', SEEDS, '1 oz (28.35 g)', '1', 'snacks');
    await openUsualMeals(page);
    await page.getByLabel('Meal to keep').selectOption('snacks');
    await page.getByLabel('Template name').fill('Seeds');
    await page.getByTestId('save-template').click();
    await page.getByTestId('template-pick').waitFor();
    await showSection(page, 'plans');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
    const file = join(tmpdir(), `templates-${process.pid}-${Date.now()}.json`);
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.deepEqual(exported.settings.templates.map((t) => [t.name, t.foods.length]), [['Seeds', 1]]);
    await context.close();

    const fresh = await openApp(app.browser, app.server.url, PHONE);
    await showSection(fresh.page, 'plans');
    await fresh.page.getByTestId('import-plan').setInputFiles(file);
    await fresh.page.getByRole('status').filter({ hasText: /kept 1 meal template/ }).waitFor();
    await showSection(fresh.page, 'day');
    await openDay(fresh.page, '2025-03-08', 0);
    await openUsualMeals(fresh.page);
    assert.equal(await fresh.page.getByTestId('template-into').inputValue(), 'snacks');
    await fresh.page.getByTestId('add-template').click();
    await expectValue(fresh.page, 'total-food-mg', 156);
    await fresh.context.close();
  });
});
