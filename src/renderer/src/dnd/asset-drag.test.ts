import { describe, expect, it } from 'vitest';
import { FakeDataTransfer } from '../test-support/drag';
import {
  ASSET_MIME,
  carriesDroppable,
  dragIdsFor,
  LINK_MIME,
  parseIds,
  readDrop,
  writeAssetDrag,
  writeLinkDrag,
} from './asset-drag';

const asTransfer = (t: FakeDataTransfer) => t as unknown as DataTransfer;

describe('asset drags', () => {
  it('carries asset ids under its own type, and a readable label for other apps', () => {
    const t = new FakeDataTransfer();
    writeAssetDrag(asTransfer(t), [3, 1, 2], '3 files');
    expect(t.types).toEqual([ASSET_MIME, 'text/plain']);
    expect(t.getData('text/plain')).toBe('3 files');
    expect(t.effectAllowed).toBe('copyMove');
    expect(readDrop(asTransfer(t))).toEqual({ kind: 'assets', ids: [3, 1, 2] });
  });

  it('reads a link drag as a link (and as its asset for other products)', () => {
    const t = new FakeDataTransfer();
    writeLinkDrag(asTransfer(t), { productId: 4, assetId: 9 }, 'a.jpg');
    expect(t.types).toContain(LINK_MIME);
    expect(JSON.parse(t.getData(ASSET_MIME))).toEqual([9]);
    expect(readDrop(asTransfer(t))).toEqual({ kind: 'link', link: { productId: 4, assetId: 9 } });
  });

  it('reads OS files when nothing of ours is there', () => {
    const file = new File(['x'], 'shot.jpg');
    expect(readDrop(asTransfer(FakeDataTransfer.withFiles([file])))).toEqual({
      kind: 'files',
      files: [file],
    });
    expect(readDrop(asTransfer(new FakeDataTransfer()))).toEqual({ kind: 'none' });
  });

  it('refuses made-up payloads', () => {
    for (const text of [
      '',
      'nope',
      '[]',
      '{"a":1}',
      '[1,"2"]',
      '[0]',
      '[-1]',
      '[1.5]',
      '[1e400]',
    ]) {
      expect(parseIds(text), text).toBeNull();
    }
    expect(parseIds(JSON.stringify(Array.from({ length: 10_001 }, (_, i) => i + 1)))).toBeNull();
    expect(parseIds('[2,2,3]')).toEqual([2, 3]);
    const t = new FakeDataTransfer();
    t.setData(LINK_MIME, '{"productId":"1","assetId":2}');
    expect(readDrop(asTransfer(t))).toEqual({ kind: 'none' });
  });

  it('accepts OS files over a target only where the host can place them', () => {
    const files = asTransfer(FakeDataTransfer.withFiles([new File(['x'], 'a.jpg')]));
    expect(carriesDroppable(files, true)).toBe(true);
    expect(carriesDroppable(files, false)).toBe(false);
    const text = new FakeDataTransfer();
    text.setData('text/plain', 'hello');
    expect(carriesDroppable(asTransfer(text), true)).toBe(false);
  });

  it('drags the selection when the dragged asset is in it, else the asset alone', () => {
    expect(dragIdsFor(2, [1, 2, 3])).toEqual([1, 2, 3]);
    expect(dragIdsFor(7, [1, 2, 3])).toEqual([7]);
    expect(dragIdsFor(7, [])).toEqual([7]);
  });
});
