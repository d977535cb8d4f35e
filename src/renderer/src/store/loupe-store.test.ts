// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createLoupeStore } from './loupe-store';

describe('loupe store', () => {
  it('opens at fit, toggles 1:1, and starts at fit again after closing', () => {
    const store = createLoupeStore();
    expect(store.getState()).toMatchObject({ open: false, zoom: 'fit' });
    store.getState().show();
    store.getState().toggleZoom();
    expect(store.getState()).toMatchObject({ open: true, zoom: '1:1' });
    store.getState().toggleZoom();
    expect(store.getState().zoom).toBe('fit');
    store.getState().toggleZoom();
    store.getState().close();
    expect(store.getState()).toMatchObject({ open: false, zoom: 'fit' });
  });
});
