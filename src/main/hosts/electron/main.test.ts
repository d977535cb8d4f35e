// The Electron host with Electron itself mocked (its binary cannot run here): checks the
// window is hardened, IPC goes through the validating edge and only from our page, and
// the media protocol serves only what belongs to a registered asset.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC, MEDIA_SCHEME } from '../../../shared/bridge';
import { tempDir } from '../../test-support/sample-images';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as {
      options: Record<string, unknown>;
      openHandler?: () => unknown;
      listeners: Map<string, Handler>;
    }[],
    ipc: new Map<string, Handler>(),
    appListeners: new Map<string, Handler>(),
    schemes: [] as unknown[],
    protocolHandler: undefined as Handler | undefined,
    permissionHandler: undefined as Handler | undefined,
    permissionCheck: undefined as Handler | undefined,
    v8Flags: [] as string[],
  };
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const entry = {
        options,
        listeners: new Map<string, Handler>(),
      } as (typeof state.windows)[number];
      state.windows.push(entry);
      this.webContents = {
        setWindowOpenHandler: (fn: () => unknown) => (entry.openHandler = fn),
        on: (name: string, fn: Handler) => entry.listeners.set(name, fn),
        send: () => undefined,
      };
    }
    once(): void {}
    on(): void {}
    isDestroyed(): boolean {
      return false;
    }
    loadFile(): Promise<void> {
      return Promise.resolve();
    }
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
    static getAllWindows(): unknown[] {
      return state.windows;
    }
    static fromWebContents(): null {
      return null;
    }
  }
  return { state, BrowserWindow };
});

vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    getAppPath: () => '/nonexistent-app-path',
    getPath: () => '/nonexistent-user-data',
    on: (name: string, fn: Handler) => fake.state.appListeners.set(name, fn),
    quit: () => undefined,
    exit: () => undefined,
  },
  BrowserWindow: fake.BrowserWindow,
  dialog: { showOpenDialog: vi.fn(), showErrorBox: vi.fn() },
  ipcMain: { handle: (channel: string, fn: Handler) => fake.state.ipc.set(channel, fn) },
  nativeImage: { createFromDataURL: vi.fn(() => ({ fallback: true })) },
  net: { fetch: vi.fn() },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.state.schemes.push(...schemes),
    handle: (_scheme: string, fn: Handler) => (fake.state.protocolHandler = fn),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: Handler) => (fake.state.permissionHandler = fn),
      setPermissionCheckHandler: (fn: Handler) => (fake.state.permissionCheck = fn),
    },
  },
}));

// The V8 flags main sets at run time (passed on to V8: the call is what Electron would run).
vi.mock('node:v8', async (importOriginal) => {
  const v8 = await importOriginal<typeof import('node:v8')>();
  const setFlagsFromString = (flags: string): void => {
    fake.state.v8Flags.push(flags);
    v8.setFlagsFromString(flags);
  };
  return { ...v8, default: { ...v8, setFlagsFromString }, setFlagsFromString };
});

let dataDir: string;

beforeAll(async () => {
  dataDir = await tempDir('electron-data');
  process.env.PACKSHOT_DATA = dataDir;
  await import('./main');
  for (let i = 0; i < 20 && fake.state.windows.length === 0; i++)
    await new Promise((r) => setTimeout(r, 10));
});

afterAll(async () => {
  // before-quit closes the engine, then quits.
  fake.state.appListeners.get('before-quit')?.({ preventDefault: () => undefined });
  await new Promise((r) => setTimeout(r, 50));
  delete process.env.PACKSHOT_DATA;
  await rm(dataDir, { recursive: true, force: true });
});

const ourPage = pathToFileURL(join(__dirname, '../renderer/index.html')).href;

describe('Electron host', () => {
  it("grows the main process's heap by half between full collections, as serve's", () => {
    expect(fake.state.v8Flags).toContain('--heap-growing-percent=50');
  });

  it('opens a hardened window', () => {
    const win = fake.state.windows[0];
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(win?.openHandler?.()).toEqual({ action: 'deny' });
    const navigate = { preventDefault: vi.fn() };
    win?.listeners.get('will-navigate')?.(navigate);
    expect(navigate.preventDefault).toHaveBeenCalled();
    const decide = vi.fn();
    fake.state.permissionHandler?.(null, 'camera', decide);
    expect(decide).toHaveBeenCalledWith(false);
    expect(fake.state.permissionCheck?.(null, 'clipboard-read', 'file://')).toBe(false);
  });

  it('answers the contract over IPC, validating arguments, only for its own page', async () => {
    const invoke = fake.state.ipc.get(IPC.invoke);
    expect(invoke).toBeDefined();
    const fromUs = { senderFrame: { url: ourPage } };
    expect(await invoke?.(fromUs, 'catalogs.list', {})).toEqual({ ok: true, result: [] });
    expect(await invoke?.(fromUs, 'catalogs.add', { path: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
    expect(
      await invoke?.({ senderFrame: { url: 'https://evil.example/' } }, 'catalogs.list', {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });

  it('serves media only for hashes of registered assets', async () => {
    expect(fake.state.schemes).toContainEqual(expect.objectContaining({ scheme: MEDIA_SCHEME }));
    const handler = fake.state.protocolHandler;
    const unknown = (await handler?.(
      new Request(`${MEDIA_SCHEME}://thumb/${'a'.repeat(64)}`),
    )) as Response;
    expect(unknown.status).toBe(404);
    const hostile = (await handler?.(
      new Request(`${MEDIA_SCHEME}://thumb/..%2f..%2fetc%2fpasswd`),
    )) as Response;
    expect(hostile.status).toBe(404);
  });

  it('starts an OS drag only from its own page and only for a registered asset', async () => {
    const start = fake.state.ipc.get(IPC.startDrag);
    expect(start).toBeDefined();
    const startDrag = vi.fn();
    const from = (url: string) => ({ senderFrame: { url }, sender: { startDrag } });
    expect(await start?.(from('https://evil.example/'), 1)).toBe(false);
    expect(await start?.(from(ourPage), '/etc/passwd')).toBe(false);
    expect(await start?.(from(ourPage), 424242)).toBe(false);
    expect(startDrag).not.toHaveBeenCalled();
  });
});
