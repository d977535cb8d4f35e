// The Electron host's security decisions as pure functions, so vitest can prove them
// without the Electron binary (which cannot run here).

/** What a packaged app must not take from its environment: it is for development only. */
export interface DevOverrides {
  /** The Vite dev server the window loads instead of the built page. */
  rendererUrl: string | undefined;
  /** A better_sqlite3.node to load instead of the bundled one. */
  sqliteBinding: string | undefined;
}

/**
 * ELECTRON_RENDERER_URL and PACKSHOT_ELECTRON_SQLITE in development; nothing once packaged,
 * where either would let whoever sets the environment load foreign code into the app.
 */
export function devOverrides(env: NodeJS.ProcessEnv, isPackaged: boolean): DevOverrides {
  if (isPackaged) return { rendererUrl: undefined, sqliteBinding: undefined };
  return {
    rendererUrl: env.ELECTRON_RENDERER_URL || undefined,
    sqliteBinding: env.PACKSHOT_ELECTRON_SQLITE || undefined,
  };
}

/**
 * Whether `url` is our page: the built index.html exactly (file: URLs share the origin
 * "null", so the path is compared, query and hash aside), or a page of the dev server's
 * exact origin. Prefix checks would let `http://localhost:5173.evil.example` in.
 */
export function isOurPage(
  url: string | undefined,
  page: { indexUrl: string; devUrl: string | undefined },
): boolean {
  if (!url) return false;
  let given: URL;
  try {
    given = new URL(url);
  } catch {
    return false;
  }
  if (given.protocol === 'file:') {
    const index = new URL(page.indexUrl);
    return index.protocol === 'file:' && given.pathname === index.pathname && given.host === '';
  }
  if (!page.devUrl) return false;
  try {
    const dev = new URL(page.devUrl);
    return dev.origin !== 'null' && given.origin === dev.origin;
  } catch {
    return false;
  }
}

type PermissionCallback = (granted: boolean) => void;

/** The part of Electron's Session that decides permissions. */
export interface PermissionSession {
  setPermissionCheckHandler(handler: () => boolean): void;
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: PermissionCallback) => void,
  ): void;
}

/** The app needs no web permission (camera, notifications, clipboard…): every ask is no. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionCheckHandler(() => false);
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
}
