// HEIC: sharp's prebuilt libvips has no HEVC decoder, so a HEIC is indexed from its
// container (dimensions, metadata) with a clear "no decoder" notice instead of an error.
// The file is made by heif-enc (libheif-examples), the reference HEIF encoder.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';

const HEIF_ENC = '/usr/bin/heif-enc';
const hasEncoder = existsSync(HEIF_ENC);

let h: Harness;
let folder: string;

beforeAll(async () => {
  if (!hasEncoder) return;
  folder = await tempDir('heic');
  const source = join(folder, 'source.jpg.tmp');
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a7bd0' } })
    .jpeg()
    .toFile(source);
  execFileSync(HEIF_ENC, ['-q', '50', '-o', join(folder, 'phone.heic'), source]);
  await rm(source);
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
});

afterAll(async () => {
  if (!hasEncoder) return;
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('HEIC without a decoder', () => {
  it.skipIf(!hasEncoder)(
    `is indexed with its size and a clear no-decoder notice (skipped without ${HEIF_ENC}, from libheif-examples)`,
    async () => {
      const asset = await h.byName('phone.heic');
      expect(asset).toMatchObject({
        kind: 'image',
        format: 'heic',
        state: 'ok',
        width: 640,
        height: 480,
        thumb: 'none',
        error: null,
      });
      expect(asset.notice).toMatch(/no HEIC decoder/i);
    },
  );
});
