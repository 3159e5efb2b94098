// The person's medicines through the UI contract: a medicine and a dose too close to it give an
// interaction warning naming both, the rule and its source, with the time that fits; moving the
// dose ends it; the medicine survives a reload and shows in a second tab.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, servedApp, showSection } from './support.mjs';

const app = servedApp();

const DOXYCYCLINE = 'Tetracycline antibiotics (doxycycline, minocycline)';

async function addMedicine(page, label, time) {
  await page.getByTestId('medicine-select').selectOption({ label });
  await page.getByTestId('medicine-time').fill(time);
  await page.getByTestId('add-medicine').click();
}

async function addDose(page, amount, time) {
  await page.getByTestId('supplement-amount').fill(amount);
  await page.getByTestId('supplement-basis').selectOption('elemental');
  await page.getByTestId('supplement-time').fill(time);
  await page.getByTestId('add-supplement').click();
}

/** Waits until there are exactly `count` elements with that test id. */
async function expectCount(page, testId, count) {
  await page.waitForFunction(
    ([id, n]) => document.querySelectorAll(`[data-testid="${id}"]`).length === n,
    [testId, count],
  );
}

describe('medicines and the times of doses', () => {
  test('a dose too close to doxycycline warns until it moves, and the medicine lasts', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    await showSection(page, 'supplements');
    await addMedicine(page, DOXYCYCLINE, '08:00');
    const entry = page.getByTestId('medicine-entry');
    await entry.waitFor();
    assert.match(await entry.innerText(), /Tetracycline antibiotics/);
    assert.match(await entry.innerText(), /08:00/);

    await addDose(page, '200', '09:00');
    const warning = page.getByTestId('interaction-warning');
    await warning.waitFor();
    const text = await warning.innerText();
    assert.match(text, /tetracycline antibiotic at 08:00/i);
    assert.match(text, /200 mg/);
    assert.match(text, /at 09:00/);
    assert.match(text, /take magnesium at least 2 hours after/i);
    assert.match(text, /NIH Office of Dietary Supplements/);
    assert.match(text, /take magnesium from 10:00/);

    // Move the dose to 11:00 in its row: the warning goes.
    await page.getByTestId('supplement-entry').getByTestId('dose-time').fill('11:00');
    await expectCount(page, 'interaction-warning', 0);
    assert.match(await page.getByTestId('supplement-entry').innerText(), /11:00/);

    // After a reload the medicine and the moved dose are both still there, with no warning.
    await page.reload();
    await page.getByTestId('target-mg').waitFor();
    await showSection(page, 'supplements');
    await page.getByTestId('medicine-entry').waitFor();
    assert.equal(await page.getByTestId('medicine-entry').count(), 1);
    assert.match(await page.getByTestId('medicine-entry').innerText(), /08:00/);
    assert.equal(await page.getByTestId('supplement-entry').getByTestId('dose-time').inputValue(), '11:00');
    assert.equal(await page.getByTestId('interaction-warning').count(), 0);

    // A second tab sees the medicine; a dose moved back in the first warns in the second.
    const second = await context.newPage();
    await second.goto(app.server.url);
    await second.getByTestId('target-mg').waitFor();
    await showSection(second, 'supplements');
    await second.getByTestId('medicine-entry').waitFor();
    assert.match(await second.getByTestId('medicine-entry').innerText(), /08:00/);
    await page.getByTestId('supplement-entry').getByTestId('dose-time').fill('09:00');
    await second.getByTestId('interaction-warning').waitFor();
    // And a medicine added in the second tab appears in the first.
    await addMedicine(second, 'Levothyroxine', '06:00');
    await expectCount(page, 'medicine-entry', 2);

    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a dose without a time, and medicines without a timing rule', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    await showSection(page, 'supplements');
    await addDose(page, '150', '');
    await page.getByTestId('supplement-entry').waitFor();
    await page.getByTestId('medicine-select').selectOption('proton-pump-inhibitors');
    await page.getByTestId('add-medicine').click();
    const advice = page.getByTestId('medicine-advice');
    await advice.waitFor();
    assert.match(await advice.innerText(), /FDA/);
    assert.equal(await page.getByTestId('interaction-warning').count(), 0);

    await addMedicine(page, 'Gabapentin', '21:00');
    const note = page.getByTestId('dose-time-needed');
    await note.waitFor();
    assert.match(await note.innerText(), /the time matters/);
    await page.getByTestId('medicine-entry').nth(1).getByTestId('remove-medicine').click();
    await expectCount(page, 'dose-time-needed', 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
