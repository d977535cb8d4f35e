// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { PreloadBridge } from '../../../shared/bridge';
import { selectTransport } from './select-transport';

type Bridged = Window & { packshot?: PreloadBridge };

afterEach(() => {
  delete (window as Bridged).packshot;
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('selectTransport', () => {
  it('uses the preload bridge when the desktop app provides one', async () => {
    const invoked: Array<[string, unknown]> = [];
    const dragged: number[] = [];
    const bridge: PreloadBridge = {
      invoke: (method, args) => {
        invoked.push([method, args]);
        return Promise.resolve({ ok: true, result: 'pong' });
      },
      onEvent: () => () => undefined,
      pickFolder: () => Promise.resolve('/chosen'),
      pathForFile: (file) => `/dropped/${file.name}`,
      startDrag: (assetId) => void dragged.push(assetId),
    };
    (window as Bridged).packshot = bridge;
    const transport = selectTransport(window);
    expect(transport.mediaUrl('thumb', 'ab')).toBe('packshot-media://thumb/ab');
    expect(transport.mediaUrl('preview', 'ab')).toBe('packshot-media://preview/ab');
    await expect(transport.invoke('libraries.info', {})).resolves.toEqual({
      ok: true,
      result: 'pong',
    });
    expect(invoked).toEqual([['libraries.info', {}]]);
    await expect(transport.pickFolder?.()).resolves.toBe('/chosen');
    expect(transport.pathForFile?.(new File(['x'], 'a.jpg'))).toBe('/dropped/a.jpg');
    transport.startDrag?.(7);
    expect(dragged).toEqual([7]);
  });

  it('falls back to the HTTP bridge in a browser, taking the token from the URL', () => {
    window.history.replaceState(null, '', '/?token=abc');
    const transport = selectTransport(window);
    expect(transport.mediaUrl('thumb', 'ab')).toBe('/media/thumb/ab');
    expect(transport.pickFolder).toBeUndefined();
    // OS drag in and out are desktop-only: the browser host has neither.
    expect(transport.pathForFile).toBeUndefined();
    expect(transport.startDrag).toBeUndefined();
    expect(window.location.search).toBe('');
    expect(sessionStorage.getItem('packshot.token')).toBe('abc');
  });
});
