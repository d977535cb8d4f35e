// @vitest-environment jsdom
// Versions in the preview panel (fake engine): how each is kept, restore only after a
// confirm, replace by path (desktop) or by upload (browser), and the compare view's three
// views, keys and metadata.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { VersionCompare, VersionList, VersionSide } from '../../../../shared/version-dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset, type FakeTransport } from '../../test-support/fake-transport';
import { makeVersion } from '../../test-support/fake-versions';
import { FakeDataTransfer, fireDrag } from '../../test-support/drag';
import { choose, press } from '../../test-support/interact';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { VersionHistory } from '../preview/VersionHistory';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const ASSET = makeAsset(0, { hash: 'c'.repeat(64), state: 'ok', versions: 3 });
const LIST: VersionList = {
  id: 1,
  path: ASSET.path,
  clones: false,
  versions: [
    makeVersion(1, { hash: 'a'.repeat(64), restorable: true, kept: 'store' }),
    makeVersion(2, { hash: 'b'.repeat(64), restorable: true, kept: 'clone' }),
    makeVersion(3, { hash: 'd'.repeat(64) }),
    makeVersion(4, { hash: 'c'.repeat(64), current: true, bytes: 5000, width: 1200 }),
  ],
};

async function show(setup: (t: FakeTransport) => void = () => undefined) {
  const transport = fakeEngine().handle('versions.list', () => LIST);
  setup(transport);
  harness = await startUi(<VersionHistory asset={ASSET} />, transport);
  await flush();
  const rows = () => byTestId(harness!.root, 'version');
  const row = (n: number) => rows().find((r) => r.dataset.n === String(n))!;
  return { ...harness, transport, rows, row };
}

const side = (n: number, over: Partial<VersionSide> = {}): VersionSide => ({
  ...makeVersion(n),
  source: 'store',
  format: 'jpeg',
  capturedAt: '2026-03-01T10:00:00',
  camera: 'Canon EOS R5',
  keywords: ['shoe'],
  title: null,
  ...over,
});

const COMPARED: VersionCompare = {
  id: 1,
  a: side(1, { hash: 'a'.repeat(64), kept: 'store', restorable: true, preview: true }),
  b: side(4, { hash: 'c'.repeat(64), current: true, width: 1200, bytes: 5000 }),
  diff: {
    path: '/data/cache/diffs/aa/x.png',
    key: `${'a'.repeat(64)}-${'c'.repeat(64)}`,
    width: 1024,
    height: 768,
    changedShare: 0.253,
    meanDifference: 12.34,
    reason: null,
  },
};

function key(target: Element, name: string): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
}

