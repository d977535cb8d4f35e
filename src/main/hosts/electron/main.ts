// The Electron host: the only file that imports 'electron'. It opens a hardened window,
// answers the contract over IPC, forwards engine events and serves cached media.
import { app, BrowserWindow, dialog, ipcMain, nativeImage, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  IPC,
  isMediaKey,
  MEDIA_SCHEME,
  parsePageRequest,
  SERVED_KINDS,
} from '../../../shared/bridge';
import { createEngine, type Engine } from '../../engine';
import { coreCount } from '../boot/thread-pool.cjs';
import { leanHeap } from '../cli/lean-heap';
import { defaultDataDir } from '../data-dir';
import { dispatch } from '../dispatch';
import { mediaResponse } from '../media/media-response';
import { resolveDragItem } from './drag-out';
import { denyAllPermissions, devOverrides, isOurPage as isPage } from './window-policy';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');

/** Drag image for a file that has no thumbnail yet (the OS drag needs one). */
const FALLBACK_DRAG_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAACXBIWXMAAAPoAAAD6AG1e1JrAAAARklEQVRYhe3XMREAMAxC0YqJM1RHAybqol3ekD13IfA5k+7PORYYJwgR1hsuIxpWHGFUcbyAZCBZQGlh+Somo5pFOe1zHVzXPyyI+6pK8QAAAABJRU5ErkJggg==';

// supportFetchAPI and corsEnabled: the 3D viewer fetch()es its model from this scheme, from
// the file:// page (another origin), which <img> never needed.
protocol.registerSchemesAsPrivileged([
  {
    scheme: MEDIA_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      stream: true,
      supportFetchAPI: true,
      corsEnabled: true,
    },
  },
]);

// Read once; a packaged app ignores them (see window-policy.ts).
const dev = devOverrides(process.env, app.isPackaged);

/** Electron's own build of better-sqlite3, kept beside Node's (see scripts/electron-native.mjs). */
function electronSqliteBinding(): string | undefined {
  const file =
    dev.sqliteBinding ?? join(app.getAppPath(), 'build', 'electron-native', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

function isOurPage(url: string | undefined): boolean {
  return isPage(url, { indexUrl: pathToFileURL(rendererIndex).href, devUrl: dev.rendererUrl });
}

function createWindow(engine: Engine): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    title: 'Packshot',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event) => event.preventDefault());

  const unsubscribe = engine.subscribe((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC.event, name, payload);
  });
  win.on('closed', unsubscribe);

  if (dev.rendererUrl) void win.loadURL(dev.rendererUrl);
  else void win.loadFile(rendererIndex);
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  leanHeap(); // the engine lives in this process, over the whole catalog, as serve's does
  const engine = createEngine({
    // Same place as the CLI's default, so both see one library.
    dataDir: defaultDataDir(),
    sqliteBinding: electronSqliteBinding(),
    watch: true,
    // As many cores as out/main/index.cjs sized the thread pool for.
    concurrency: coreCount(process.env),
  });

  denyAllPermissions(session.defaultSession);

  // Cached media, a registered video's file (with byte ranges for the <video> to seek), a
  // model's GLB and a document's page (`page/<sha256>/<page>?w=<width>`, painted on first
  // request).
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const url = new URL(request.url);
    const key = url.pathname.replace(/^\//, '');
    const kind = SERVED_KINDS.find((k) => k === url.hostname);
    const page = url.hostname === 'page' ? parsePageRequest(key, url.searchParams.get('w')) : null;
    const file = page
      ? await engine.resolvePage(page)
      : kind && isMediaKey(kind, key)
        ? await engine.mediaFile(kind, key)
        : null;
    if (!file) return new Response('Not found', { status: 404 });
    const caching = kind === 'video' ? 'no-cache' : 'max-age=31536000, immutable';
    // The viewer's fetch comes from the file:// page: only this app's page reaches the scheme.
    const cors: Record<string, string> =
      kind === 'model' ? { 'access-control-allow-origin': '*' } : {};
    return mediaResponse(file, request.headers.get('range'), { 'cache-control': caching, ...cors });
  });

  ipcMain.handle(IPC.invoke, (event, method: unknown, args: unknown) => {
    if (!isOurPage(event.senderFrame?.url)) {
      return {
        ok: false,
        error: { code: 'unauthorized', message: 'Not from the Packshot window' },
      };
    }
    return dispatch(engine.handlers, typeof method === 'string' ? method : '', args);
  });

  ipcMain.handle(IPC.pickFolder, async (event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (!win || !isOurPage(event.senderFrame?.url)) return null;
    const picked = await dialog.showOpenDialog(win, {
      title: 'Add a catalog folder',
      properties: ['openDirectory'],
    });
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  });

  // Dragging a linked asset out into another app: the page names an asset id, the engine
  // names its file (see drag-out.ts), never a path from the page.
  ipcMain.handle(IPC.startDrag, async (event, assetId: unknown) => {
    if (!isOurPage(event.senderFrame?.url)) return false;
    const item = await resolveDragItem(engine, assetId);
    if (!item) return false;
    event.sender.startDrag({
      file: item.file,
      icon: item.icon ?? nativeImage.createFromDataURL(FALLBACK_DRAG_ICON),
    });
    return true;
  });

  createWindow(engine);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(engine);
  });

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void engine.close().finally(() => app.quit());
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((error: unknown) => {
  dialog.showErrorBox(
    'Packshot could not start',
    error instanceof Error ? error.message : String(error),
  );
  app.exit(1);
});
