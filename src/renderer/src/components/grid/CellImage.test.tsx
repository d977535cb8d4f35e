// @vitest-environment jsdom
import { act } from 'react';
import { rgbaToThumbHash } from 'thumbhash';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeholderUrl } from '../../media/placeholder-url';
import { makeAsset } from '../../test-support/fake-transport';
import { byTestId, mountBare } from '../../test-support/render';
import { CellImage } from './CellImage';

// The per-frame decode budget, made explicit: a hash is decoded once the test says so (as a
// later frame's slice would), and undecoded until then.
const decoded = vi.hoisted(() => new Set<string>());
vi.mock('../../media/placeholder-budget', () => ({
  useBudgetedPlaceholder: (placeholder: string | null) =>
    placeholder !== null && decoded.has(placeholder) ? placeholderUrl(placeholder) : null,
}));

/** A real ThumbHash (base64) of a flat orange 8×8 image. */
function orangeHash(): string {
  const rgba = new Uint8Array(8 * 8 * 4);
  for (let i = 0; i < 64; i++) rgba.set([240, 140, 20, 255], i * 4);
  return btoa(String.fromCharCode(...rgbaToThumbHash(8, 8, rgba)));
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  decoded.clear();
});

function renderCell() {
  const mounted = mountBare();
  cleanup = () => mounted.unmount();
  return {
    container: mounted.container,
    show: (asset: ReturnType<typeof makeAsset>, thumbUrl: string | null = null) =>
      mounted.show(<CellImage asset={asset} thumbUrl={thumbUrl} />),
  };
}

/** The red, green and blue of a CSS `rgb(…)` colour as jsdom reports it. */
const channels = (css: string): number[] => (css.match(/\d+/g) ?? []).map(Number);

describe('CellImage before its placeholder is decoded', () => {
  it('shows the placeholder’s average colour, then its picture once decoded', () => {
    const placeholder = orangeHash();
    const asset = makeAsset(1, { placeholder, thumb: 'pending' });
    const { container, show } = renderCell();
    show(asset);
    const [average] = byTestId(container, 'cell-placeholder-average');
    const [r = 0, g = 0, b = 0] = channels(average?.style.backgroundColor ?? '');
    // Orange, about (240, 140, 20): ThumbHash keeps the average within a few levels.
    expect(Math.abs(r - 240)).toBeLessThan(16);
    expect(Math.abs(g - 140)).toBeLessThan(16);
    expect(Math.abs(b - 20)).toBeLessThan(16);
    expect(container.querySelector('.cell-placeholder.is-pending')).toBeNull();
    expect(byTestId(container, 'cell-placeholder')).toHaveLength(0);

    decoded.add(placeholder);
    show({ ...asset });
    expect(byTestId(container, 'cell-placeholder-average')).toHaveLength(0);
    const [picture] = byTestId(container, 'cell-placeholder');
    expect(picture?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  });

  it('keeps the average colour under a loading thumbnail, and the pending look without a hash', () => {
    const placeholder = orangeHash();
    const { container, show } = renderCell();
    show(makeAsset(1, { placeholder, state: 'ok', thumb: 'ready', hash: 'c'.repeat(64) }), 'thumb');
    expect(byTestId(container, 'cell-placeholder-average')).toHaveLength(1);
    act(() => {
      container.querySelector('img.cell-image')?.dispatchEvent(new Event('load'));
    });
    expect(byTestId(container, 'cell-placeholder-average')).toHaveLength(0);

    show(makeAsset(2, { placeholder: null, thumb: 'pending' }));
    expect(container.querySelector('.cell-placeholder.is-pending')).not.toBeNull();
    show(makeAsset(3, { placeholder: 'AAA=', thumb: 'pending' })); // not a ThumbHash
    expect(container.querySelector('.cell-placeholder.is-pending')).not.toBeNull();
    expect(byTestId(container, 'cell-placeholder-average')).toHaveLength(0);
  });
});
