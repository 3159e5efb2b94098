// Takes screenshots of the release build (dist/) at phone, tablet and desktop widths, for a
// person to look at: `node scripts/screenshots.mjs` after `trunk build --release --offline`.
// Writes PNGs to screenshots/ (not committed): for each width, the first screen of a first
// visit, the first screen of a return visit (a chosen profile in one line, foods, quick add
// after a tap), water and a food of one's own, the whole day, the supplements and a product,
// a product's Which salt, a share link's offer in a fresh profile, the profile,
// the plans, and a refused age.

import { mkdir } from 'node:fs/promises';
import { launchChromium, serveDirectory, showSection, storedDays } from '../tests/e2e/support.mjs';

const WIDTHS = [
  { name: 'phone', width: 390, height: 844, isMobile: true },
  { name: 'tablet', width: 768, height: 1024, isMobile: true },
  { name: 'desktop', width: 1280, height: 900, isMobile: false },
];

await mkdir('screenshots', { recursive: true });
const server = await serveDirectory();
const browser = await launchChromium();
const written = [];
try {
  for (const { name, width, height, isMobile } of WIDTHS) {
    const context = await browser.newContext({
      viewport: { width, height },
      isMobile,
      hasTouch: isMobile,
      timezoneId: 'UTC',
    });
    // 12:30: quick add goes to lunch.
    await context.clock.setFixedTime(new Date('2026-05-04T12:30:00Z'));
    const page = await context.newPage();
    const shot = async (label, fullPage = false) => {
      const path = `screenshots/${name}-${label}.png`;
      await page.screenshot({ path, fullPage });
      written.push(path);
    };
    await page.goto(server.url);
    await page.getByTestId('food-search').waitFor();
    await shot('first-visit');

    // A return visit: a profile chosen, foods added, one starred, one added again by quick add.
    await showSection(page, 'profile');
    await page.getByTestId('profile-age').fill('52');
    await showSection(page, 'day');
    for (const [query, food, portion, meal] of [
      ['almonds', 'Nuts, almonds', '1 oz (28.35 g)', 'snacks'],
      ['spinach boiled', 'Spinach, cooked, boiled, drained, without salt', '1 cup (180 g)', 'dinner'],
      ['brown rice cooked', 'Rice, brown, long-grain, cooked', null, 'lunch'],
    ]) {
      await page.getByTestId('food-search').fill(query);
      await page.getByTestId('food-result').filter({ has: page.getByText(food, { exact: true }) }).click();
      if (portion) await page.getByTestId('portion-select').selectOption({ label: portion });
      await page.getByTestId('meal-select').selectOption(meal);
      await page.getByTestId('add-food').click();
    }
    await page.locator('.picked-food').getByTestId('favourite-toggle').click();
    await page.getByTestId('food-search').fill('');
    await page.reload();
    await page.getByTestId('food-search').waitFor();
    await page.getByTestId('recent-food').filter({ hasText: 'almonds' }).click();
    await page.getByTestId('undo-add').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('return-visit');

    // Water and a food of one's own, as a person enters them from labels.
    await page.getByTestId('water-mg-per-l').fill('100');
    await page.getByTestId('water-litres').fill('1.5');
    await page.getByLabel('Which water (optional)').fill('Mineral water');
    await page.getByLabel('Keep this water for next time').check();
    await page.getByTestId('add-water').click();
    await page.getByTestId('water-entry').waitFor();
    await page.getByTestId('water-entry').scrollIntoViewIfNeeded();
    await shot('water');
    await page.getByTestId('custom-food-name').fill('Protein bar, peanut');
    await page.getByTestId('custom-food-serving').fill('1 bar');
    await page.getByTestId('custom-food-serving-g').fill('45');
    await page.getByTestId('custom-food-mg').fill('15');
    await page.getByTestId('custom-food-mg-unit').selectOption('dv');
    await page.getByTestId('save-custom-food').click();
    await page.getByTestId('custom-food-name').scrollIntoViewIfNeeded();
    await shot('own-foods');
    await page.getByTestId('food-search').fill('protein bar');
    await page.getByTestId('food-result').first().waitFor();
    await shot('own-food-found');
    await page.getByTestId('food-search').fill('');
    // Clicking scrolls it into view; the panel then opens below it.
    await page.getByText('Copy or reuse a meal').click();
    await shot('usual-meals');
    await shot('day', true);

    await page.getByTestId('food-search').fill('pumpkin seeds');
    await page.getByTestId('food-result').first().waitFor();
    await shot('search');
    await page.getByTestId('food-search').fill('');

    await showSection(page, 'supplements');
    await page.getByTestId('supplement-form').selectOption('citrate');
    await page.getByTestId('supplement-amount').fill('2500');
    await page.getByTestId('supplement-basis').selectOption('compound');
    await page.getByTestId('add-supplement').click();
    await page.getByTestId('ul-warning').waitFor();
    await shot('supplements', true);
    // A product of one's own from its label: a two-form blend.
    await page.getByTestId('product-name').fill('Night blend');
    await page.getByTestId('product-serving').fill('2');
    await page.getByTestId('product-form').selectOption('bisglycinate');
    await page.getByTestId('product-mg').fill('200');
    await page.getByTestId('add-product-form').click();
    await page.getByTestId('product-form').selectOption('citrate');
    await page.getByTestId('product-mg').fill('50');
    await page.getByTestId('save-product').click();
    await page.getByTestId('product-name').scrollIntoViewIfNeeded();
    await shot('products');
    // A label that gives the salt's weight: Which salt appears.
    await page.getByTestId('product-name').fill('Chloride flakes');
    await page.getByTestId('product-form').selectOption('chloride');
    await page.getByTestId('product-mg').fill('1000');
    await page.locator('#product-mg-basis').selectOption('compound');
    await page.locator('#product-variant').scrollIntoViewIfNeeded();
    await shot('product-salt');
    // A share link of this day, with a serving of the blend, opened in a fresh profile: the
    // offer names the product.
    await page.getByTestId('product-name').fill('');
    await page.locator('#product-mg-basis').selectOption('elemental');
    await page.getByTestId('product-mg').fill('');
    const blend = page.getByTestId('supplement-form').locator('option').filter({ hasText: 'Night blend' });
    await page.getByTestId('supplement-form').selectOption(await blend.getAttribute('value'));
    await page.getByTestId('supplement-amount').fill('1');
    await page.getByTestId('add-supplement').click();
    await showSection(page, 'plans');
    await page.getByTestId('share-plan').click();
    const link = await page.getByTestId('share-link').inputValue();
    const receiver = await browser.newContext({ viewport: { width, height }, isMobile, hasTouch: isMobile, timezoneId: 'UTC' });
    const offerPage = await receiver.newPage();
    await offerPage.goto(link);
    await offerPage.getByTestId('shared-plan').waitFor();
    await offerPage.getByTestId('shared-plan').scrollIntoViewIfNeeded();
    const offerPath = `screenshots/${name}-shared-offer.png`;
    await offerPage.screenshot({ path: offerPath });
    written.push(offerPath);
    await receiver.close();

    await showSection(page, 'profile');
    await shot('profile', true);
    await page.getByTestId('profile-age').fill('-2');
    await page.getByRole('alert').first().waitFor();
    await shot('profile-error');
    await page.getByTestId('profile-age').fill('52');

    await showSection(page, 'plans');
    await shot('plans', true);
    await showSection(page, 'guide');
    await shot('guide', true);
    await context.close();

    // The diary: 30 recorded days ending yesterday, the day on screen and its history.
    const diary = await browser.newContext({ viewport: { width, height }, isMobile, hasTouch: isMobile, timezoneId: 'UTC' });
    await diary.clock.setFixedTime(new Date('2026-05-04T12:30:00Z'));
    await diary.addInitScript((text) => {
      if (!localStorage.getItem('magnesium-planner.plan')) localStorage.setItem('magnesium-planner.plan', text);
    }, storedDays('2026-05-03', 30));
    const diaryPage = await diary.newPage();
    await diaryPage.goto(server.url);
    await diaryPage.getByTestId('food-search').waitFor();
    const diaryShot = async (label, fullPage = false) => {
      const path = `screenshots/${name}-${label}.png`;
      await diaryPage.screenshot({ path, fullPage });
      written.push(path);
    };
    // Screens, not full pages: a full-page capture of an emulated phone can show a section
    // that is no longer on screen.
    await diaryShot('diary-day');
    await diaryPage.getByTestId('night-note').scrollIntoViewIfNeeded();
    await diaryShot('diary-night');
    await showSection(diaryPage, 'history');
    await diaryPage.getByTestId('history-span').selectOption('30');
    await diaryShot('diary-history');
    await diaryPage.getByTestId('period-comparison').scrollIntoViewIfNeeded();
    await diaryShot('diary-comparison');
    await diary.close();
  }
  console.log(written.join('\n'));
} finally {
  await browser.close();
  await server.close();
}
