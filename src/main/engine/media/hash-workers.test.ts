// Hashing on a worker thread gives the same SHA-256 as hashing here, and the same bytes back.
import { createHash, randomBytes } from 'node:crypto';
import { writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-images';
import { hashOffThread } from './hash-workers';
import { readAndHash } from './read-and-hash';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A Buffer that owns its whole memory, as a file read whole is. */
function owned(data: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(data.length);
  data.copy(copy);
  return copy;
}

describe('hashOffThread', () => {
  it('hashes small, pooled and whole buffers alike, and hands the bytes back', async () => {
    const sizes = [0, 10, 64 * 1024 - 1, 64 * 1024, 3 * 1024 * 1024 + 7];
    for (const size of sizes) {
      const original = randomBytes(size);
      const { hash, buffer } = await hashOffThread(owned(original));
      expect(hash).toBe(sha256(original));
      expect(buffer.equals(original)).toBe(true);
    }
    // A slice of a larger buffer is hashed here, unharmed.
    const big = randomBytes(512 * 1024);
    const slice = big.subarray(100, 300 * 1024);
    expect((await hashOffThread(slice)).hash).toBe(sha256(slice));
    expect(slice.length).toBe(300 * 1024 - 100);
  });

  it('keeps each answer with its own bytes when many are in flight', async () => {
    const inputs = Array.from({ length: 24 }, (_, i) => randomBytes(100 * 1024 + i * 4099));
    const results = await Promise.all(inputs.map((data) => hashOffThread(owned(data))));
    results.forEach(({ hash, buffer }, i) => {
      const input = inputs[i] as Buffer;
      expect(hash).toBe(sha256(input));
      expect(buffer.equals(input)).toBe(true);
    });
  });
});

describe('readAndHash', () => {
  it('reads a file once and hashes it as a stream would', async () => {
    const dir = await tempDir('packshot-hash-');
    try {
      for (const size of [1, 200 * 1024, 5 * 1024 * 1024]) {
        const data = randomBytes(size);
        const path = join(dir, `f-${size}`);
        await writeFile(path, data);
        const kept = await readAndHash(path, size);
        expect(kept.hash).toBe(sha256(data));
        expect(kept.bytes).toBe(size);
        expect(kept.buffer?.equals(data)).toBe(true);
        const streamed = await readAndHash(path, size, false);
        expect(streamed).toEqual({ hash: sha256(data), bytes: size, buffer: null });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
