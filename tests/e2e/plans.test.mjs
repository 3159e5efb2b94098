// Plans that last, through the UI contract: several plans, reloads, unreadable storage, two
// tabs, export and import into a fresh browser profile, and share links.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  expectValue,
  openApp,
  servedApp,
  showSection,
} from './support.mjs';

const app = servedApp();

async function addAlmonds(page, quantity = '1') {
  await page.getByTestId('food-search').fill('almonds');
  await page.getByTestId('food-result').filter({ has: page.getByText('Nuts, almonds', { exact: true }) }).click();
  await page.getByTestId('quantity-input').fill(quantity);
  await page.getByTestId('add-food').click();
  await page.getByTestId('plan-entry').first().waitFor();
}

async function planNames(page) {
  return page.getByTestId('plan-select').locator('option').allInnerTexts();
}

describe('plans that last', () => {
  test('a built plan is all there after a reload', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await addAlmonds(page);
    await page.getByTestId('supplement-amount').fill('150');
    await page.getByTestId('add-supplement').click();
    await showSection(page, 'plans');
    await page.getByTestId('plan-name').fill('Weekday');
    await expectValue(page, 'total-mg', 536);
    await page.reload();
    await page.getByTestId('plan-entry').first().waitFor();
    assert.equal(await page.getByTestId('plan-name').inputValue(), 'Weekday');
    assert.equal(await page.getByTestId('supplement-entry').count(), 1);
    await expectValue(page, 'total-mg', 536);
    await context.close();
  });

  test('two plans switch and keep their contents; delete asks first', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await addAlmonds(page);
    await showSection(page, 'plans');
    await page.getByTestId('plan-name').fill('Almond day');
    await page.getByTestId('new-plan').click();
    await expectValue(page, 'total-food-mg', 0);
    assert.equal(await page.getByTestId('plan-entry').count(), 0);
    await page.getByTestId('plan-name').fill('Empty day');
    assert.deepEqual(await planNames(page), ['Almond day', 'Empty day']);

    await page.getByTestId('plan-select').selectOption({ label: 'Almond day' });
    await expectValue(page, 'total-food-mg', 386);
    await page.getByTestId('plan-select').selectOption({ label: 'Empty day' });
    await expectValue(page, 'total-food-mg', 0);

    // Declining the confirmation keeps the plan; accepting deletes it.
    page.once('dialog', (dialog) => dialog.dismiss());
    await page.getByTestId('delete-plan').click();
    assert.deepEqual(await planNames(page), ['Almond day', 'Empty day']);
    page.once('dialog', (dialog) => {
      assert.match(dialog.message(), /Empty day/);
      dialog.accept();
    });
    await page.getByTestId('delete-plan').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=plan-select] option').length === 1);
    assert.deepEqual(await planNames(page), ['Almond day']);
    await expectValue(page, 'total-food-mg', 386);
    await context.close();
  });

  test('unreadable saved plans: the app starts, says so, and keeps the raw text', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await page.evaluate(() => localStorage.setItem('magnesium-planner.plan', '{"version":2,"data":{"plans":"oops"'));
    await page.reload();
    const notice = page.getByTestId('storage-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /plans could not be read/);
    assert.match(await notice.innerText(), /Nothing was overwritten/);
    const backups = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('magnesium-planner.unreadable.')).map((k) => localStorage.getItem(k)));
    assert.deepEqual(backups, ['{"version":2,"data":{"plans":"oops"']);
    // The app still works.
    await addAlmonds(page);
    await expectValue(page, 'total-food-mg', 386);
    await context.close();
  });

  test('a change in one tab appears in another without a reload', async () => {
    const context = await app.browser.newContext();
    const first = await context.newPage();
    await first.goto(app.server.url);
    await first.getByTestId('food-search').waitFor();
    const second = await context.newPage();
    await second.goto(app.server.url);
    await second.getByTestId('food-search').waitFor();

    await addAlmonds(first);
    await expectValue(second, 'total-food-mg', 386);
    await showSection(first, 'plans');
    await showSection(second, 'plans');
    await first.getByTestId('plan-name').fill('Shared day');
    await second.waitForFunction(() => document.querySelector('[data-testid=plan-name]')?.value === 'Shared day');

    // The second tab edits too; the first, stale copy must not win.
    await second.getByTestId('plan-entry').getByRole('spinbutton').fill('2');
    await expectValue(first, 'total-food-mg', 772);
    await showSection(first, 'profile');
    await showSection(second, 'profile');
    await first.getByTestId('profile-age').fill('50');
    await expectValue(second, 'target-mg', 320);
    await context.close();
  });

  test('export, then import into a fresh browser profile, gives the same plans', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await addAlmonds(page);
    await showSection(page, 'plans');
    await page.getByTestId('plan-name').fill('Exported day');
    await page.getByTestId('new-plan').click();
    await page.getByTestId('plan-name').fill('Second day');
    // The person's medicines go with the settings into the export.
    await showSection(page, 'supplements');
    await page.getByTestId('medicine-select').selectOption('levothyroxine');
    await page.getByTestId('medicine-time').fill('06:30');
    await page.getByTestId('add-medicine').click();
    await page.getByTestId('medicine-entry').waitFor();
    await showSection(page, 'plans');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-plan').click()]);
    const file = join(tmpdir(), `plans-${process.pid}-${Date.now()}.json`);
    await download.saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(exported.format, 'magnesium-planner-export');
    assert.equal(exported.plans.length, 2);
    assert.deepEqual(exported.settings.medicines, [{ group: 'levothyroxine', time: '06:30' }]);
    await context.close();

    const fresh = await openApp(app.browser, app.server.url);
    await showSection(fresh.page, 'plans');
    await fresh.page.getByTestId('import-plan').setInputFiles(file);
    await fresh.page.getByRole('status').filter({ hasText: /added 2 plans/i }).waitFor();
    assert.deepEqual(await planNames(fresh.page), ['My day', 'Exported day', 'Second day']);
    await fresh.page.getByTestId('plan-select').selectOption({ label: 'Exported day' });
    await expectValue(fresh.page, 'total-food-mg', 386);

    // A file that is not an export is refused and changes nothing.
    await fresh.page.getByTestId('import-plan').setInputFiles({
      name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}'),
    });
    await fresh.page.getByRole('alert').filter({ hasText: /Nothing was changed/ }).waitFor();
    assert.equal((await planNames(fresh.page)).length, 3);
    await fresh.context.close();
  });

  test('a share link opens the plan in a fresh profile and saves it as a new plan', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await addAlmonds(page, '0.5');
    await showSection(page, 'plans');
    await page.getByTestId('plan-name').fill('Shared almonds');
    await page.getByTestId('share-plan').click();
    const link = await page.getByTestId('share-link').inputValue();
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#share=[A-Za-z0-9_-]+$/);
    await context.close();

    const fresh = await app.browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    const offer = other.getByTestId('shared-plan');
    await offer.waitFor();
    assert.match(await offer.innerText(), /Shared almonds/);
    // The foods are named once the table has loaded (it is read in slices after the app starts).
    await offer.getByText(/Nuts, almonds/).waitFor();
    await other.getByTestId('save-shared-plan').click();
    await other.waitForFunction(() => !location.hash);
    await showSection(other, 'plans');
    assert.deepEqual(await planNames(other), ['My day', 'Shared almonds']);
    await expectValue(other, 'total-food-mg', 193);

    // A tampered link is refused with a clear message.
    await other.goto(link.slice(0, -3) + 'xyz');
    await other.reload();
    await other.getByTestId('shared-plan').filter({ hasText: /could not be opened/ }).waitFor();
    await fresh.close();
  });
});
