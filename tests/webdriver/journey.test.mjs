// One person's day through the UI contract, on Chromium, Firefox and WebKit over standard
// WebDriver: set the profile, search, add two foods with portions, add a dose given as the
// salt's weight, read the totals, reload, and find the plan intact. Sections are opened through
// their `nav-` links wherever the window is too narrow to show them all.
//
// Real key presses and clicks (not scripted value changes), so each engine's own input events,
// number fields and selects are what the app sees. An engine that cannot start here is reported
// in one line and skipped (Chromium must start); anything that goes wrong once it has started
// fails.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key } from 'selenium-webdriver';
import LogInspector from 'selenium-webdriver/bidi/logInspector.js';
import { Select } from 'selenium-webdriver/lib/select.js';
import { serveDirectory } from '../e2e/support.mjs';
import { ENGINES, EngineUnavailable, describeSession, startEngine } from './engines.mjs';

/** The build under test: dist/ unless WEBDRIVER_DIST names another (a developer's own build). */
const distDir = process.env.WEBDRIVER_DIST;

/** How long the page may take to show what an action should lead to. */
const WAIT_MS = 15_000;

/** A bound on one engine's whole journey, so a browser that stops answering cannot hang the run. */
const JOURNEY_TIMEOUT_MS = 5 * 60_000;

const PUMPKIN = 'Seeds, pumpkin and squash seed kernels, roasted, without salt';
const SPINACH = 'Spinach, cooked, boiled, drained, without salt';

const byTestId = (testId) => By.css(`[data-testid="${testId}"]`);

/**
 * What an element shows, as its innerText. WebDriver's own Get Element Text is not used: WebKit's
 * driver returns the bare text content (a select's every option, no breaks between blocks).
 */
function textOf(driver, element) {
  return driver.executeScript('return arguments[0].innerText', element);
}

/** The first number in a text, as the UI contract defines an element's value. */
function firstNumber(text) {
  const match = text.match(/-?\d+(?:\.\d+)?/);
  return match ? Number(match[0]) : null;
}

/** The value of the element with that data-testid (its first number), or null. */
async function valueOf(driver, testId) {
  const [element] = await driver.findElements(byTestId(testId));
  return element ? firstNumber(await textOf(driver, element)) : null;
}

/**
 * Polls `read` until `accept` approves what it returns, failing with the last thing read; the
 * app renders after an event, so one read could see the page before it.
 */
