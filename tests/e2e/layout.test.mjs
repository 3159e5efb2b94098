// The page on a phone (390 × 844) and on wider screens, through the UI contract and the hooks
// the README adds: the day first with the search box in the first screen on a first and a return
// visit, the profile in one line, sections by keyboard and by the back button, quick add with a
// recent food and a favourite, share links, and the totals while the food table loads.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectValue, openApp, servedApp, showSection } from './support.mjs';

const app = servedApp();

const PHONE = { width: 390, height: 844 };

/** A fresh phone-sized context, at 12:30 local time so quick add chooses lunch. */
async function phoneContext(browser, options = {}) {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    timezoneId: 'UTC',
    ...options,
  });
  await context.clock.setFixedTime(new Date('2026-05-04T12:30:00Z'));
  return context;
}

/** Opens the page in `context` and waits until the food search can be used. */
async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.getByTestId('food-search').waitFor();
  return { page, errors };
}

/** The search box's bottom edge and the top of the bar of sections, in CSS pixels. */
async function firstScreen(page) {
  const search = await page.getByTestId('food-search').boundingBox();
  const bar = await page.locator('nav.section-nav').boundingBox();
  return { searchBottom: search.y + search.height, barTop: bar.y };
}

/** Adds 2 × 1 oz of almonds (153 mg) to dinner through the search and the add form. */
async function addAlmonds(page) {
  await page.getByTestId('food-search').fill('almonds');
  await page.getByTestId('food-result').filter({ has: page.getByText('Nuts, almonds', { exact: true }) }).click();
  // A picked food starts from its first household measure.
  assert.equal(
    await page.getByTestId('portion-select').locator('option:checked').innerText(),
    '1 cup, whole (143 g)',
  );
  await page.getByTestId('portion-select').selectOption({ label: '1 oz (28.35 g)' });
  await page.getByTestId('quantity-input').fill('2');
  await page.getByTestId('meal-select').selectOption('dinner');
  await page.getByTestId('add-food').click();
  await page.getByTestId('plan-entry').first().waitFor();
}

/** The plan entries listed under one meal. */
function entriesOf(page, meal) {
  return page.locator('section.meal', { has: page.locator(`#meal-${meal}`) }).getByTestId('plan-entry');
}

