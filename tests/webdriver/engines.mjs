// The three browser engines the planner is tested on, each driven through its own WebDriver
// server that this file starts on 127.0.0.1 (chromedriver, geckodriver, WebKitWebDriver under
// Xvfb), so selenium-webdriver never looks for or downloads a driver or a browser.
//
// Run on its own, `node tests/webdriver/engines.mjs <engine>` only checks that the engine
// starts: it exits 0 if a session opens, or prints one line saying why not and exits 2
// (scripts/test.sh runs it before the browser tests of an engine).

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// Selenium Manager must never fetch a driver or a browser; every session here goes to a
// driver started below, but this also covers any code path that would consult it.
process.env.SE_OFFLINE = 'true';

const { Builder } = await import('selenium-webdriver');
const { CHROMIUM_ARGS: QUIET_CHROMIUM_ARGS } = await import('../e2e/support.mjs');

/** The end-to-end tests' quiet Chromium flags; Playwright adds headless itself, Selenium does not. */
const CHROMIUM_ARGS = ['--headless=new', ...QUIET_CHROMIUM_ARGS];

/**
 * Each engine: the driver command for a port, the capabilities of a new session, and whether
 * its driver speaks WebDriver BiDi (which reports console messages from the first moment of a
 * page; WebKitGTK's driver does not yet). Paths can be overridden from the environment (the
 * same variables wasm-bindgen-test-runner reads).
 */
export const ENGINES = {
  chromium: {
    name: 'Chromium',
    bidi: true,
    driverCommand: (port) => [process.env.CHROMEDRIVER || '/usr/bin/chromedriver', `--port=${port}`],
    capabilities: {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      },
    },
  },
  firefox: {
    name: 'Firefox',
    bidi: true,
    driverCommand: (port) => [process.env.GECKODRIVER || 'geckodriver', `--port=${port}`],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
        args: ['-headless'],
      },
    },
  },
  webkit: {
    name: 'WebKit',
    bidi: false,
    // WebKitGTK has no headless mode: MiniBrowser draws into a virtual X server.
    driverCommand: (port) => ['xvfb-run', '-a', process.env.WEBKITWEBDRIVER || 'WebKitWebDriver', `--port=${port}`],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
};

/** How long a driver may take to answer on its port; WebKit's includes starting Xvfb. */
const DRIVER_START_MS = 30_000;

/** How long a driver may take to launch its browser and open a session. */
const SESSION_START_MS = 60_000;

/** A port that was free a moment ago, for a driver that only takes a port number. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Thrown when an engine cannot be started at all, as opposed to failing a test. */
export class EngineUnavailable extends Error {}

/** The first line of a driver's complaint, for a one-line report. */
function firstLine(text) {
  return String(text).trim().split('\n')[0].slice(0, 300);
}

/**
 * Starts the engine's driver in its own process group and waits until it answers `/status`;
 * resolves to { url, stop }. Rejects with EngineUnavailable if it cannot be started.
 */
async function startDriver(engine) {
  const port = await freePort();
  const [command, ...args] = engine.driverCommand(port);
  // Detached: stopping the group also ends what the driver started (Xvfb, the browser).
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => {
    child.once('error', (error) => resolve(error.code === 'ENOENT' ? `${command} not found` : error.message));
    child.once('exit', (code, signal) => resolve(`${command} exited (${signal ?? code}) ${firstLine(stderr)}`.trim()));
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000, 'timeout'));
    if ((await Promise.race([exited, timeout])) === 'timeout') {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + DRIVER_START_MS;
  let exitReason = null;
  exited.then((reason) => {
    exitReason = reason;
  });
  for (;;) {
    if (exitReason !== null) throw new EngineUnavailable(exitReason);
    try {
      const response = await fetch(`${url}/status`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new EngineUnavailable(`${command} did not answer on port ${port} within ${DRIVER_START_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts `engineKey`'s driver and opens a browser session through it, with a BiDi connection
 * if `bidi` is set and the engine has one; resolves to { driver, quit }. Rejects with
 * EngineUnavailable if the driver or the browser cannot start.
 */
export async function startEngine(engineKey, { bidi = false } = {}) {
  const engine = ENGINES[engineKey];
  const capabilities = { ...engine.capabilities, ...(bidi && engine.bidi ? { webSocketUrl: true } : {}) };
  const server = await startDriver(engine);
  let driver;
  let timer;
  try {
    // Awaiting the builder's driver waits for the session to exist; a browser that hangs while
    // launching must not hang the test run, so the wait is bounded.
    const session = new Builder()
      .disableEnvironmentOverrides()
      .usingServer(server.url)
      .withCapabilities(capabilities)
      .build();
    const timeout = new Promise((resolve, reject) => {
      timer = setTimeout(reject, SESSION_START_MS, new Error(`the browser did not start within ${SESSION_START_MS / 1000} s`));
    });
    // If the wait runs out, the session's own failure comes later, once its driver is stopped.
    session.catch(() => {});
    driver = await Promise.race([session, timeout]);
  } catch (error) {
    await server.stop();
    throw new EngineUnavailable(`no ${engine.name} session: ${firstLine(error.message)}`);
  } finally {
    clearTimeout(timer);
  }
  const quit = async () => {
    try {
      await driver.quit();
    } finally {
      await server.stop();
    }
  };
  return { driver, quit };
}

/** The browser's own name and version, as the session reports them. */
export async function describeSession(driver) {
  const capabilities = await driver.getCapabilities();
  return `${capabilities.getBrowserName()} ${capabilities.getBrowserVersion()}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const key = process.argv[2];
  if (!(key in ENGINES)) {
    console.error(`usage: node tests/webdriver/engines.mjs ${Object.keys(ENGINES).join('|')}`);
    process.exit(64);
  }
  try {
    const { quit } = await startEngine(key);
    await quit();
  } catch (error) {
    if (!(error instanceof EngineUnavailable)) throw error;
    console.log(`${ENGINES[key].name} cannot start on this machine: ${error.message}`);
    process.exit(2);
  }
}
