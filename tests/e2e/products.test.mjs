// A person enters the products on their shelf from the label, through the UI contract on a
// phone: a two-form blend taken as one serving counts both forms, milk of magnesia entered as a
// medicine counts toward the supplement limit, the comparison gives a priced product's cost per
// 100 mg, bad labels are refused beside their fields, and a product travels by share link and
// by file to someone who can then take it on other days.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectValue, openApp, servedApp, showSection } from './support.mjs';

const app = servedApp();
const PHONE = { width: 390, height: 844 };
/** The blend of the issue: 200 mg as bisglycinate and 50 mg as citrate in 2 capsules. */
const NIGHT_BLEND = { name: 'Night blend', serving: 2, forms: [['bisglycinate', 200], ['citrate', 50]] };

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
    await saveProduct(page, NIGHT_BLEND);
    await page.getByRole('status').filter({ hasText: /Kept “Night blend”/ }).waitFor();
    await takeProduct(page, 'Night blend', 1);
    await expectValue(page, 'total-supplement-mg', 250);
    const entry = page.getByTestId('supplement-entry').filter({ hasText: 'Night blend' });
    assert.match(await entry.innerText(), /250 mg/);

    // Removing the product leaves the day as it was, after a reload too.
    await page.getByRole('button', { name: 'Remove Night blend from your products' }).click();
    await page.getByRole('status').filter({ hasText: /Doses you added keep it/ }).waitFor();
    // The removed row's button is gone, so focus goes to the list's heading, not the page's top.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'my-products-heading');
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
    await saveProduct(page, NIGHT_BLEND);
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

  test('a product travels by share link and by file, and the receiver can take it again', async () => {
    const { context, page } = await openApp(app.browser, app.server.url, PHONE);
    await showSection(page, 'supplements');
    await saveProduct(page, NIGHT_BLEND);
    await page.getByRole('status').filter({ hasText: /Kept “Night blend”/ }).waitFor();
    await takeProduct(page, 'Night blend', 1);
    await expectValue(page, 'total-supplement-mg', 250);
    await showSection(page, 'plans');
    await page.getByTestId('share-plan').click();
    const link = await page.getByTestId('share-link').inputValue();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
    const file = join(tmpdir(), `products-${process.pid}-${Date.now()}.json`);
    await download.saveAs(file);
    await context.close();

    // By link: the offer names the product, and saving keeps it for the dose form.
    const byLink = await openApp(app.browser, link, PHONE);
    const offer = byLink.page.getByTestId('shared-plan');
    await offer.waitFor();
    const keep = offer.getByRole('checkbox', { name: /Also keep the sharer's product \(Night blend\) with yours, to use it/ });
    assert.equal(await keep.isChecked(), true);
    await byLink.page.getByTestId('save-shared-plan').click();
    await byLink.page.waitForFunction(() => !location.hash);
    await showSection(byLink.page, 'supplements');
    await expectValue(byLink.page, 'total-supplement-mg', 250);
    await takeProduct(byLink.page, 'Night blend', 1);
    await expectValue(byLink.page, 'total-supplement-mg', 500);
    await byLink.context.close();

    // By file: the import says it kept the product, and the dose form offers it.
    const byFile = await openApp(app.browser, app.server.url, PHONE);
    await showSection(byFile.page, 'plans');
    await byFile.page.getByTestId('import-plan').setInputFiles(file);
    await byFile.page.getByRole('status').filter({ hasText: /kept 1 product for reuse/ }).waitFor();
    await showSection(byFile.page, 'supplements');
    await takeProduct(byFile.page, 'Night blend', 2);
    await expectValue(byFile.page, 'total-supplement-mg', 500);
    await byFile.context.close();
  });

  test("a label that gives the salt's weight is converted with the salt chosen", async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, PHONE);
    await showSection(page, 'supplements');
    await page.getByTestId('product-name').fill('Chloride flakes');
    await page.getByTestId('product-form').selectOption('chloride');
    await page.getByTestId('product-mg').fill('1000');
    await page.locator('#product-mg-basis').selectOption('compound');
    // The salt as sold comes first; the anhydrous salt is 25.5 % magnesium, not 12.0 %.
    const salt = page.locator('#product-variant');
    assert.match(await salt.locator('option:checked').innerText(), /hexahydrate/);
    await salt.selectOption('anhydrous');
    await page.getByTestId('save-product').click();
    await page.getByRole('status').filter({ hasText: /Kept “Chloride flakes”/ }).waitFor();
    const kept = page.locator('.own-product').filter({ hasText: 'Chloride flakes' });
    assert.match(await kept.innerText(), /255 mg magnesium from Magnesium chloride \(converted from the weight of magnesium chloride, anhydrous, 25\.5 % magnesium\)/);
    await takeProduct(page, 'Chloride flakes', 1);
    await expectValue(page, 'total-supplement-mg', 255);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
