// @vitest-environment jsdom
// What the picture loupe does by kind: only still photos ask for a preview and zoom (Z, the
// label); a video, PDF or model it shows says what its reader found; Ctrl/Cmd+Z is undo.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Asset } from '../../../../shared/dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset, type FakeTransport } from '../../test-support/fake-transport';
import { byTestId, flush, oneByTestId, stubLayout } from '../../test-support/render';
import { CullingLayer } from '../culling/CullingLayer';
import { AssetGrid } from '../grid/AssetGrid';
import { Loupe } from './Loupe';

let harness: Harness | undefined;
let restoreLayout: () => void;
beforeEach(() => {
  restoreLayout = stubLayout(1000, 800);
});
afterEach(() => {
  harness?.unmount();
  harness = undefined;
  restoreLayout();
});

const hashOf = (i: number): string => String(i).repeat(64);

/** Ids 1–6: a photo, a broken PDF, an unreadable video, a broken OBJ, a spin, a photo. */
const ASSETS: Partial<Asset>[] = [
  { name: 'shoe.jpg' },
  {
    name: 'manual.pdf',
    kind: 'document',
    format: 'pdf',
    state: 'error',
    error: 'Broken PDF: xref table is cut',
    thumb: 'error',
  },
  {
    name: 'clip.mov',
    kind: 'video',
    state: 'error',
    error: 'ffprobe: moov atom not found',
    thumb: 'none',
  },
  {
    name: 'part.obj',
    kind: 'model',
    state: 'error',
    error: 'OBJ: face 12 names vertex 900',
    notice: 'Read without its .mtl',
  },
  { name: 'spin.jpg', kind: 'spin', spin: { id: 7, name: 'SHOE', frames: 0, warning: null } },
  { name: 'side.jpg' },
];

async function openOn(index: number): Promise<{ loupe: HTMLElement; transport: FakeTransport }> {
  const transport = fakeEngine({
    total: ASSETS.length,
    asset: (i) => makeAsset(i, { state: 'ok', thumb: 'ready', hash: hashOf(i + 1), ...ASSETS[i] }),
    preview: (id) => ({ id, hash: null, reason: 'No preview for this kind of file' }),
  }).handle('spins.get', ({ id }) => ({
    id,
    name: 'SHOE',
    createdAt: '2026-12-05T00:00:00.000Z',
    source: null,
    coverAssetId: 5,
    frames: 0,
    warnings: [],
    frameList: [],
  }));
  harness = await startUi(
    <>
      <AssetGrid />
      <Loupe />
      <CullingLayer />
    </>,
    transport,
  );
  const grid = oneByTestId(harness.root, 'grid');
  act(() => byTestId(grid, 'grid-cell')[index]?.click());
  press(grid, ' ');
  await flush();
  return { loupe: oneByTestId(document.body, 'loupe'), transport };
}

function press(target: HTMLElement, key: string, init: KeyboardEventInit = {}): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, ...init }));
  });
}

const zoomLabel = (loupe: HTMLElement) => loupe.querySelector('.loupe-zoom[title*="press Z"]');
const reason = (loupe: HTMLElement) => byTestId(loupe, 'loupe-reason')[0]?.textContent ?? null;
const asked = (transport: FakeTransport) =>
  (transport.callsOf('previews.ensure') as { id: number }[]).map((c) => c.id);

describe('loupe by kind', () => {
  it("shows a broken PDF's, video's or model's own error over its thumbnail, asking no preview", async () => {
    const { loupe, transport } = await openOn(1);
    expect(reason(loupe)).toBe('Broken PDF: xref table is cut');
    press(loupe, 'ArrowRight');
    await flush();
    expect(loupe.textContent).toContain('clip.mov');
    expect(reason(loupe)).toBe('ffprobe: moov atom not found');
    press(loupe, 'ArrowRight');
    await flush();
    expect(reason(loupe)).toBe('OBJ: face 12 names vertex 900');
    expect(oneByTestId(loupe, 'loupe-image').getAttribute('src')).toBe(
      `test-media://thumb/${hashOf(4)}`,
    );
    // Only the photos and the spin next to them were asked for (never ids 2–4).
    expect(asked(transport).filter((id) => id >= 2 && id <= 4)).toEqual([]);
    expect(asked(transport)).toContain(5);
  });

  it('zooms a still photo with Z, and nothing else; Ctrl+Z is undo', async () => {
    const { loupe, transport } = await openOn(0);
    expect(zoomLabel(loupe)?.textContent).toBe('Fit');
    press(loupe, 'z', { ctrlKey: true });
    press(loupe, 'z', { metaKey: true });
    await flush();
    expect(loupe.dataset.zoom).toBe('fit');
    expect(transport.callsOf('edits.undo')).toHaveLength(2);
    press(loupe, 'z');
    expect(loupe.dataset.zoom).toBe('1:1');
    press(loupe, 'z');
    expect(loupe.dataset.zoom).toBe('fit');

    for (const name of ['manual.pdf', 'clip.mov', 'part.obj', 'spin.jpg']) {
      press(loupe, 'ArrowRight');
      await flush();
      expect(loupe.getAttribute('aria-label')).toBe(`Loupe: ${name}`);
      expect(zoomLabel(loupe), name).toBeNull();
      press(loupe, 'Z');
      expect(loupe.dataset.zoom, name).toBe('fit');
    }
    press(loupe, 'ArrowRight');
    await flush();
    expect(zoomLabel(loupe)?.textContent).toBe('Fit');
    press(loupe, 'Z');
    expect(loupe.dataset.zoom).toBe('1:1');
  });
});
