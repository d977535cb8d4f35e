// Which GLBs the viewer is served as they are: a plain one; not one whose geometry is
// compressed, nor one that names files beside it (the viewer gets one file, and would ask
// for the others in vain), which go through packForViewer and come out self-contained.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { describe, expect, it } from 'vitest';
import { makeCubeGlb, writeCubeGltf } from '../../../test-support/model-export-fixtures';
import { tempDir } from '../../../test-support/sample-images';
import { packForViewer, viewableAsIs } from './pack-for-viewer';

/** A GLB of `json` with no BIN chunk (its JSON chunk padded with spaces, as the spec says). */
function glbOf(json: object): Buffer {
  let text = JSON.stringify(json);
  while (text.length % 4 !== 0) text += ' ';
  const head = Buffer.alloc(20);
  head.writeUInt32LE(0x46546c67, 0);
  head.writeUInt32LE(2, 4);
  head.writeUInt32LE(20 + text.length, 8);
  head.writeUInt32LE(text.length, 12);
  head.writeUInt32LE(0x4e4f534a, 16);
  return Buffer.concat([head, Buffer.from(text)]);
}

describe('viewableAsIs', () => {
  it('serves a plain GLB as it is, and packs one that names external files', async () => {
    const dir = await tempDir('viewable');
    const at = (name: string): string => join(dir, name);
    await writeFile(at('plain.glb'), await makeCubeGlb(16));
    expect(await viewableAsIs(at('plain.glb'))).toBe(true);
    const asset = { version: '2.0' };
    await writeFile(
      at('inline.glb'),
      glbOf({ asset, images: [{ uri: 'data:image/png;base64,' }] }),
    );
    expect(await viewableAsIs(at('inline.glb'))).toBe(true);
    await writeFile(at('buffer.glb'), glbOf({ asset, buffers: [{ uri: 'b.bin', byteLength: 4 }] }));
    expect(await viewableAsIs(at('buffer.glb'))).toBe(false);
    await writeFile(at('image.glb'), glbOf({ asset, images: [{ uri: 'a.png' }] }));
    expect(await viewableAsIs(at('image.glb'))).toBe(false);

    // The cube's buffer and texture as files beside a GLB that names them: packed whole.
    const gltf = await writeCubeGltf(dir, 'cube', 'tex/a.png');
    const json = JSON.parse(await readFile(gltf, 'utf8')) as object;
    await writeFile(at('external.glb'), glbOf(json));
    expect(await viewableAsIs(at('external.glb'))).toBe(false);
    const packed = await packForViewer(at('external.glb'));
    await writeFile(at('packed.glb'), packed);
    expect(await viewableAsIs(at('packed.glb'))).toBe(true);
    const doc = await new NodeIO().readBinary(packed);
    expect(doc.getRoot().listTextures()).toHaveLength(1);
    expect(doc.getRoot().listMeshes()).toHaveLength(1);
  });
});