describe('versions in the preview panel', () => {
  it('lists each version newest first, saying how it is kept and what it can do', async () => {
    const { rows, row, root } = await show();
    expect(rows().map((r) => r.dataset.n)).toEqual(['4', '3', '2', '1']);
    const kept = (n: number) => oneByTestId(row(n), 'version-kept').textContent;
    expect(kept(1)).toBe('Kept in the version store');
    expect(kept(2)).toBe('Kept as a reflink clone');
    expect(kept(3)).toBe('Not kept');
    expect(oneByTestId(row(3), 'version-kept').title).toMatch(/cannot be restored/);
    expect(row(4).getAttribute('aria-current')).toBe('true');
    expect(row(4).textContent).toContain('Current');
    expect(row(4).textContent).toContain('5.0 KB');
    expect(row(4).textContent).toContain('cccccccccccc');
    expect(row(1).querySelector('img')?.getAttribute('src')).toBe(
      `test-media://thumb/${'a'.repeat(64)}`,
    );
    // Restore: only what is kept and not current; compare: anything not current.
    const has = (n: number, id: string) => byTestId(row(n), id).length === 1;
    expect([1, 2, 3, 4].map((n) => has(n, 'version-restore'))).toEqual([true, true, false, false]);
    expect([1, 2, 3, 4].map((n) => has(n, 'version-compare'))).toEqual([true, true, true, false]);
    expect(oneByTestId(root, 'versions-clones').textContent).toMatch(/only where the volume/);
  });

  it('restores only after a confirm, and shows the list the restore answers', async () => {
    const { transport, row } = await show((t) =>
      t.handle('versions.restore', ({ n }) => ({
        ...LIST,
        n: 5,
        kept: 'c'.repeat(64),
        versions: [
          ...LIST.versions.map((v) => ({ ...v, current: false })),
          makeVersion(5, { hash: LIST.versions[n - 1]!.hash, current: true, kept: 'store' }),
        ],
      })),
    );
    await press(oneByTestId(row(1), 'version-restore'));
    expect(oneByTestId(row(1), 'version-confirm').textContent).toMatch(/Restore v1\?.*as v5/);
    expect(transport.callsOf('versions.restore')).toEqual([]);
    await press([...row(1).querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!);
    expect(byTestId(row(1), 'version-confirm')).toEqual([]);
    expect(transport.callsOf('versions.restore')).toEqual([]);

    await press(oneByTestId(row(1), 'version-restore'));
    await press(oneByTestId(row(1), 'version-confirm-restore'));
    expect(transport.callsOf('versions.restore')).toEqual([{ id: 1, n: 1 }]);
    expect(row(5).getAttribute('aria-current')).toBe('true');
  });

  it('replaces by path on the desktop and by upload in the browser, from the button', async () => {
    const replaced = { ...LIST, n: 5, kept: 'c'.repeat(64) };
    const chunks: string[] = [];
    const { transport, root } = await show((t) =>
      t
        .handle('versions.replace', () => replaced)
        .handle('uploads.begin', () => ({ uploadId: 'f'.repeat(36), chunkBytes: 4 }))
        .handle('uploads.append', ({ base64, offset }) => {
          chunks.push(base64);
          return { received: offset + atob(base64).length };
        })
        .handle('uploads.commit', () => ({ bytes: 10 })),
    );
    const choose = async (file: File) => {
      const input = oneByTestId(root, 'versions-replace-input') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      act(() => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      // FileReader reports on its own task.
      await act(async () => {
        for (let i = 0; i < 40 && transport.callsOf('versions.replace').length === 0; i++)
          await new Promise((resolve) => setTimeout(resolve, 0));
      });
      await flush();
    };
    await choose(new File(['0123456789'], 'new shoe.jpg'));
    expect(transport.callsOf('versions.replace')).toEqual([
      { id: 1, uploadId: 'f'.repeat(36), name: 'new shoe.jpg' },
    ]);
    expect(chunks.map((c) => atob(c)).join('')).toBe('0123456789');

    transport.calls.length = 0;
    transport.pathForFile = (file) => `/drops/${file.name}`;
    await choose(new File(['x'], 'other.jpg'));
    expect(transport.callsOf('versions.replace')).toEqual([{ id: 1, path: '/drops/other.jpg' }]);
    expect(transport.callsOf('uploads.begin')).toEqual([]);

    // A file dropped on the section: the same replace.
    const section = oneByTestId(root, 'versions');
    const transfer = FakeDataTransfer.withFiles([new File(['y'], 'dropped.jpg')]);
    expect(fireDrag(section, 'dragover', transfer)).toBe(true);
    expect(section.className).toContain('is-drop-target');
    fireDrag(section, 'drop', transfer);
    await flush();
    expect(transport.callsOf('versions.replace').at(-1)).toEqual({
      id: 1,
      path: '/drops/dropped.jpg',
    });
    expect(oneByTestId(root, 'versions').className).not.toContain('is-drop-target');
  });
});

describe('comparing two versions', () => {
  it('shows them side by side, as a slider moved by the arrows, and as a difference', async () => {
    const { transport, row, root } = await show((t) =>
      t.handle('versions.compare', () => COMPARED),
    );
    await press(oneByTestId(row(1), 'version-compare'));
    await flush();
    expect(transport.callsOf('versions.compare')).toEqual([{ id: 1, a: 1, b: 4 }]);
    const view = oneByTestId(root, 'version-compare-view');
    expect(document.activeElement).toBe(view);
    const frames = byTestId(view, 'version-compare-frame');
    expect(frames.map((f) => f.querySelector('img')?.getAttribute('src'))).toEqual([
      `test-media://preview/${'a'.repeat(64)}`, // its preview, rendered by the compare
      `test-media://thumb/${'c'.repeat(64)}`,
    ]);

    key(view, 'ArrowRight'); // the arrows open the slider and move it
    const clip = () => oneByTestId(view, 'version-wipe-b').style.clipPath;
    expect(clip()).toBe('inset(0 0 0 55%)');
    key(view, 'ArrowLeft');
    key(view, 'ArrowLeft');
    expect(clip()).toBe('inset(0 0 0 45%)');
    expect((oneByTestId(view, 'version-wipe-range') as HTMLInputElement).value).toBe('45');
    for (let i = 0; i < 30; i++) key(view, 'ArrowLeft');
    expect(clip()).toBe('inset(0 0 0 0%)');

    key(view, '3');
    expect(oneByTestId(view, 'version-compare-diff').getAttribute('src')).toBe(
      `test-media://diff/${COMPARED.diff.key}`,
    );
    expect(oneByTestId(view, 'version-compare-diff-figures').textContent).toMatch(
      /^25% of pixels differ, mean difference 12\.3 of 255/,
    );

    // Any two versions: the pickers compare another pair.
    choose(oneByTestId(view, 'version-pick-b'), '2');
    await flush();
    expect(transport.callsOf('versions.compare')).toEqual([
      { id: 1, a: 1, b: 4 },
      { id: 1, a: 1, b: 2 },
    ]);

    key(view, 'Escape');
    expect(byTestId(root, 'version-compare-view')).toEqual([]);
  });

  it('puts their metadata side by side and marks the rows that differ', async () => {
    const { row, root } = await show((t) => t.handle('versions.compare', () => COMPARED));
    await press(oneByTestId(row(1), 'version-compare'));
    await flush();
    const table = oneByTestId(root, 'version-facts');
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [
      r.querySelector('th')?.firstChild?.textContent,
      r.getAttribute('data-differs') === 'true',
    ]);
    expect(Object.fromEntries(rows)).toEqual({
      Recorded: true,
      Dimensions: true,
      Size: true,
      Hash: true,
      Format: false,
      Captured: false,
      Camera: false,
      Title: false,
      Keywords: false,
      Kept: true,
    });
    expect(table.textContent).toContain('800 × 600 px1200 × 600 px');
  });

  it('says why there is no difference image when a side was not kept', async () => {
    const { row, root } = await show((t) =>
      t.handle('versions.compare', () => ({
        ...COMPARED,
        diff: {
          ...COMPARED.diff,
          path: null,
          key: null,
          reason:
            'Version 4: Its bytes were not kept (not restorable), so its pixels cannot be read',
        },
      })),
    );
    await press(oneByTestId(row(3), 'version-compare'));
    await flush();
    await press(oneByTestId(root, 'version-mode-diff'));
    expect(oneByTestId(root, 'version-compare-no-diff').textContent).toMatch(/were not kept/);
  });
});
