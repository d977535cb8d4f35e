import { describe, expect, it } from 'vitest';
import { makePreflightItem, makeReport } from '../test-support/fake-export';
import { groupReport, worstLevel } from './preflight-groups';

const fail = (reason: string) => [{ check: 'min-size', level: 'fail' as const, reason }];
const warn = (reason: string) => [{ check: 'sharpness', level: 'warn' as const, reason }];

const report = makeReport([
  makePreflightItem({ productId: 1, sku: 'A-1', presetId: 'amazon-main', assetId: 11 }),
  makePreflightItem({
    productId: 1,
    sku: 'A-1',
    presetId: 'amazon-additional',
    assetId: 12,
    role: 'gallery',
    level: 'warn',
    checks: warn('Looks soft'),
  }),
  makePreflightItem({
    productId: 1,
    sku: 'A-1',
    presetId: 'shopify',
    channel: 'shopify',
    assetId: 11,
  }),
  makePreflightItem({
    productId: 2,
    sku: 'B-2',
    presetId: 'amazon-main',
    assetId: 21,
    level: 'fail',
    checks: fail('Only 640 px on the long side; Amazon needs 1000'),
  }),
  makePreflightItem({
    productId: 2,
    sku: 'B-2',
    presetId: 'amazon-main',
    assetId: null,
    assetName: null,
    role: null,
    position: null,
    level: 'fail',
    checks: fail('No main image'),
  }),
]);

describe('groupReport', () => {
  it('groups by product × channel (presets of one channel together), with the worst level and counts', () => {
    const groups = groupReport(report, false);
    expect(groups.map((g) => [g.sku, g.channel, g.level, g.items.length])).toEqual([
      ['A-1', 'amazon', 'warn', 2],
      ['A-1', 'shopify', 'pass', 1],
      ['B-2', 'amazon', 'fail', 2],
    ]);
    expect(groups[0]!.counts).toEqual({ pass: 1, warn: 1, fail: 0 });
  });

  it('keeps only failing rows, and the groups that have some, when filtered to failures', () => {
    const groups = groupReport(report, true);
    expect(groups.map((g) => g.sku)).toEqual(['B-2']);
    expect(groups[0]!.items.map((i) => i.checks[0]!.reason)).toEqual([
      'Only 640 px on the long side; Amazon needs 1000',
      'No main image',
    ]);
  });

  it('orders levels pass < warn < fail', () => {
    expect(worstLevel([])).toBe('pass');
    expect(worstLevel(['warn', 'pass'])).toBe('warn');
    expect(worstLevel(['warn', 'fail', 'pass'])).toBe('fail');
  });
});
