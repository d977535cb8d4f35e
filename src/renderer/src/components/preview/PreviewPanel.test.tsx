// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Asset, AssetDetail } from '../../../../shared/dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine, type FakeEngineOptions } from '../../test-support/fake-engine';
import { makeAsset, makeDetail, makeMetadata } from '../../test-support/fake-transport';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { PreviewPanel } from './PreviewPanel';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

/** Shows the panel with asset `index` of the engine's list selected. */
async function show(index: number, options: FakeEngineOptions) {
  const transport = fakeEngine(options);
  harness = await startUi(<PreviewPanel />, transport);
  const { stores } = harness;
  act(() => stores.assets.getState().ensureRange(0, 10));
  await flush();
  act(() => stores.selection.getState().select(index, index + 1));
  await flush();
  await flush();
  const text = (id: string) => oneByTestId(harness!.root, id).textContent;
  return { ...harness, transport, text };
}

const described = (asset: Asset): AssetDetail =>
  makeDetail(asset, {
    metadata: makeMetadata({
      capturedAt: '2026-03-12T14:05:09',
      make: 'Canon',
      model: 'Canon EOS R5',
      lens: 'RF 50mm F1.2L USM',
      exposureTime: 1 / 250,
      fNumber: 2.8,
      iso: 100,
      focalLength: 50,
      gps: { latitude: 52.374031, longitude: 4.889689, altitude: null },
      title: 'Red sneaker, side',
      description: 'Studio shot\non white',
      keywords: ['sneaker', 'red'],
      hierarchicalKeywords: ['Products|Shoes|Sneakers'],
      creator: 'Ada Lens',
      copyright: '© 2026 Shop BV',
      usageTerms: 'Web shop only',
      rating: 4,
      label: 'Green',
      colorSpace: 'sRGB',
      iccProfile: 'sRGB IEC61966-2.1',
      bitDepth: 8,
      hasAlpha: false,
      sidecars: ['shoot/IMG_0001.xmp'],
    }),
    history: [
      {
        hash: 'old',
        bytes: 900_000,
        width: 4000,
        height: 3000,
        recordedAt: '2026-01-02T10:00:00Z',
      },
      {
        hash: 'cur',
        bytes: 1_234_567,
        width: 6000,
        height: 4000,
        recordedAt: '2026-02-03T10:00:00Z',
      },
    ],
  });

