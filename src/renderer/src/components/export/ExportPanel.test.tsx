// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makePreset, makeProgress, makeSummary } from '../../test-support/fake-export';
import { choose, press, typeInto } from '../../test-support/interact';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { PackshotError } from '../../../../shared/errors';
import { ExportPanel } from './ExportPanel';

/** What the engine's parser answers for 'sku:SHOT-A OR' (parse-query.ts, queryError). */
const QUERY_ERROR = 'OR needs a term after it (at column 14)\n  sku:SHOT-A OR\n               ^';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

async function start(pickFolder?: () => Promise<string | null>) {
  const transport = fakeEngine({ presets: [makePreset('shopify', { name: 'Shopify' })] });
  transport.pickFolder = pickFolder;
  harness = await startUi(<ExportPanel />, transport);
  return { transport, root: harness.root };
}

async function startExport(root: HTMLElement): Promise<void> {
  await press(oneByTestId(root, 'channel-preset-shopify'));
  typeInto(oneByTestId(root, 'export-out'), '/packs/spring');
  choose(oneByTestId(root, 'export-failures'), 'warn');
  typeInto(oneByTestId(root, 'export-base-url'), 'https://cdn.example.com/spring/');
  await press(oneByTestId(root, 'export-start'));
}

describe('export panel', () => {
  it('starts with the chosen folder, failure policy, base URL and dry run', async () => {
    const { transport, root } = await start();
    await press(oneByTestId(root, 'export-dry-run'));
    await startExport(root);
    expect(transport.callsOf('exports.start')).toEqual([
      {
        channels: ['shopify'],
        out: '/packs/spring',
        failures: 'warn',
        dryRun: true,
        baseUrl: 'https://cdn.example.com/spring/',
      },
    ]);
    expect(byTestId(root, 'export-progress')).toHaveLength(1);
  });

  it('offers the static headless preset on its own, never under its channel', async () => {
    const headless = {
      sizes: '100vw',
      fallback: 'jpeg' as const,
      spinWidth: 960,
      mediaCache: 'public, max-age=31536000, immutable',
      jsonCache: 'no-cache',
    };
    const transport = fakeEngine({
      presets: [makePreset('web'), makePreset('headless', { channel: 'web', headless })],
    });
    harness = await startUi(<ExportPanel />, transport);
    const root = harness.root;
    // 'web' has one channel-pack preset: no "All of web" box that would seem to cover both.
    expect(byTestId(root, 'channel-web')).toHaveLength(0);
    await press(oneByTestId(root, 'channel-preset-headless'));
    typeInto(oneByTestId(root, 'export-out'), '/site');
    await press(oneByTestId(root, 'export-start'));
    expect(transport.callsOf('exports.start')[0]).toMatchObject({ channels: ['headless'] });
  });

  it('offers the host’s folder picker where there is one', async () => {
    const { root } = await start(() => Promise.resolve('/picked/folder'));
    const browse = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Browse…');
    await press(browse!);
    expect(oneByTestId(root, 'export-out')).toHaveProperty('value', '/picked/folder');
  });

  it('moves the progress bar with exports.progress events: done/total, rate, time left, file', async () => {
    const { transport, root } = await start();
    await startExport(root);
    act(() =>
      transport.emit(
        'exports.progress',
        makeProgress({
          jobId: 'job-1',
          done: 30,
          total: 120,
          rate: 4.5,
          etaSeconds: 20,
          current: 'shopify/A-1/a-1-2.jpg',
        }),
      ),
    );
    const bar = root.querySelector('progress')!;
    expect([bar.value, bar.max]).toEqual([30, 120]);
    expect(oneByTestId(root, 'export-done').textContent).toBe('30 / 120');
    expect(oneByTestId(root, 'export-rate').textContent).toBe('4.5 images/s');
    expect(oneByTestId(root, 'export-eta').textContent).toBe('20 s left');
    expect(oneByTestId(root, 'export-current').textContent).toBe('shopify/A-1/a-1-2.jpg');
  });

  it('cancels, then shows the summary with every count and each failure’s reason', async () => {
    const { transport, root } = await start();
    transport.handle('exports.wait', ({ jobId }) =>
      makeSummary({
        jobId,
        state: 'cancelled',
        rendered: 12,
        unchanged: 30,
        removed: 2,
        skipped: 3,
        warned: 1,
        failed: 1,
        errors: [
          {
            sku: 'B-2',
            presetId: 'shopify',
            assetId: 21,
            file: 'shopify/B-2/b-2-1.jpg',
            reason: 'Input file is truncated',
          },
        ],
      }),
    );
    await startExport(root);
    await press(oneByTestId(root, 'export-cancel'));
    expect(transport.callsOf('exports.cancel')).toEqual([{ jobId: 'job-1' }]);
    act(() =>
      transport.emit(
        'exports.progress',
        makeProgress({ jobId: 'job-1', state: 'cancelled', done: 46, total: 120 }),
      ),
    );
    await flush();

    expect(oneByTestId(root, 'export-ending').textContent).toBe('Export cancelled');
    const counts = Object.fromEntries(
      ['rendered', 'unchanged', 'removed', 'skipped', 'warned', 'failed'].map((k) => [
        k,
        oneByTestId(root, `summary-${k}`).textContent,
      ]),
    );
    expect(counts).toEqual({
      rendered: '12',
      unchanged: '30',
      removed: '2',
      skipped: '3',
      warned: '1',
      failed: '1',
    });
    expect(oneByTestId(root, 'export-error-item').textContent).toBe(
      'B-2 · shopify · shopify/B-2/b-2-1.jpg: Input file is truncated',
    );
    await press(oneByTestId(root, 'export-again'));
    expect(byTestId(root, 'export-start')).toHaveLength(1);
    // The next export starts from the last one's options.
    expect(oneByTestId(root, 'export-out')).toHaveProperty('value', '/packs/spring');
    expect(oneByTestId(root, 'export-failures')).toHaveProperty('value', 'warn');
  });

  it('shows a query the engine refuses with its caret under the mistake, and stays on the form', async () => {
    const { transport, root } = await start();
    transport.handle('exports.start', () => {
      throw new PackshotError('invalid_argument', QUERY_ERROR);
    });
    typeInto(oneByTestId(root, 'pack-query'), 'sku:SHOT-A OR');
    await startExport(root);
    expect(transport.callsOf('exports.start')[0]).toMatchObject({ query: 'sku:SHOT-A OR' });
    expect(oneByTestId(root, 'export-error').textContent).toBe(QUERY_ERROR);
    // The query and caret lines, as the engine wrote them: the caret under column 14.
    expect(oneByTestId(root, 'export-error-caret').textContent).toBe(
      '\n  sku:SHOT-A OR\n               ^',
    );
    expect(byTestId(root, 'export-start')).toHaveLength(1);
  });
});
