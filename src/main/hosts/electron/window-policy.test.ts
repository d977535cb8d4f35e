import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, devOverrides, isOurPage } from './window-policy';

const env = {
  ELECTRON_RENDERER_URL: 'http://localhost:5173',
  PACKSHOT_ELECTRON_SQLITE: '/tmp/evil/better_sqlite3.node',
};

describe('Electron window policy', () => {
  it('takes the dev server and the native-module override only when not packaged', () => {
    expect(devOverrides(env, false)).toEqual({
      rendererUrl: 'http://localhost:5173',
      sqliteBinding: '/tmp/evil/better_sqlite3.node',
    });
    expect(devOverrides(env, true)).toEqual({ rendererUrl: undefined, sqliteBinding: undefined });
    expect(devOverrides({ ELECTRON_RENDERER_URL: '' }, false).rendererUrl).toBeUndefined();
  });

  const indexUrl = 'file:///opt/Packshot/resources/app/out/renderer/index.html';

  it('knows the built page by its exact path, query and hash aside', () => {
    const page = { indexUrl, devUrl: undefined };
    expect(isOurPage(indexUrl, page)).toBe(true);
    expect(isOurPage(`${indexUrl}?view=grid#/assets`, page)).toBe(true);
    for (const other of [
      `${indexUrl}.evil.html`,
      'file:///opt/Packshot/resources/app/out/renderer/index.htmlx',
      'file:///opt/Packshot/resources/app/out/renderer/other.html',
      'file://evil-host/opt/Packshot/resources/app/out/renderer/index.html',
      'http://localhost:5173/',
      'not a url',
      '',
      undefined,
    ]) {
      expect(isOurPage(other, page), String(other)).toBe(false);
    }
  });

  it("knows the dev server's pages by exact origin, never by prefix", () => {
    const page = { indexUrl, devUrl: 'http://localhost:5173' };
    expect(isOurPage('http://localhost:5173/', page)).toBe(true);
    expect(isOurPage('http://localhost:5173/src/index.html?x=1', page)).toBe(true);
    for (const other of [
      'http://localhost:5173.evil.example/',
      'http://localhost:51730/',
      'http://localhost:5173@evil.example/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
    ]) {
      expect(isOurPage(other, page), other).toBe(false);
    }
    // A packaged app has no dev URL: the same address is then a stranger.
    expect(isOurPage('http://localhost:5173/', { indexUrl, devUrl: undefined })).toBe(false);
  });

  it('denies every permission check and request', () => {
    const session = { setPermissionCheckHandler: vi.fn(), setPermissionRequestHandler: vi.fn() };
    denyAllPermissions(session);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    expect(check()).toBe(false);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation']) {
      const callback = vi.fn();
      request(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
  });
});