describe('preview panel metadata', () => {
  it('shows what assets.get knows, written for people', async () => {
    const { text, root } = await show(0, {
      asset: (i) =>
        makeAsset(i, { hash: 'cur', versions: 2, displayWidth: 4000, displayHeight: 6000 }),
      detail: described,
    });
    expect(text('preview-dimensions')).toBe('4000 × 6000 px');
    expect(text('preview-captured')).toBe('12 Mar 2026, 14:05:09');
    expect(text('preview-camera')).toBe('Canon EOS R5');
    expect(text('preview-lens')).toBe('RF 50mm F1.2L USM');
    expect(text('preview-exposure')).toBe('1/250 s, f/2.8, ISO 100, 50 mm');
    expect(text('preview-gps')).toBe('52.37403° N, 4.88969° E');
    expect(text('preview-title')).toBe('Red sneaker, side');
    expect(text('preview-description')).toBe('Studio shot\non white');
    expect(
      [...oneByTestId(root, 'preview-keywords').querySelectorAll('li')].map((l) => l.textContent),
    ).toEqual(['sneaker', 'red']);
    expect(text('preview-hierarchical-keywords')).toBe('Products › Shoes › Sneakers');
    expect(text('preview-creator')).toBe('Ada Lens');
    expect(text('preview-copyright')).toBe('© 2026 Shop BV');
    expect(text('preview-usage-terms')).toBe('Web shop only');
    expect(text('preview-rating')).toBe('★★★★☆');
    expect(text('preview-label')).toBe('Green');
    expect(text('preview-color-space')).toBe('sRGB');
    expect(text('preview-icc')).toBe('sRGB IEC61966-2.1');
    expect(text('preview-bit-depth')).toBe('8 bits per channel');
    expect(text('preview-sidecars')).toBe('shoot/IMG_0001.xmp');

    const versions = oneByTestId(root, 'preview-history').querySelectorAll('li');
    expect(versions).toHaveLength(2);
    expect(versions[0]?.textContent).toContain('3 Feb 2026');
    expect(versions[0]?.textContent).toContain('1.2 MB');
    expect(versions[0]?.textContent).toContain('6000 × 4000 px');
    expect(versions[0]?.getAttribute('aria-current')).toBe('true');
    expect(versions[1]?.textContent).toContain('900 KB');
    expect(versions[1]?.getAttribute('aria-current')).toBeNull();
  });

  it('shows only what is present: no empty labels for a file without metadata', async () => {
    const { root } = await show(0, {});
    for (const id of [
      'preview-captured',
      'preview-camera',
      'preview-exposure',
      'preview-keywords',
      'preview-gps',
      'preview-rating',
      'preview-notice',
      'preview-history',
      'preview-sidecars',
      'preview-duplicate',
    ]) {
      expect(byTestId(root, id), id).toEqual([]);
    }
    const labels = [...root.querySelectorAll('dt')].map((d) => d.textContent);
    expect(labels).toEqual(['Dimensions', 'Format', 'Size', 'Added', 'Path']);
  });

  it('uses what the list row knows before the details arrive', async () => {
    const { text } = await show(0, {
      asset: (i) =>
        makeAsset(i, { capturedAt: '2026-05-01T09:30:00', camera: 'iPhone 15', keywords: ['a'] }),
    });
    expect(text('preview-captured')).toBe('1 May 2026, 09:30:00');
    expect(text('preview-camera')).toBe('iPhone 15');
    expect(text('preview-keywords')).toBe('a');
  });

  it('shows the notice, and what missing means', async () => {
    const { text } = await show(0, {
      asset: (i) =>
        makeAsset(i, {
          state: 'missing',
          notice: 'No HEIC decoder here: shown from its embedded thumbnail.',
        }),
    });
    expect(text('preview-notice')).toBe('No HEIC decoder here: shown from its embedded thumbnail.');
    expect(text('preview-missing')).toMatch(/gone from disk/);
  });

  it('links a copy to its original, and selects it when clicked', async () => {
    const { root, stores } = await show(3, {
      total: 5,
      asset: (i) => makeAsset(i, i === 3 ? { duplicateOf: 2 } : {}),
    });
    const link = oneByTestId(root, 'preview-duplicate').querySelector('button');
    expect(link?.textContent).toBe('#2');
    expect(link?.disabled).toBe(false);
    act(() => link?.click());
    await flush();
    expect(stores.selection.getState()).toMatchObject({ index: 1, id: 2 });
    expect(oneByTestId(root, 'preview-name').textContent).toBe('img-000001.jpg');
  });

  it('says so when the original is not in the list shown', async () => {
    const { root } = await show(0, { asset: (i) => makeAsset(i, { duplicateOf: 9_999 }) });
    const link = oneByTestId(root, 'preview-duplicate').querySelector('button');
    expect(link?.disabled).toBe(true);
    expect(link?.title).toMatch(/not in the list/i);
  });

  it('asks for the details again when the asset is read again, once', async () => {
    let read = false;
    const { transport, stores } = await show(0, {
      asset: (i) => makeAsset(i, read ? { hash: 'new', thumb: 'ready', state: 'ok' } : {}),
    });
    expect(transport.callsOf('assets.get')).toEqual([{ id: 1 }]);
    read = true;
    act(() =>
      stores.assets
        .getState()
        .applyIndexed([{ id: 1, hash: 'new', thumb: 'ready', state: 'ok', error: null }]),
    );
    await flush();
    await flush();
    expect(transport.callsOf('assets.get')).toEqual([{ id: 1 }, { id: 1 }]);
  });
});
