// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makePreflightItem, makePreset, makeReport } from '../../test-support/fake-export';
import { press, typeInto } from '../../test-support/interact';
import { byTestId, oneByTestId } from '../../test-support/render';
import { PackshotError } from '../../../../shared/errors';
import { PreflightPanel } from './PreflightPanel';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const PRESETS = [
  makePreset('amazon-main', { name: 'Amazon main', channel: 'amazon' }),
  makePreset('amazon-additional', { name: 'Amazon additional', channel: 'amazon' }),
  makePreset('shopify', { name: 'Shopify', channel: 'shopify' }),
];

const REPORT = makeReport([
  makePreflightItem({ productId: 1, sku: 'A-1', presetId: 'amazon-main', assetId: 11 }),
  makePreflightItem({
    productId: 1,
    sku: 'A-1',
    presetId: 'shopify',
    channel: 'shopify',
    assetId: 11,
    level: 'warn',
    checks: [{ check: 'sharpness', level: 'warn', reason: 'Looks soft (variance 41 < 60)' }],
  }),
  makePreflightItem({
    productId: 2,
    sku: 'B-2',
    presetId: 'amazon-main',
    assetId: 21,
    assetName: 'b2-front.jpg',
    level: 'fail',
    checks: [
      { check: 'min-size', level: 'fail', reason: 'Long side 640 px; at least 1000 px' },
      { check: 'format', level: 'pass', reason: 'JPEG' },
    ],
  }),
]);

async function start() {
  const transport = fakeEngine({ presets: PRESETS, report: REPORT });
  harness = await startUi(<PreflightPanel />, transport);
  return { transport, root: harness.root };
}

describe('pre-flight', () => {
  it('checks the chosen channels and products, and shows the report by product × channel', async () => {
    const { transport, root } = await start();
    expect(oneByTestId(root, 'preflight-run')).toHaveProperty('disabled', true);
    await press(oneByTestId(root, 'channel-amazon'));
    // A whole channel covers its presets.
    expect(oneByTestId(root, 'channel-preset-amazon-main')).toHaveProperty('disabled', true);
    await press(oneByTestId(root, 'channel-preset-shopify'));
    typeInto(oneByTestId(root, 'pack-query'), ' red ');
    await press(oneByTestId(root, 'preflight-run'));

    expect(transport.callsOf('exports.check')).toEqual([
      { channels: ['amazon', 'shopify'], query: 'red' },
    ]);
    expect(oneByTestId(root, 'preflight-counts').textContent).toBe(
      '2 products · 1 pass · 1 warn · 1 fail',
    );
    const groups = byTestId(root, 'preflight-group');
    expect(groups.map((g) => [g.dataset.sku, g.dataset.channel, g.dataset.level])).toEqual([
      ['A-1', 'amazon', 'pass'],
      ['A-1', 'shopify', 'warn'],
      ['B-2', 'amazon', 'fail'],
    ]);
    // Each reason that did not pass is shown; passing checks are not.
    expect(byTestId(root, 'preflight-reason').map((r) => r.textContent)).toEqual([
      'Looks soft (variance 41 < 60)',
      'Long side 640 px; at least 1000 px',
    ]);
  });

  it('lets a one-preset channel whose id is the preset’s be ticked and unticked', async () => {
    const { root } = await start();
    const shopify = oneByTestId(root, 'channel-preset-shopify') as HTMLInputElement;
    await press(shopify);
    expect([shopify.checked, shopify.disabled]).toEqual([true, false]);
    await press(shopify);
    expect(shopify.checked).toBe(false);
    expect(oneByTestId(root, 'preflight-run')).toHaveProperty('disabled', true);
  });

  it('filters to failures', async () => {
    const { root } = await start();
    await press(oneByTestId(root, 'channel-amazon'));
    await press(oneByTestId(root, 'preflight-run'));
    await press(oneByTestId(root, 'preflight-failures-only'));
    const groups = byTestId(root, 'preflight-group');
    expect(groups.map((g) => g.dataset.sku)).toEqual(['B-2']);
    expect(byTestId(root, 'preflight-item')).toHaveLength(1);
    expect(groups[0]!.textContent).toContain('#1 b2-front.jpg');
    // The counts stay those of the whole report.
    expect(oneByTestId(root, 'preflight-counts').textContent).toContain('1 fail');
  });

  it('shows the engine’s reason when the check cannot run', async () => {
    const { transport, root } = await start();
    transport.handle('exports.check', () => {
      throw new Error('not built yet');
    });
    await press(oneByTestId(root, 'channel-preset-shopify'));
    await press(oneByTestId(root, 'preflight-run'));
    expect(oneByTestId(root, 'preflight-error').textContent).toBe('not built yet');
  });

  it('shows a query the engine refuses with its caret under the mistake', async () => {
    const { transport, root } = await start();
    const message = "Unexpected ')' (at column 5)\n  red )\n      ^";
    transport.handle('exports.check', () => {
      throw new PackshotError('invalid_argument', message);
    });
    await press(oneByTestId(root, 'channel-preset-shopify'));
    typeInto(oneByTestId(root, 'pack-query'), 'red )');
    await press(oneByTestId(root, 'preflight-run'));
    expect(oneByTestId(root, 'preflight-error').textContent).toBe(message);
    expect(oneByTestId(root, 'preflight-error-caret').textContent).toBe('\n  red )\n      ^');
  });
});