describe('on a phone', () => {
  test('a first visit opens on the day, totals first, the search box in the first screen', async () => {
    const context = await phoneContext(app.browser);
    const { page, errors } = await openPage(context, app.server.url);
    const { searchBottom, barTop } = await firstScreen(page);
    assert.ok(searchBottom <= barTop && barTop <= PHONE.height, `search ends at ${searchBottom}, the bar starts at ${barTop}`);
    const totals = await page.getByTestId('total-mg').boundingBox();
    const breakfast = await page.locator('#meal-breakfast').boundingBox();
    assert.ok(totals.y < searchBottom && searchBottom < breakfast.y, 'totals, then search, then the meals');
    assert.equal(await page.getByTestId('nav-day').getAttribute('aria-current'), 'page');
    // Only the day is rendered; the other sections are one tap away.
    for (const hook of ['supplement-form', 'profile-age', 'plan-select', 'compare-form']) {
      assert.equal(await page.getByTestId(hook).count(), 0, `${hook} is not rendered`);
    }
    assert.equal(await page.getByTestId('profile-line').innerText(), 'Showing values for: Woman, 30 · US values · Set your profile');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a return visit with a saved profile shows it in one line and the search box in the first screen', async () => {
    const context = await phoneContext(app.browser);
    const { page } = await openPage(context, app.server.url);
    await showSection(page, 'profile');
    await page.getByTestId('profile-age').fill('52');
    await expectValue(page, 'target-mg', 320);
    await context.pages()[0].close();

    // A new visit: the plain address, as an installed app opens it.
    const { page: again, errors } = await openPage(context, app.server.url);
    const line = again.getByTestId('profile-line');
    assert.equal(await line.innerText(), 'Woman, 52 · US values · aim 320 mg · supplements at most 350 mg · Change');
    const { searchBottom, barTop } = await firstScreen(again);
    assert.ok(searchBottom <= barTop, `search ends at ${searchBottom}, the bar starts at ${barTop}`);
    const lineBox = await line.boundingBox();
    assert.ok(lineBox.y < searchBottom, 'the profile line is at the top');
    // "Change" goes to the profile.
    await again.getByTestId('change-profile').click();
    await again.getByTestId('profile-age').waitFor();
    assert.equal(await again.getByTestId('nav-profile').getAttribute('aria-current'), 'page');
    assert.equal(await again.evaluate(() => document.activeElement?.id), 'profile-heading');
    assert.equal(await again.getByTestId('profile-line').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a recent food is added again in one tap with its last portion, and undone', async () => {
    const context = await phoneContext(app.browser);
    const { page, errors } = await openPage(context, app.server.url);
    await page.getByTestId('quick-add').getByText(/Foods you add appear here/).waitFor();
    await addAlmonds(page);
    await expectValue(page, 'total-food-mg', 153);
    await page.getByTestId('food-search').fill('spinach boiled');
    await page.getByTestId('food-result')
      .filter({ has: page.getByText('Spinach, cooked, boiled, drained, without salt', { exact: true }) })
      .click();
    await page.getByTestId('add-food').click();
    await expectValue(page, 'total-food-mg', 310);

    // Most recent first.
    const recent = page.getByTestId('recent-food');
    assert.equal(await recent.count(), 2);
    assert.match(await recent.nth(0).innerText(), /Spinach/);
    assert.match(await recent.nth(1).innerText(), /Nuts, almonds\s+2 × 1 oz \(28\.35 g\) · 153 mg/);
    await recent.nth(1).click();
    // 12:30 is lunch.
    await entriesOf(page, 'lunch').first().waitFor();
    assert.match(await entriesOf(page, 'lunch').innerText(), /Nuts, almonds[\s\S]*153 mg/);
    assert.equal(await entriesOf(page, 'lunch').getByRole('spinbutton').inputValue(), '2');
    assert.match(
      await entriesOf(page, 'lunch').getByRole('combobox').locator('option:checked').innerText(),
      /^1 oz \(28\.35 g\)$/,
    );
    await expectValue(page, 'total-food-mg', 463);
    // The buttons stay where they were while tapping.
    assert.match(await recent.nth(1).innerText(), /Nuts, almonds/);
    assert.equal(
      await page.getByTestId('quick-add-status').innerText(),
      'Added 2 × 1 oz (28.35 g) of Nuts, almonds to Lunch.',
    );

    await page.getByTestId('undo-add').click();
    await expectValue(page, 'total-food-mg', 310);
    assert.equal(await entriesOf(page, 'lunch').count(), 0);
    assert.equal(await page.getByTestId('undo-add').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'food-search');

    // After a reload the food tapped last is first, with its portion.
    await page.reload();
    await page.getByTestId('food-search').waitFor();
    assert.match(await page.getByTestId('recent-food').first().innerText(), /Nuts, almonds\s+2 × 1 oz \(28\.35 g\)/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a favourite starred on a search result survives a reload and adds in one tap', async () => {
    const context = await phoneContext(app.browser);
    const { page, errors } = await openPage(context, app.server.url);
    await page.getByTestId('food-search').fill('spinach boiled');
    await page.getByTestId('food-result')
      .filter({ has: page.getByText('Spinach, cooked, boiled, drained, without salt', { exact: true }) })
      .click();
    const star = page.locator('.picked-food').getByTestId('favourite-toggle');
    assert.equal(await star.getAttribute('aria-pressed'), 'false');
    await star.click();
    assert.equal(await star.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('favourite-food').count(), 1);

    await page.reload();
    await page.getByTestId('food-search').waitFor();
    const favourite = page.getByTestId('favourite-food');
    assert.match(await favourite.innerText(), /Spinach, cooked, boiled, drained, without salt\s+1 cup \(180 g\) · 157 mg/);
    await favourite.click();
    await entriesOf(page, 'lunch').first().waitFor();
    await expectValue(page, 'total-food-mg', 157);
    // The entry's own star shows it is a favourite, and unstarring it there removes it.
    const entryStar = page.getByTestId('plan-entry').getByTestId('favourite-toggle');
    assert.equal(await entryStar.getAttribute('aria-pressed'), 'true');
    await entryStar.click();
    assert.equal(await page.getByTestId('favourite-food').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('every section is reached by keyboard, and the back button returns to the one before', async () => {
    const context = await phoneContext(app.browser);
    const { page, errors } = await openPage(context, app.server.url);
    const sections = [
      ['supplements', 'supplements-heading', 'supplement-form'],
      ['profile', 'profile-heading', 'profile-age'],
      ['plans', 'plans-heading', 'plan-select'],
      ['guide', 'guidance-heading', null],
      ['day', 'summary-heading', 'food-search'],
    ];
    // From the top of the page, Tab reaches the bar of sections first, after the skip link.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'nav-day');
    for (const [name, heading, hook] of sections) {
      await page.getByTestId(`nav-${name}`).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.activeElement?.id === id, heading);
      assert.equal(await page.getByTestId(`nav-${name}`).getAttribute('aria-current'), 'page', name);
      assert.equal(await page.locator('[data-testid^=nav-][aria-current=page]').count(), 1);
      if (hook) assert.ok(await page.getByTestId(hook).isVisible(), `${name} shows ${hook}`);
    }
    // Back through every section, newest first, then forward again.
    for (const [name, heading] of [...sections].reverse().slice(1)) {
      await page.goBack();
      await page.waitForFunction((id) => document.activeElement?.id === id, heading);
      assert.equal(await page.getByTestId(`nav-${name}`).getAttribute('aria-current'), 'page', `back to ${name}`);
    }
    await page.goBack();
    assert.equal(await page.getByTestId('nav-day').getAttribute('aria-current'), 'page', 'back where it began');
    await page.goForward();
    await page.getByTestId('supplement-form').waitFor();
    assert.equal(await page.getByTestId('nav-supplements').getAttribute('aria-current'), 'page');
    // A reload keeps the section on screen.
    await page.reload();
    await page.getByTestId('supplement-form').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the bar of sections never covers the page', async () => {
    const context = await phoneContext(app.browser);
    const { page } = await openPage(context, app.server.url);
    await showSection(page, 'guide');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const footer = await page.locator('.site-footer').boundingBox();
    const bar = await page.locator('nav.section-nav').boundingBox();
    assert.ok(footer.y + footer.height <= bar.y + 1, `the page ends at ${footer.y + footer.height}, the bar starts at ${bar.y}`);
    await context.close();
  });

  test('a share link still opens, and sections do not go into the links', async () => {
    const context = await phoneContext(app.browser);
    const { page } = await openPage(context, app.server.url);
    await addAlmonds(page);
    await showSection(page, 'plans');
    await page.getByTestId('plan-name').fill('Almond dinner');
    await page.getByTestId('share-plan').click();
    const link = await page.getByTestId('share-link').inputValue();
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#share=[A-Za-z0-9_-]+$/);
    await context.close();

    const fresh = await phoneContext(app.browser);
    const other = await fresh.newPage();
    await other.goto(link);
    const offer = other.getByTestId('shared-plan');
    await offer.getByText(/Nuts, almonds/).waitFor();
    assert.match(await offer.innerText(), /Almond dinner/);
    assert.equal(await other.getByTestId('nav-day').getAttribute('aria-current'), 'page');
    // Moving between sections keeps the offer on screen.
    await showSection(other, 'supplements');
    await showSection(other, 'day');
    await other.getByTestId('save-shared-plan').click();
    await showSection(other, 'plans');
    assert.deepEqual(await other.getByTestId('plan-select').locator('option').allInnerTexts(), ['My day', 'Almond dinner']);
    await fresh.close();
  });

  test('while the food table loads the totals say so, not "at least 0 mg"', async () => {
    const context = await phoneContext(app.browser, { serviceWorkers: 'block' });
    await context.addInitScript(() => {
      if (!localStorage.getItem('magnesium-planner.plan')) {
        localStorage.setItem(
          'magnesium-planner.plan',
          '{"version":1,"data":{"next_id":1,"entries":[{"id":0,"ndb":12061,"portion_label":"1 cup, whole (143 g)","portion_grams":143,"quantity":1,"meal":"snacks"}]}}',
        );
      }
    });
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await context.route('**/foods*.tsv', async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByTestId('total-food-mg').waitFor();
    for (const hook of ['total-food-mg', 'total-mg']) {
      const text = await page.getByTestId(hook).innerText();
      assert.match(text, /Loading/, hook);
      assert.doesNotMatch(text, /at least/, hook);
    }
    assert.doesNotMatch(await page.locator('main').innerText(), /at least 0 mg/);
    release();
    await expectValue(page, 'total-food-mg', 386);
    await context.close();
  });
});

describe('on wider screens', () => {
  test('at 1280 px the day and the supplements sit side by side, the profile, plans or guide beside them', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { width: 1280, height: 900 });
    const search = await page.getByTestId('food-search').boundingBox();
    const form = await page.getByTestId('supplement-form').boundingBox();
    const age = await page.getByTestId('profile-age').boundingBox();
    assert.ok(form.x > search.x + search.width, 'supplements to the right of the day');
    assert.ok(age.x + age.width < search.x, 'the profile to the left of the day');
    assert.ok(search.y + search.height < 900 && form.y < 900, 'both in the first screen');
    assert.equal(await page.getByTestId('profile-line').count(), 0, 'the profile itself is on screen');

    await showSection(page, 'plans');
    await page.getByTestId('plan-select').waitFor();
    assert.equal(await page.getByTestId('profile-age').count(), 0);
    assert.ok(await page.getByTestId('food-search').isVisible(), 'the day stays');
    assert.match(await page.getByTestId('profile-line').innerText(), /^Showing values for: Woman, 30/);
    // Going to the day keeps the plans beside it.
    await showSection(page, 'day');
    assert.ok(await page.getByTestId('plan-select').isVisible());
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'summary-heading');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('at 768 px one section at a time, with the bar along the top', async () => {
    const context = await app.browser.newContext({ viewport: { width: 768, height: 1024 } });
    const { page, errors } = await openPage(context, app.server.url);
    const bar = await page.locator('nav.section-nav').boundingBox();
    assert.ok(bar.y < 200, `the bar is at the top (${bar.y})`);
    assert.equal(await page.getByTestId('supplement-form').count(), 0);
    await showSection(page, 'supplements');
    await page.getByTestId('supplement-form').waitFor();
    assert.equal(await page.getByTestId('food-search').count(), 0);
    // The day's totals come along, so a dose shows at once what it does to the day.
    await page.getByTestId('total-supplement-mg').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
