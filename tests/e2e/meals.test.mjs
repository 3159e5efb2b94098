// A person builds a day of meals through the UI contract: search with the keyboard, pick,
// choose a portion, add, edit in place, remove, reload, and read the totals.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectValue,
  openApp,
  servedApp,
  showSection,
} from './support.mjs';

const app = servedApp();

/** Waits for the food table and types a query into the search box. */
async function search(page, query) {
  const box = page.getByTestId('food-search');
  await box.fill(query);
  await page.getByTestId('food-result').first().waitFor();
  return box;
}

/** Clicks the result whose name is exactly `name`. */
async function pick(page, query, name) {
  await search(page, query);
  await page.getByTestId('food-result').filter({ has: page.getByText(name, { exact: true }) }).click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
}

describe('a day of meals', () => {
  test('search, pick and add with the keyboard alone', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    const box = await search(page, 'pumpkin seed kernels roasted without salt');
    await box.press('ArrowDown');
    const first = page.getByTestId('food-result').first();
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    assert.equal(await box.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
    await box.press('Enter');
    await page.getByRole('heading', {
      name: 'Seeds, pumpkin and squash seed kernels, roasted, without salt',
    }).waitFor();

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'portion-select');
    await page.getByTestId('portion-select').selectOption({ label: '1 oz (28.35 g)' });
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'quantity-input');
    await page.keyboard.type('');
    await page.getByTestId('meal-select').selectOption('snacks');
    await page.getByTestId('add-food').focus();
    await page.keyboard.press('Enter');

    const entry = page.getByTestId('plan-entry');
    await entry.first().waitFor();
    assert.match(await entry.first().innerText(), /Seeds, pumpkin and squash seed kernels, roasted, without salt/);
    assert.match(await entry.first().innerText(), /156 mg/);
    await expectValue(page, 'total-food-mg', 156);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('add, edit in place, remove, and find it all after a reload', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await pick(page, 'pumpkin seeds', 'Seeds, pumpkin and squash seed kernels, roasted, without salt');
    await page.getByTestId('portion-select').selectOption({ label: '1 oz (28.35 g)' });
    await page.getByTestId('quantity-input').fill('1');
    await page.getByTestId('meal-select').selectOption('snacks');
    await page.getByTestId('add-food').click();

    await pick(page, 'spinach boiled', 'Spinach, cooked, boiled, drained, without salt');
    await page.getByTestId('portion-select').selectOption({ label: '1 cup (180 g)' });
    await page.getByTestId('quantity-input').fill('0.5');
    await page.getByTestId('meal-select').selectOption('dinner');
    await page.getByTestId('add-food').click();

    await expectValue(page, 'total-food-mg', 234);
    const spinach = page.getByTestId('plan-entry').filter({ hasText: 'Spinach' });
    assert.match(await spinach.innerText(), /78 mg/);

    // Edit the spinach in place: a whole cup.
    await spinach.getByRole('spinbutton').fill('1');
    await expectValue(page, 'total-food-mg', 313);

    // Remove the pumpkin seeds.
    await page.getByTestId('plan-entry').filter({ hasText: 'pumpkin' }).getByTestId('remove-entry').click();
    await expectValue(page, 'total-food-mg', 157);
    assert.equal(await page.getByTestId('plan-entry').count(), 1);

    await page.reload();
    await page.getByTestId('plan-entry').first().waitFor();
    assert.equal(await page.getByTestId('plan-entry').count(), 1);
    await expectValue(page, 'total-food-mg', 157);
    await context.close();
  });

  test('a quantity typed key by key is never rewritten: 1e9 stays 1e9 and is refused', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await pick(page, 'almonds', 'Nuts, almonds');
    const quantity = page.getByTestId('quantity-input');
    await quantity.fill('');
    // Half-way, "1e" is text the browser cannot read as a number: it reports an empty value,
    // and the page must leave the text alone (it once wrote the last number, "1", back).
    await quantity.pressSequentially('1e');
    await page.locator('[data-testid=quantity-input][aria-invalid=true]').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /as a number/);
    await quantity.pressSequentially('9');
    assert.equal(await quantity.inputValue(), '1e9');
    await page.locator('[data-testid=quantity-input][aria-invalid=true]').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /more than the 100 kg/);
    await page.getByTestId('add-food').click();
    assert.equal(await quantity.inputValue(), '1e9');
    assert.equal(await page.getByTestId('plan-entry').count(), 0);
    await expectValue(page, 'total-food-mg', 0);
    await context.close();
  });

  test('a refused quantity is explained and adds nothing', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await pick(page, 'almonds', 'Nuts, almonds');
    const quantity = page.getByTestId('quantity-input');
    for (const bad of ['', '0', '-2', '200000']) {
      await quantity.fill(bad);
      await page.getByTestId('add-food').click();
      await page.locator('[data-testid=quantity-input][aria-invalid=true]').waitFor();
      assert.ok((await page.getByRole('alert').innerText()).length > 0, `quantity ${JSON.stringify(bad)}`);
    }
    assert.equal(await page.getByTestId('plan-entry').count(), 0);
    await expectValue(page, 'total-food-mg', 0);
    await context.close();
  });

  test('staples come first as eaten, and a cup of the uncooked food says so', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    await showSection(page, 'day');
    await search(page, 'brown rice');
    assert.match(await page.getByTestId('food-result').first().innerText(), /^Rice, brown, long-grain, cooked\n/);
    await search(page, 'coffee');
    assert.match(
      await page.getByTestId('food-result').first().innerText(),
      /^Beverages, coffee, brewed, prepared with tap water\n/,
    );

    await pick(page, 'brown rice', 'Rice, brown, long-grain, cooked');
    await page.getByTestId('portion-select').selectOption({ label: '1 cup (202 g)' });
    assert.equal(await page.getByTestId('uncooked-note').count(), 0);

    // The raw rice, still in the list, measured by the cup.
    await pick(page, 'brown rice', 'Rice, brown, long-grain, raw');
    await page.getByTestId('portion-select').selectOption({ label: '1 cup (185 g)' });
    const note = page.getByTestId('uncooked-note');
    await note.waitFor();
    assert.match(await note.innerText(), /uncooked/);
    assert.match(await note.innerText(), /choose the cooked food/);
    await page.getByTestId('portion-select').selectOption({ label: '100 g' });
    await note.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('results show the group and magnesium, filter by group and sort by density', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await search(page, 'almonds');
    const first = page.getByTestId('food-result').first();
    assert.match(await first.innerText(), /^Nuts, almonds\n/);
    assert.match(await first.innerText(), /Nut and Seed Products · 1 cup, whole \(143 g\): 386 mg · 270 mg per 100 g/);
    await search(page, 'seeds');
    await page.getByLabel('Food group').selectOption({ label: 'Spices and Herbs' });
    await page.getByTestId('food-result').first().waitFor();
    for (const text of await page.getByTestId('food-result').allInnerTexts()) {
      assert.match(text, /Spices and Herbs/);
    }
    await page.getByLabel('Sort by').selectOption('per-100g');
    const perHundred = (await page.getByTestId('food-result').allInnerTexts())
      .map((t) => Number(t.match(/(\d+) mg per 100 g/)?.[1] ?? -1))
      .filter((n) => n >= 0);
    assert.deepEqual([...perHundred].sort((a, b) => b - a), perHundred);
    await context.close();
  });
});
