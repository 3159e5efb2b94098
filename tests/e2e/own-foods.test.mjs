// A person makes a food the USDA table lacks from its label, through the UI contract on a
// phone: "15 % DV" on a protein bar, found by the food search beside the USDA's foods, added in
// its serving and totalled; edited and removed later without changing the day it is in.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, openApp, servedApp } from './support.mjs';

const app = servedApp();
const PHONE = { width: 390, height: 844 };

/** Fills the own-food form through its hooks and saves it. */
async function saveFood(page, { name, serving, grams, mg, unit }) {
  await page.getByTestId('custom-food-name').fill(name);
  await page.getByTestId('custom-food-serving').fill(serving);
  await page.getByTestId('custom-food-serving-g').fill(String(grams));
  await page.getByTestId('custom-food-mg').fill(String(mg));
  await page.getByTestId('custom-food-mg-unit').selectOption(unit);
  await page.getByTestId('save-custom-food').click();
}

describe('your own foods', () => {
  test('a food from a % DV label is found, added in its serving and totalled', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, PHONE);
    // 15 % of the US Daily Value (420 mg) is 63 mg.
    await saveFood(page, { name: 'Protein bar, peanut', serving: '1 bar', grams: 45, mg: 15, unit: 'dv' });
    await page.getByRole('status').filter({ hasText: /Kept “Protein bar, peanut”/ }).waitFor();

    await page.getByTestId('food-search').fill('protein bar');
    const result = page.getByTestId('food-result').first();
    await result.waitFor();
    assert.match(await result.innerText(), /Protein bar, peanut/);
    assert.match(await result.innerText(), /Your own food · 1 bar \(45 g\): 63 mg/);
    await result.click();
    assert.equal(
      await page.getByTestId('portion-select').locator('option:checked').innerText(),
      '1 bar (45 g)',
    );
    await page.getByTestId('quantity-input').fill('2');
    await page.getByTestId('meal-select').selectOption('snacks');
    await page.getByTestId('add-food').click();
    await expectValue(page, 'total-food-mg', 126);
    const entry = page.getByTestId('plan-entry').filter({ hasText: 'Protein bar, peanut' });
    assert.match(await entry.innerText(), /126 mg/);

    // An EU label's % NRV (375 mg): 15 % is 56.25 mg.
    await saveFood(page, { name: 'Rye bread', serving: '1 slice', grams: 40, mg: 15, unit: 'nrv' });
    await page.getByRole('listitem').filter({ hasText: 'Rye bread' }).getByText('56 mg').waitFor();

    // Editing the bar, then removing it, leaves the day as it was; the page says so.
    await page.getByRole('button', { name: 'Edit Protein bar, peanut' }).click();
    await page.getByTestId('custom-food-mg').fill('10');
    await page.getByTestId('save-custom-food').click();
    await page.getByRole('status').filter({ hasText: /keep it as it was then/ }).waitFor();
    await page.getByRole('button', { name: 'Remove Protein bar, peanut from your foods' }).click();
    await page.getByRole('status').filter({ hasText: /Days you added it to keep it/ }).waitFor();
    // The removed row's button is gone, so focus goes to the list's heading, not the page's top.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'my-foods-heading');
    await expectValue(page, 'total-food-mg', 126);
    await page.reload();
    await page.getByTestId('food-search').waitFor();
    await expectValue(page, 'total-food-mg', 126);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bad labels are refused beside their fields and nothing is kept', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, PHONE);
    await saveFood(page, { name: 'x'.repeat(10_000), serving: '', grams: 0, mg: 1001, unit: 'dv' });
    for (const id of ['custom-food-name', 'custom-food-serving', 'custom-food-serving-g', 'custom-food-mg']) {
      assert.equal(await page.getByTestId(id).getAttribute('aria-invalid'), 'true', id);
      await page.locator(`#${id}-error`).waitFor();
    }
    assert.match(await page.locator('#custom-food-mg-error').innerText(), /more than 1000 %/);
    // What was typed stays as typed.
    assert.equal(await page.getByTestId('custom-food-mg').inputValue(), '1001');
    await page.getByTestId('food-search').fill('xxxx');
    await page.getByText(/No food matches/).waitFor();
    await context.close();
  });
});
