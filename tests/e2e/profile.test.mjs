// A person sets up who the plan is for and reads back their reference values, through the UI
// contract (shared/ui-contract.md), against the release build; children and infants get the
// limit that applies to them.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  expectValue,
  openApp,
  servedApp,
  showSection,
} from './support.mjs';

const app = servedApp();

async function addDose(page, formValue, amount, basis) {
  await page.getByTestId('supplement-form').selectOption(formValue);
  await page.getByTestId('supplement-amount').fill(amount);
  await page.getByTestId('supplement-basis').selectOption(basis);
  await page.getByTestId('add-supplement').click();
}

describe('profile and reference values', () => {
  test('the static shell paints before the WebAssembly arrives', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    // Hold the wasm back: what shows is index.html alone.
    await page.route('**/*.wasm', () => {});
    await page.goto(app.server.url, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { name: 'Magnesium Planner' }).waitFor();
    assert.ok(await page.getByText('Loading the planner').isVisible());
    assert.equal(await page.getByTestId('target-mg').count(), 0);
    await context.close();
  });

  test('defaults to the US values for an adult woman, with sources named', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    assert.equal(await page.getByTestId('guideline-select').inputValue(), 'us');
    await expectValue(page, 'target-mg', 310);
    await expectValue(page, 'supplement-ul-mg', 350);
    const reference = page.getByRole('region', { name: 'Daily reference values' });
    await reference.getByText('NIH Office of Dietary Supplements').waitFor();
    await reference.getByText(/for magnesium from supplements and medicines, not the/).waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('changing age, sex, stage and authority updates the values', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    const age = page.getByTestId('profile-age');
    await age.fill('45');
    await page.getByTestId('profile-sex').selectOption('male');
    await expectValue(page, 'target-mg', 420);

    await page.getByTestId('guideline-select').selectOption('eu');
    await expectValue(page, 'target-mg', 350);
    await expectValue(page, 'supplement-ul-mg', 250);

    await page.getByTestId('guideline-select').selectOption('uk');
    await expectValue(page, 'target-mg', 300);
    await expectValue(page, 'supplement-ul-mg', 400);

    await page.getByTestId('guideline-select').selectOption('dach');
    await page.getByTestId('profile-sex').selectOption('female');
    await age.fill('17');
    await expectValue(page, 'target-mg', 260);
    await page.getByTestId('profile-stage').selectOption('pregnant');
    await expectValue(page, 'target-mg', 300);

    await page.getByTestId('guideline-select').selectOption('us');
    await expectValue(page, 'target-mg', 400);
    await age.fill('2');
    await expectValue(page, 'target-mg', 80);
    await expectValue(page, 'supplement-ul-mg', 65);
    assert.equal(await page.getByTestId('profile-stage').inputValue(), 'none');
    assert.ok(await page.locator('[data-testid=profile-stage] option[value=pregnant]').isDisabled());

    await age.fill('0.5');
    await expectValue(page, 'target-mg', 30);
    await page.getByTestId('supplement-ul-mg').getByText('not established').waitFor();
    await context.close();
  });

  test('a refused age is explained and keeps the last valid values', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    const age = page.getByTestId('profile-age');
    await age.fill('16');
    await expectValue(page, 'target-mg', 360);
    for (const bad of ['', '-3', '150']) {
      await age.fill(bad);
      await page.locator('[data-testid=profile-age][aria-invalid=true]').waitFor();
      assert.match(await page.getByRole('alert').innerText(), /age|Age/, `age ${JSON.stringify(bad)}`);
      await expectValue(page, 'target-mg', 360);
    }
    // Typing letters: the browser keeps the text but reports no value.
    await age.fill('');
    await age.pressSequentially('e');
    await page.locator('[data-testid=profile-age][aria-invalid=true]').waitFor();
    await page.getByRole('alert').getByText(/as a number/).waitFor();
    await expectValue(page, 'target-mg', 360);
    // Nor is the text rewritten on the way through it: "3e" cannot be read, "3e1" is 30.
    await age.fill('');
    await age.pressSequentially('3e1');
    assert.equal(await age.inputValue(), '3e1');
    await expectValue(page, 'target-mg', 310);
    await age.fill('30');
    await expectValue(page, 'target-mg', 310);
    assert.equal(await age.getAttribute('aria-invalid'), 'false');
    assert.equal(await page.getByRole('alert').count(), 0);
    await context.close();
  });

  test('the profile is still there after a reload', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await page.getByTestId('profile-age').fill('67');
    await page.getByTestId('profile-sex').selectOption('male');
    await page.getByTestId('guideline-select').selectOption('uk');
    await page.reload();
    await page.getByTestId('target-mg').waitFor();
    assert.equal(await page.getByTestId('profile-age').inputValue(), '67');
    assert.equal(await page.getByTestId('profile-sex').inputValue(), 'male');
    assert.equal(await page.getByTestId('guideline-select').inputValue(), 'uk');
    await expectValue(page, 'target-mg', 300);
    await context.close();
  });

  test('unreadable saved settings are kept aside and the person is told', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await page.evaluate(() => localStorage.setItem('magnesium-planner.settings', '{broken'));
    await page.reload();
    const notice = page.getByTestId('storage-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Nothing was overwritten/);
    const kept = await page.evaluate(() => localStorage.getItem('magnesium-planner.unreadable.1'));
    assert.equal(kept, '{broken');
    await expectValue(page, 'target-mg', 310);
    await context.close();
  });

  test('an infant with any supplement is warned, and no foods are suggested', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    // An adult below target is offered foods, so their absence below is not a slow page.
    await showSection(page, 'day');
    await page.getByTestId('gap-suggestion').first().waitFor();

    await showSection(page, 'profile');
    await page.getByTestId('profile-age').fill('0.5');
    await page.getByTestId('supplement-ul-mg').getByText(/not established for infants/).waitFor();
    await showSection(page, 'day');
    await page.getByText(/breast milk, formula and, from about 6 months, food only/).first().waitFor();
    assert.equal(await page.getByTestId('gap-suggestion').count(), 0);
    assert.equal(await page.getByTestId('ul-warning').count(), 0, 'no supplement yet');

    await showSection(page, 'supplements');
    await addDose(page, 'citrate', '50', 'elemental');
    await showSection(page, 'day');
    const warning = page.getByTestId('ul-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /under 1 year/);
    assert.match(await warning.innerText(), /doctor/);
    assert.equal(await page.getByTestId('gap-suggestion').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a 6-year-old under UK values is warned above the IOM's 110 mg", async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    await showSection(page, 'profile');
    await page.getByTestId('profile-age').fill('6');
    await page.getByTestId('guideline-select').selectOption('uk');
    await expectValue(page, 'target-mg', 120);
    const limit = page.getByTestId('supplement-ul-mg');
    await limit.getByText('not established').waitFor();
    await expectValue(page, 'supplement-ul-mg', 110);
    assert.match(await limit.innerText(), /IOM/);

    await showSection(page, 'supplements');
    await addDose(page, 'citrate', '200', 'elemental');
    await showSection(page, 'day');
    const warning = page.getByTestId('ul-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /IOM's upper level/);
    assert.match(await warning.innerText(), /110 mg/);
    assert.match(await warning.innerText(), /diarrhoea/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
