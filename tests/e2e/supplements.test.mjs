// A whole day through the UI contract: foods, a compound dose and a label's elemental dose, the
// totals against the target, the upper-level warning, and what survives a reload.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectValue,
  openApp,
  servedApp,
  showSection,
} from './support.mjs';

const app = servedApp();

async function addFood(page, query, name, portion, quantity, meal) {
  await page.getByTestId('food-search').fill(query);
  await page.getByTestId('food-result').filter({ has: page.getByText(name, { exact: true }) }).click();
  await page.getByTestId('portion-select').selectOption({ label: portion });
  await page.getByTestId('quantity-input').fill(quantity);
  await page.getByTestId('meal-select').selectOption(meal);
  await page.getByTestId('add-food').click();
}

async function addDose(page, formValue, amount, basis) {
  await page.getByTestId('supplement-form').selectOption(formValue);
  await page.getByTestId('supplement-amount').fill(amount);
  await page.getByTestId('supplement-basis').selectOption(basis);
  await page.getByTestId('add-supplement').click();
}

describe('supplements and the day against the target', () => {
  test('foods plus a compound dose plus an elemental dose', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    await page.getByTestId('profile-age').fill('45');
    await page.getByTestId('profile-sex').selectOption('female');
    await expectValue(page, 'target-mg', 320);

    await addFood(page, 'pumpkin seeds', 'Seeds, pumpkin and squash seed kernels, roasted, without salt',
      '1 oz (28.35 g)', '1', 'snacks');
    await addFood(page, 'spinach boiled', 'Spinach, cooked, boiled, drained, without salt',
      '1 cup (180 g)', '0.5', 'dinner');
    await expectValue(page, 'total-food-mg', 234);

    // 1,000 mg of magnesium citrate (the salt's weight): 162 mg of magnesium.
    await addDose(page, 'citrate', '1000', 'compound');
    await page.getByTestId('supplement-entry').first().waitFor();
    assert.match(await page.getByTestId('supplement-entry').first().innerText(), /162 mg/);
    assert.match(await page.getByTestId('supplement-entry').first().innerText(), /trimagnesium dicitrate, anhydrous, 16\.2 %/);
    await expectValue(page, 'total-supplement-mg', 162);
    await expectValue(page, 'total-mg', 396);
    assert.equal(await page.getByTestId('ul-warning').count(), 0);

    // A label that says 200 mg of magnesium from glycinate.
    await addDose(page, 'bisglycinate', '200', 'elemental');
    await expectValue(page, 'total-supplement-mg', 362);
    await expectValue(page, 'total-mg', 596);
    const warning = page.getByTestId('ul-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /350 mg/);
    assert.match(await warning.innerText(), /diarrhoea/);
    assert.match(await page.getByText(/% of your 320 mg target/).innerText(), /186% of your 320 mg target/);
    assert.ok(await page.getByRole('img', { name: /Magnesium today/ }).isVisible(), 'the chart is drawn');

    await page.reload();
    await page.getByTestId('supplement-entry').first().waitFor();
    assert.equal(await page.getByTestId('supplement-entry').count(), 2);
    await expectValue(page, 'total-mg', 596);
    await page.getByTestId('ul-warning').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a day below target suggests foods that close the gap, one click adds one', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await expectValue(page, 'target-mg', 310);
    const suggestions = page.getByTestId('gap-suggestion');
    await suggestions.first().waitFor();
    const count = await suggestions.count();
    assert.ok(count > 0 && count <= 5, `${count} suggestions`);
    await suggestions.first().getByRole('button').click();
    await page.getByTestId('plan-entry').first().waitFor();
    const food = await page.getByTestId('total-food-mg').innerText();
    assert.match(food, /^\d+ mg$/);
    assert.ok(Number(food.match(/\d+/)[0]) > 0);
    await context.close();
  });

  test('chloride by the salt\'s weight counts the hexahydrate that is sold', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    await showSection(page, 'supplements');
    await page.getByTestId('supplement-form').selectOption({ label: 'Magnesium chloride' });
    await page.getByTestId('supplement-amount').fill('1000');
    await page.getByTestId('supplement-basis').selectOption('compound');
    await page.getByTestId('add-supplement').click();
    const entry = page.getByTestId('supplement-entry').first();
    await entry.waitFor();
    // 1,000 mg of MgCl2·6H2O at 12.0 %: 120 mg, not the anhydrous salt's 255 mg.
    assert.match(await entry.innerText(), /\b120 mg/);
    assert.match(await entry.innerText(), /hexahydrate, 12\.0 %/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the comparison shows every form with its salt weight and a cost once priced', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    const forms = page.getByTestId('compare-form');
    // Closed, the comparison holds only its summary; its forms are rendered once it opens.
    assert.equal(await forms.count(), 0);
    await page.getByText('Compare supplement forms').click();
    await forms.first().waitFor();
    assert.equal(await forms.count(), 15);
    const oxide = forms.filter({ hasText: 'Magnesium oxide' });
    assert.match(await oxide.innerText(), /60\.3 %/);
    assert.match(await oxide.innerText(), /332 mg of magnesium oxide for 200 mg/);
    await oxide.getByLabel('Bottle price').fill('9');
    await oxide.getByLabel('Capsules').fill('30');
    await oxide.getByLabel('mg magnesium each (label)').fill('250');
    assert.match(await oxide.innerText(), /0\.12 per 100 mg of magnesium/);
    await context.close();
  });
});