async function waitFor(description, read, accept) {
  const deadline = Date.now() + WAIT_MS;
  let last;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      // The element was re-rendered between finding and reading it; read again.
      if (error.name !== 'StaleElementReferenceError') throw error;
      last = error.message;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited ${WAIT_MS / 1000} s for ${description}; last saw ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the element with that data-testid shows `expected` as its value. */
function expectValue(driver, testId, expected) {
  return waitFor(`${testId} = ${expected}`, () => valueOf(driver, testId), (shown) => shown === expected);
}

/** Waits until there are exactly `count` elements with that data-testid, and returns them. */
function expectCount(driver, testId, count) {
  return waitFor(
    `${count} × ${testId}`,
    () => driver.findElements(byTestId(testId)),
    (found) => found.length === count,
  );
}

/** The element with that data-testid, once the page has rendered it. */
async function element(driver, testId) {
  const [found] = await waitFor(`${testId} on the page`, () => driver.findElements(byTestId(testId)), (all) => all.length > 0);
  return found;
}

/**
 * The element with that data-testid, scrolled to the middle of the window first as a person
 * would scroll to it: at the window's edges it can sit under the sticky section bar (a click
 * then lands on the bar), and WebKit's driver left a click on a button cut by the bottom edge
 * unanswered.
 */
async function reach(driver, testId) {
  const found = await element(driver, testId);
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', found);
  return found;
}

/** Clicks the button with that data-testid, once it is in the middle of the window. */
async function press(driver, testId) {
  await (await reach(driver, testId)).click();
}

/** Replaces what a field holds by typing, as a person would: select all, then type. */
async function typeInto(driver, testId, text) {
  const field = await reach(driver, testId);
  await field.click();
  await field.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
  await field.sendKeys(text);
  // The field must hold exactly what was typed: an engine's number field or a re-render that
  // ate a keystroke would otherwise go unnoticed until a total is wrong.
  await waitFor(`${testId} to hold ${JSON.stringify(text)}`, () => field.getAttribute('value'), (v) => v === text);
}

/** Chooses an option of the select with that data-testid, by its value or by its visible text. */
async function choose(driver, testId, { value, label }) {
  const select = new Select(await element(driver, testId));
  if (label !== undefined) await select.selectByVisibleText(label);
  else await select.selectByValue(value);
}

/**
 * Shows the page's section `name` as a person would, by its `nav-<name>` link (ui-contract: a
 * panel not on screen is opened by a `nav-` element). On a wide window the link only moves focus
 * to a section already on screen, which is harmless.
 */
async function showSection(driver, name) {
  const link = await element(driver, `nav-${name}`);
  if (await link.isDisplayed()) await link.click();
  await waitFor(
    `nav-${name} to be the current section`,
    () => link.getAttribute('aria-current'),
    (current) => current === 'page',
  );
}

/** Searches for `query` and clicks the result whose name is exactly `name`. */
async function pickFood(driver, query, name) {
  await typeInto(driver, 'food-search', query);
  const result = await waitFor(
    `a food-result named ${JSON.stringify(name)} for ${JSON.stringify(query)}`,
    async () => {
      for (const candidate of await driver.findElements(byTestId('food-result'))) {
        const [nameElement] = await candidate.findElements(By.css('.result-name'));
        if (nameElement && (await textOf(driver, nameElement)) === name) return candidate;
      }
      return null;
    },
    (found) => found !== null,
  );
  // The list drops below the search box, so a result may start below the window's edge.
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', result);
  await result.click();
  // The add form names the chosen food in its heading.
  await waitFor(
    `the add form to show ${JSON.stringify(name)}`,
    async () => (await driver.findElements(By.xpath(`//h3[@id="picked-food" and normalize-space()=${JSON.stringify(name)}]`))).length,
    (count) => count > 0,
  );
}

/** Adds `quantity` × `portion` of a food to `meal`, through the add form. */
async function addFood(driver, { query, name, portion, quantity, meal }) {
  await pickFood(driver, query, name);
  await choose(driver, 'portion-select', { label: portion });
  await typeInto(driver, 'quantity-input', quantity);
  await choose(driver, 'meal-select', { value: meal });
  await press(driver, 'add-food');
}

/** Texts of every element with that data-testid, in page order. */
async function textsOf(driver, testId) {
  return Promise.all((await driver.findElements(byTestId(testId))).map((e) => textOf(driver, e)));
}

/**
 * Collects what the browser reports as errors, which includes Content Security Policy
 * violations: over BiDi from the start of every page where the engine has it, and in every
 * engine from the page itself once `watchPage` has run after a load.
 */
async function watchErrors(driver, bidi) {
  const errors = [];
  if (bidi) {
    const inspector = await LogInspector(driver);
    await inspector.onConsoleEntry((entry) => {
      if (entry.level === 'error') errors.push(`console: ${entry.text}`);
    });
    await inspector.onJavascriptException((entry) => errors.push(`exception: ${entry.text}`));
  }
  return {
    watchPage: () =>
      driver.executeScript(`
        window.__journeyErrors = [];
        const note = (text) => window.__journeyErrors.push(text);
        window.addEventListener('error', (e) => note('error: ' + e.message));
        window.addEventListener('unhandledrejection', (e) => note('rejection: ' + e.reason));
        document.addEventListener('securitypolicyviolation', (e) => note('CSP: ' + e.violatedDirective));
      `),
    all: async () => [...errors, ...((await driver.executeScript('return window.__journeyErrors')) ?? [])],
  };
}

/** Waits until the app (not the static shell) is up after a load: its bar of sections is drawn. */
async function waitForApp(driver) {
  await element(driver, 'nav-day');
}

async function journey(driver, url, bidi, t) {
  const errors = await watchErrors(driver, bidi);
  await driver.get(url);
  await waitForApp(driver);
  await errors.watchPage();
  // Which layout this engine's window gets: one section at a time below 1000 px, else several.
  const [width, height] = await driver.executeScript('return [innerWidth, innerHeight]');
  t.diagnostic(`window ${width} × ${height} CSS px: ${width >= 1000 ? 'sections side by side' : 'one section at a time'}`);

  // The profile: a 45-year-old woman under the US values.
  await showSection(driver, 'profile');
  await typeInto(driver, 'profile-age', '45');
  await choose(driver, 'profile-sex', { value: 'female' });
  await choose(driver, 'guideline-select', { value: 'us' });
  await expectValue(driver, 'target-mg', 320);

  await showSection(driver, 'day');
  await addFood(driver, { query: 'pumpkin seeds', name: PUMPKIN, portion: '1 oz (28.35 g)', quantity: '1', meal: 'snacks' });
  await expectCount(driver, 'plan-entry', 1);
  await addFood(driver, { query: 'spinach boiled', name: SPINACH, portion: '1 cup (180 g)', quantity: '0.5', meal: 'dinner' });
  const entries = await expectCount(driver, 'plan-entry', 2);

  // Each entry's magnesium, read from the page, and the food total they make.
  const entryTexts = await Promise.all(entries.map((e) => textOf(driver, e)));
  const pumpkin = entryTexts.find((t) => t.includes(PUMPKIN));
  const spinach = entryTexts.find((t) => t.includes(SPINACH));
  assert.ok(pumpkin && spinach, `both foods are in the plan: ${JSON.stringify(entryTexts)}`);
  assert.match(pumpkin, /\b156 mg\b/);
  assert.match(spinach, /\b78 mg\b/);
  await expectValue(driver, 'total-food-mg', 234);

  // 1,000 mg of magnesium citrate by the salt's weight is 162 mg of magnesium.
  await showSection(driver, 'supplements');
  await choose(driver, 'supplement-form', { value: 'citrate' });
  await typeInto(driver, 'supplement-amount', '1000');
  await choose(driver, 'supplement-basis', { value: 'compound' });
  await press(driver, 'add-supplement');
  const [dose] = await expectCount(driver, 'supplement-entry', 1);
  const doseText = await textOf(driver, dose);
  assert.match(doseText, /\b162 mg\b/);
  assert.match(doseText, /trimagnesium dicitrate, anhydrous, 16\.2 %/);
  await expectValue(driver, 'total-supplement-mg', 162);

  // The day's total is the food and the supplements as the page shows them.
  const food = await valueOf(driver, 'total-food-mg');
  const supplements = await valueOf(driver, 'total-supplement-mg');
  await expectValue(driver, 'total-mg', food + supplements);
  assert.equal(await valueOf(driver, 'total-mg'), 396);
  assert.equal((await driver.findElements(byTestId('ul-warning'))).length, 0, '162 mg is under the 350 mg limit');
  const doses = await textsOf(driver, 'supplement-entry');
  await showSection(driver, 'day');
  const before = {
    entries: (await textsOf(driver, 'plan-entry')).sort(),
    doses,
    total: await valueOf(driver, 'total-mg'),
  };
  assert.deepEqual(await errors.all(), []);

  // Everything is saved as it changes: after a reload the plan and profile are all there.
  // Firefox's driver reloads past the service worker (as Shift+Reload does) and the others may
  // not, but either way the plan can only come back from storage.
  // Everything below must read the reloaded page, never the one before it, so the old document
  // is marked and the reload counts as done once the page in the window lacks the mark.
  await driver.executeScript('window.__beforeReload = true');
  await driver.navigate().refresh();
  await waitFor(
    'the reloaded page',
    () => driver.executeScript('return window.__beforeReload === undefined'),
    (reloaded) => reloaded,
  );
  await waitForApp(driver);
  await errors.watchPage();
  // The reload keeps the section on screen: the day.
  await expectCount(driver, 'plan-entry', 2);
  await expectValue(driver, 'total-mg', before.total);
  assert.deepEqual((await textsOf(driver, 'plan-entry')).sort(), before.entries);
  assert.equal(await valueOf(driver, 'total-food-mg'), 234);
  assert.equal(await valueOf(driver, 'total-supplement-mg'), 162);
  await showSection(driver, 'supplements');
  await expectCount(driver, 'supplement-entry', 1);
  assert.deepEqual(await textsOf(driver, 'supplement-entry'), before.doses);
  await showSection(driver, 'profile');
  assert.equal(await (await element(driver, 'profile-age')).getAttribute('value'), '45');
  await expectValue(driver, 'target-mg', 320);
  assert.equal((await driver.findElements(byTestId('storage-notice'))).length, 0);
  assert.deepEqual(await errors.all(), []);
}

const server = await serveDirectory(...(distDir ? [distDir] : []));
after(() => server.close());

describe('a day planned in every browser engine', () => {
  for (const [key, engine] of Object.entries(ENGINES)) {
    test(engine.name, { timeout: JOURNEY_TIMEOUT_MS }, async (t) => {
      let session;
      try {
        session = await startEngine(key, { bidi: true });
      } catch (error) {
        // Chromium runs every other browser test too, so it must start; only the others may be
        // reported and skipped.
        if (!(error instanceof EngineUnavailable) || key === 'chromium') throw error;
        t.skip(`${engine.name} cannot start on this machine: ${error.message}`);
        return;
      }
      try {
        t.diagnostic(await describeSession(session.driver));
        await journey(session.driver, server.url, engine.bidi, t);
      } finally {
        await session.quit();
      }
    });
  }
});
