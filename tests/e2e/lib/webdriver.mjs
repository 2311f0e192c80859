// A small W3C WebDriver client over node's built-in fetch, for the engines Playwright cannot drive
// here: WebKitGTK (WebKitWebDriver + MiniBrowser, under Xvfb) and Firefox ESR (geckodriver).
// ../shared/cross-engine.md has the background: WebKit needs a display and a hard timeout on session
// start, gives no console through the driver, and needs two animation frames before a screenshot.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export const ENGINES = {
  webkit: {
    label: 'WebKit (WebKitGTK MiniBrowser)',
    command: (port) => [
      'xvfb-run',
      ['-a', '-s', '-screen 0 1280x900x24', 'WebKitWebDriver', `--port=${port}`, '--host=127.0.0.1'],
    ],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
  firefox: {
    label: 'Firefox ESR',
    command: (port) => ['geckodriver', ['--port', String(port), '--host', '127.0.0.1']],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: { 'intl.accept_languages': 'zh-CN', 'network.proxy.type': 0 },
      },
    },
  },
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/// Starts the engine's driver and a session; returns a `Browser`. Throws with the engine's name.
export async function launch(engineName) {
  const engine = ENGINES[engineName];
  const port = await freePort();
  const [cmd, args] = engine.command(port);
  const driver = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let driverLog = '';
  driver.stdout.on('data', (d) => (driverLog += d));
  driver.stderr.on('data', (d) => (driverLog += d));
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  try {
    // The driver takes a moment to listen; WebKit hangs without a display, hence the hard timeouts.
    for (let i = 0; ; i++) {
      try {
        await fetch(`${base}/status`);
        break;
      } catch {
        if (i > 100) throw new Error(`${engine.label}: driver did not start. ${driverLog.slice(-500)}`);
        await sleep(100);
      }
    }
    const browser = new Browser(base, engine.label, stop);
    const session = await withTimeout(
      browser.wd('POST', '/session', { capabilities: { alwaysMatch: engine.capabilities } }),
      60000,
      `${engine.label}: session start`,
    );
    browser.session = `/session/${session.sessionId}`;
    browser.version = `${session.capabilities.browserName} ${session.capabilities.browserVersion}`;
    return browser;
  } catch (e) {
    stop();
    throw e;
  }
}

export class Browser {
  constructor(base, label, stop) {
    this.base = base;
    this.label = label;
    this.stopDriver = stop;
  }

  async wd(method, path, body) {
    const response = await fetch(this.base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) {
      throw new Error(`${this.label}: ${method} ${path}: ${response.status} ${JSON.stringify(json.value).slice(0, 300)}`);
    }
    return json.value;
  }

  s(path) {
    return `${this.session}${path}`;
  }

  async setSize(width, height) {
    await this.wd('POST', this.s('/window/rect'), { width, height });
  }

  async go(url) {
    await this.wd('POST', this.s('/url'), { url });
  }

  async run(script, ...args) {
    return this.wd('POST', this.s('/execute/sync'), { script, args });
  }

  async runAsync(script, ...args) {
    return this.wd('POST', this.s('/execute/async'), { script, args });
  }

  /// The first element matching `css`, or null.
  async find(css) {
    try {
      const found = await this.wd('POST', this.s('/element'), { using: 'css selector', value: css });
      return found[ELEMENT];
    } catch {
      return null;
    }
  }

  /// Waits up to `ms` for `css` to appear; throws naming the engine otherwise.
  async waitFor(css, ms = 15000) {
    const start = Date.now();
    for (;;) {
      const element = await this.find(css);
      if (element) return element;
      if (Date.now() - start > ms) throw new Error(`${this.label}: ${css} did not appear within ${ms} ms`);
      await sleep(100);
    }
  }

  async text(css) {
    const element = await this.waitFor(css);
    return this.wd('GET', this.s(`/element/${element}/text`));
  }

  async texts(css) {
    return this.run(
      'return Array.from(document.querySelectorAll(arguments[0])).map((e) => e.innerText.trim());',
      css,
    );
  }

  async click(css) {
    const element = await this.waitFor(css);
    await this.wd('POST', this.s(`/element/${element}/click`), {});
  }

  async type(css, value) {
    const element = await this.waitFor(css);
    await this.wd('POST', this.s(`/element/${element}/clear`), {});
    await this.wd('POST', this.s(`/element/${element}/value`), { text: value });
  }

  /// A screenshot after two animation frames (WebKit otherwise can return a stale picture).
  async screenshot(path) {
    await this.runAsync(
      'const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(1)));',
    );
    writeFileSync(path, Buffer.from(await this.wd('GET', this.s('/screenshot')), 'base64'));
  }

  async quit() {
    try {
      if (this.session) await withTimeout(this.wd('DELETE', this.session), 15000, 'session end');
    } catch {
      /* the driver is stopped below anyway */
    }
    this.stopDriver();
  }
}
