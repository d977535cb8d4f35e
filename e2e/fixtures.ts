// One fixture set for both hosts. Per test: a fresh data dir, a fresh folder of generated
// images, and the app started on that data dir:
//   host "browser"   node out/main/cli.cjs serve --port 0 --data <dir>, opened in Chromium
//   host "electron"  Electron on out/main/index.cjs with PACKSHOT_DATA=<dir>, where a binary
//                    exists; elsewhere every test is skipped with the reason.
// Specs use `app.page` (also available as `page`), never a second browser of their own.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  test as base,
  type Browser,
  type BrowserContext,
  type ElectronApplication,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { findElectronBinary, type ElectronBinary } from './support/electron';
import { generateImages, type ImageSet } from './support/images';
import { electronMainPath, repoRoot } from './support/paths';
import { startBrowserModeServer, type BrowserModeServer } from './support/server';

export type Host = 'browser' | 'electron';

/** Options a Playwright project sets in `use` (see playwright.config.ts). */
export interface HostOptions {
  host: Host;
}

export interface App {
  host: Host;
  page: Page;
  /** Browser mode: the server started by the command line. Null in Electron. */
  server: BrowserModeServer | null;
  /** Electron: the application. Null in browser mode. */
  electronApp: ElectronApplication | null;
  /** Shows the first screen: browser mode opens the tokened URL; Electron's window is open. */
  open(): Promise<void>;
  /** Electron: makes the next native folder dialog answer with `folder`. */
  answerFolderDialog(folder: string): Promise<void>;
}

interface TestFixtures {
  /** A fresh, empty data dir for this test (removed afterwards). */
  dataDir: string;
  /** A fresh folder of generated images (12 good, 3 bad), removed afterwards. */
  images: ImageSet;
  /** Browser mode's server on `dataDir`; null for the Electron host. */
  server: BrowserModeServer | null;
  app: App;
}

interface WorkerFixtures extends HostOptions {
  electronBinary: ElectronBinary;
  /** Chromium for the browser host, launched once per worker; null for Electron. */
  hostBrowser: Browser | null;
}

const KEEP = process.env.PACKSHOT_E2E_KEEP === '1';

function failed(testInfo: TestInfo): boolean {
  return testInfo.status !== testInfo.expectedStatus;
}

async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

async function removeDir(dir: string, testInfo: TestInfo): Promise<void> {
  if (KEEP && failed(testInfo)) {
    console.log(`[e2e] kept ${dir}`);
    return;
  }
  await rm(dir, { recursive: true, force: true });
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  host: ['browser', { option: true, scope: 'worker' }],

  electronBinary: [
    async ({ host }, use) => {
      const binary = findElectronBinary();
      if (host === 'electron' && !binary.path) {
        console.log(`[e2e] electron project skipped: ${binary.reason}`);
      }
      await use(binary);
    },
    { scope: 'worker' },
  ],

  hostBrowser: [
    async ({ host, playwright, launchOptions, headless }, use) => {
      if (host !== 'browser') {
        await use(null);
        return;
      }
      const browser = await playwright.chromium.launch({ ...launchOptions, headless });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  dataDir: async ({ host, electronBinary }, use, testInfo) => {
    // Every test needs a data dir, so this is where the Electron project stops when there is
    // no binary, before anything is generated or launched.
    testInfo.skip(host === 'electron' && !electronBinary.path, electronBinary.reason);
    const dir = await tempDir('packshot-e2e-data-');
    await use(dir);
    await removeDir(dir, testInfo);
  },

  images: async ({}, use, testInfo) => {
    const dir = await tempDir('packshot-e2e-images-');
    await use(await generateImages(dir));
    await removeDir(dir, testInfo);
  },

  server: async ({ host, dataDir }, use, testInfo) => {
    if (host !== 'browser') {
      await use(null);
      return;
    }
    const server = await startBrowserModeServer(dataDir);
    try {
      await use(server);
    } finally {
      await server.stop();
      if (failed(testInfo)) {
        await testInfo.attach('packshot-serve.log', {
          body: server.output(),
          contentType: 'text/plain',
        });
      }
    }
  },

  app: async (
    { host, dataDir, server, hostBrowser, electronBinary, playwright, viewport },
    use,
    testInfo,
  ) => {
    const pageLog: string[] = [];
    let context: BrowserContext | null = null;
    let electronApp: ElectronApplication | null = null;
    let page: Page;

    if (host === 'browser') {
      if (!server || !hostBrowser) throw new Error('browser host without a server or browser');
      context = await hostBrowser.newContext({ viewport });
      page = await context.newPage();
    } else {
      if (!electronBinary.path) throw new Error(electronBinary.reason);
      const asRoot = process.getuid?.() === 0;
      electronApp = await playwright._electron.launch({
        executablePath: electronBinary.path,
        args: [...(asRoot ? ['--no-sandbox'] : []), electronMainPath],
        cwd: repoRoot,
        env: { ...process.env, PACKSHOT_DATA: dataDir },
      });
      page = await electronApp.firstWindow();
    }
    page.on('console', (message) => pageLog.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => pageLog.push(`[pageerror] ${error.stack ?? error.message}`));

    const app: App = {
      host,
      page,
      server,
      electronApp,
      async open() {
        if (server) {
          await page.goto(server.url);
        } else {
          await page.waitForLoadState('domcontentloaded');
        }
      },
      async answerFolderDialog(folder) {
        if (!electronApp) throw new Error('answerFolderDialog is for the Electron host');
        await electronApp.evaluate(({ dialog }, chosen) => {
          dialog.showOpenDialog = () => Promise.resolve({ canceled: false, filePaths: [chosen] });
        }, folder);
      },
    };

    try {
      await use(app);
    } finally {
      if (failed(testInfo)) {
        const shot = await page.screenshot({ fullPage: true }).catch(() => null);
        if (shot) await testInfo.attach('screenshot.png', { body: shot, contentType: 'image/png' });
        await testInfo.attach('page-console.log', {
          body: pageLog.join('\n') || '(empty)',
          contentType: 'text/plain',
        });
      }
      await context?.close();
      await electronApp?.close();
    }
  },

  // The app's page is the page: specs that ask for `page` get the same one.
  page: async ({ app }, use) => {
    await use(app.page);
  },
});

export { expect } from '@playwright/test';
