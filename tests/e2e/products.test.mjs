// A person enters the products on their shelf from the label, through the UI contract on a
// phone: a two-form blend taken as one serving counts both forms, milk of magnesia entered as a
// medicine counts toward the supplement limit, the comparison gives a priced product's cost per
// 100 mg, and bad labels are refused beside their fields.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, openApp, servedApp, showSection } from './support.mjs';

const app = servedApp();
const PHONE = { width: 390, height: 844 };

/** Fills the product form through its hooks, one `add-product-form` per extra form, and saves. */
async function saveProduct(page, { name, serving, forms }) {
  await page.getByTestId('product-name').fill(name);
  await page.getByTestId('product-serving').fill(String(serving));
  for (const [index, [form, mg]] of forms.entries()) {
    await page.getByTestId('product-form').selectOption(form);
    await page.getByTestId('product-mg').fill(String(mg));
    if (index < forms.length - 1) {
      await page.getByTestId('add-product-form').click();
      assert.equal(await page.getByTestId('product-mg').inputValue(), '');
    }
  }
  await page.getByTestId('save-product').click();
}

/** Takes `servings` of the product named `name` through the dose form. */
async function takeProduct(page, name, servings) {
  const option = page.getByTestId('supplement-form').locator('option').filter({ hasText: name });
  const value = await option.getAttribute('value');
  assert.match(value, /^product-\d+$/);
  assert.ok((await option.innerText()).startsWith(name));
  await page.getByTestId('supplement-form').selectOption(value);
  assert.equal(await page.getByTestId('supplement-basis').inputValue(), 'servings');
  await page.getByTestId('supplement-amount').fill(String(servings));
  await page.getByTestId('add-supplement').click();
}

describe('your products', () => {
  test('a two-form product taken as 1 serving counts both forms', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, PHONE);
    await showSection(page, 'supplements');
    await saveProduct(page, {
      name: 'Night blend',
      serving: 2,
      forms: [['bisglycinate', 200], ['citrate', 50]],
    });
    await page.getByRole('status').filter({ hasText: /Kept “Night blend”/ }).waitFor();
    await takeProduct(page, 'Night blend', 1);
    await expectValue(page, 'total-supplement-mg', 250);
    const entry = page.getByTestId('supplement-entry').filter({ hasText: 'Night blend' });
    assert.match(await entry.innerText(), /250 mg/);

    // Removing the product leaves the day as it was, after a reload too.
    await page.getByRole('button', { name: 'Remove Night blend from your products' }).click();
    await page.getByRole('status').filter({ hasText: /Doses you added keep it/ }).waitFor();
    await page.reload();
    await showSection(page, 'supplements');
    await expectValue(page, 'total-supplement-mg', 250);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('milk of magnesia entered as a product counts toward the upper level', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, PHONE);
    await showSection(page, 'supplements');
    await saveProduct(page, { name: 'Milk of magnesia', serving: 1, forms: [['hydroxide', 500]] });
    await page.getByRole('status').filter({ hasText: /Kept “Milk of magnesia”/ }).waitFor();
    await takeProduct(page, 'Milk of magnesia', 1);
    await expectValue(page, 'total-supplement-mg', 500);
    await page.getByTestId('ul-warning').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the comparison says what 100 mg costs from a product with a price', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, PHONE);
    await showSection(page, 'supplements');
    // 60 servings of 250 mg for 18: 15,000 mg, so 100 mg costs 0.12.
    await page.locator('#product-price').fill('18');
    await page.locator('#product-bottle').fill('60');
    await saveProduct(page, {
      name: 'Night blend',
      serving: 2,
      forms: [['bisglycinate', 200], ['citrate', 50]],
    });
    await page.getByRole('status').filter({ hasText: /Kept “Night blend”/ }).waitFor();
    await page.getByText('Compare supplement forms').click();
    const costs = page.getByTestId('product-costs');
    await costs.waitFor();
    assert.match(
      await costs.innerText(),
      /Night blend: 0\.12 per 100 mg of magnesium \(18 for 60 servings of 250 mg\)/,
    );
    await context.close();
  });

  test('bad labels are refused beside their fields and nothing is kept', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, PHONE);
    await showSection(page, 'supplements');
    await saveProduct(page, { name: 'x'.repeat(10_000), serving: 0, forms: [['citrate', 6000]] });
    for (const id of ['product-name', 'product-serving', 'product-mg']) {
      assert.equal(await page.getByTestId(id).getAttribute('aria-invalid'), 'true', id);
      await page.locator(`#${id}-error`).waitFor();
    }
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'product-name');
    assert.equal(
      await page.getByTestId('supplement-form').locator('option[value^="product-"]').count(),
      0,
    );
    await context.close();
  });
});
