// Installable and offline: the service worker precaches the build, the app works and keeps
// plans with the network off, Chromium finds it installable, a newer build leads to the update
// prompt, and no request ever leaves 127.0.0.1.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIST_DIR,
  expectValue,
  nextBuild,
  launchPersistentChromium,
  openApp,
  serveDirectory,
  servedApp,
} from './support.mjs';

const app = servedApp();

/** Waits until the service worker is active and controls the page. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}

describe('installable and offline', () => {
  test('after the first visit the whole app works offline, and keeps the plan', async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));
    await controlled(page);
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys[0]);
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    assert.ok(cached.some((path) => /^\/foods-[0-9a-f]{16}\.tsv$/.test(path)), cached.join(' '));
    assert.ok(cached.includes('/'), `the page itself, under the folder's address: ${cached.join(' ')}`);
    assert.ok(cached.some((path) => path.endsWith('_bg.wasm')));

    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('target-mg').waitFor();
    await page.getByTestId('food-search').fill('almonds');
    await page.getByTestId('food-result').filter({ has: page.getByText('Nuts, almonds', { exact: true }) }).click();
    await page.getByTestId('add-food').click();
    await page.getByTestId('supplement-form').selectOption('citrate');
    await page.getByTestId('supplement-amount').fill('1000');
    await page.getByTestId('supplement-basis').selectOption('compound');
    await page.getByTestId('add-supplement').click();
    await expectValue(page, 'total-food-mg', 386);
    await expectValue(page, 'total-supplement-mg', 162);
    await expectValue(page, 'total-mg', 548);

    await page.reload();
    await page.getByTestId('plan-entry').first().waitFor();
    await expectValue(page, 'total-mg', 548);
    await context.setOffline(false);

    const elsewhere = requests.filter((url) => !url.startsWith(app.server.url) && !/^(data|blob):/.test(url));
    assert.deepEqual(elsewhere, [], 'no request leaves 127.0.0.1');
    assert.deepEqual(errors, [], 'no errors, no Content Security Policy violations');
    await context.close();
  });

  test('Chromium finds the app installable', async () => {
    // Installing is not offered in incognito profiles, which is what new contexts are.
    const profile = await mkdtemp(join(tmpdir(), 'magnesium-profile-'));
    const context = await launchPersistentChromium(profile);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(app.server.url);
      await page.getByTestId('target-mg').waitFor();
      await controlled(page);
      const cdp = await context.newCDPSession(page);
      const manifest = await cdp.send('Page.getAppManifest');
      assert.deepEqual(manifest.errors, []);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, []);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  test('a newer build served in place of the first leads to the update prompt', async () => {
    // A redeploy: a new page, a new sw.js.
    const second = await nextBuild();
    try {
      const { context, page, errors } = await openApp(app.browser, app.server.url);
      await controlled(page);
      await page.getByTestId('food-search').fill('almonds');
      await page.getByTestId('food-result').first().click();
      await page.getByTestId('add-food').click();
      await expectValue(page, 'total-food-mg', 386);
      assert.equal(await page.getByTestId('update-ready').count(), 0);

      app.server.setRoot(second);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      const prompt = page.getByTestId('update-ready');
      await prompt.waitFor();
      assert.match(await prompt.innerText(), /new version/i);
      await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
      await page.getByTestId('target-mg').waitFor();
      assert.equal(await page.getByTestId('update-ready').count(), 0);
      const caches = await page.evaluate(() => caches.keys());
      assert.equal(caches.length, 1, `old caches deleted: ${caches}`);
      assert.match(caches[0], /-next$/);
      await expectValue(page, 'total-food-mg', 386);
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      app.server.setRoot(DIST_DIR);
      await rm(second, { recursive: true, force: true });
    }
  });

  test('the release build works from a sub-path of a static host, offline too', async () => {
    const nested = await serveDirectory(DIST_DIR, { prefix: '/tools/magnesium/' });
    try {
      const { context, page, errors } = await openApp(app.browser, nested.url);
      await controlled(page);
      const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
      assert.equal(scope, nested.url);
      await context.setOffline(true);
      await page.reload();
      await page.getByTestId('food-search').fill('spinach');
      await page.getByTestId('food-result').first().waitFor();
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await nested.close();
    }
  });
});
