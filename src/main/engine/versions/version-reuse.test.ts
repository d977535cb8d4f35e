// Work done once: a replace hashes the kept bytes once (the store) and the new bytes once (the
// index), and a comparison's pixel difference is computed once per pair, then served from the
// media cache like a thumbnail; a pruned diff is made again.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startWithPhotos, type PhotoHarness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

// Every sha256 digest the engine computes, by value: how often each content was hashed.
const seen = vi.hoisted(() => ({ digests: [] as string[], diffs: 0 }));
vi.mock('node:crypto', async (original) => {
  const real = await original<typeof import('node:crypto')>();
  const createHash = ((algorithm: string, options?: object) => {
    const hash = real.createHash(algorithm, options);
    const digest = hash.digest.bind(hash) as (encoding?: string) => Buffer | string;
    hash.digest = ((encoding?: string) => {
      const out = digest(encoding);
      if (algorithm === 'sha256')
        seen.digests.push(Buffer.from(out).toString(encoding ? 'utf8' : 'hex'));
      return out;
    }) as typeof hash.digest;
    return hash;
  }) as typeof real.createHash;
  return { ...real, default: { ...real, createHash }, createHash };
});
vi.mock('../tools/sharp/pixel-diff', async (original) => {
  const real = await original<typeof import('../tools/sharp/pixel-diff')>();
  return {
    ...real,
    pixelDiff: (...args: Parameters<typeof real.pixelDiff>) => {
      seen.diffs++;
      return real.pixelDiff(...args);
    },
  };
});

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const timesHashed = (hash: string): number => seen.digests.filter((d) => d === hash).length;
let world: PhotoHarness | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe('versions: work done once', () => {
  it('replace hashes the kept bytes once and the new bytes once', async () => {
    world = await startWithPhotos('versions-hash', ['bag.jpg'], 21);
    const { h, folder } = world;
    const id = world.id['bag.jpg']!;
    const old = sha(await readFile(join(folder, 'bag.jpg')));
    const next = await makeImage(72, 54, 'jpeg', 22);
    const drop = join(await tempDir('drop'), 'bag-v2.jpg');
    await writeFile(drop, next);
    const fresh = sha(next);

    seen.digests.length = 0; // from here, only what the replace hashes
    const replaced = await h.call('versions.replace', { id, path: drop });
    expect(replaced.kept).toBe(old);
    expect(replaced.versions.map((v) => [v.n, v.kept, v.current])).toEqual([
      [1, 'store', false],
      [2, null, true],
    ]);
    expect(timesHashed(old)).toBe(1);
    expect(timesHashed(fresh)).toBe(1);
  });

  it('restore hashes the restored bytes once: the damage check, which the index reuses', async () => {
    world = await startWithPhotos('versions-restore-hash', ['cap.jpg'], 31);
    const { h, folder } = world;
    const id = world.id['cap.jpg']!;
    const old = sha(await readFile(join(folder, 'cap.jpg')));
    const drop = join(await tempDir('drop'), 'cap-v2.jpg');
    await writeFile(drop, await makeImage(72, 54, 'jpeg', 32));
    await h.call('versions.replace', { id, path: drop });

    seen.digests.length = 0; // from here, only what the restore hashes
    const restored = await h.call('versions.restore', { id, n: 1 });
    expect(timesHashed(old)).toBe(1);
    expect(restored.versions.at(-1)).toMatchObject({ n: 3, hash: old, current: true });
    expect((await h.byName('cap.jpg')).hash).toBe(old);
    expect(sha(await readFile(join(folder, 'cap.jpg')))).toBe(old);
  });

  it('replaces from an upload (browser mode), then lets the upload go', async () => {
    world = await startWithPhotos('versions-upload', ['hat.jpg'], 41);
    const { h, folder } = world;
    const id = world.id['hat.jpg']!;
    const next = await makeImage(70, 50, 'jpeg', 42);
    const { uploadId } = await h.call('uploads.begin', { bytes: next.length });
    await h.call('uploads.append', { uploadId, offset: 0, base64: next.toString('base64') });
    await h.call('uploads.commit', { uploadId });
    const replaced = await h.call('versions.replace', { id, uploadId, name: 'hat-new.jpg' });
    expect(replaced.n).toBe(2);
    expect(sha(await readFile(join(folder, 'hat.jpg')))).toBe(sha(next));
    await expect(h.call('uploads.commit', { uploadId })).rejects.toThrow(/No such upload/);
    await expect(h.call('versions.replace', { id })).rejects.toThrow(/one of path, uploadId/);
  });

  it('computes a diff once, serves it from the cache, and makes it again once pruned', async () => {
    world = await startWithPhotos('versions-diff', ['cap.jpg'], 31);
    const { h } = world;
    const id = world.id['cap.jpg']!;
    const drop = join(await tempDir('drop'), 'cap-v2.jpg');
    await writeFile(drop, await makeImage(64, 48, 'jpeg', 32));
    await h.call('versions.replace', { id, path: drop });

    seen.diffs = 0;
    const first = await h.call('versions.compare', { id, a: 1, b: 2 });
    expect(seen.diffs).toBe(1);
    expect(first.diff.key).toBe(`${first.a.hash}-${first.b.hash}`);
    expect(first.diff.changedShare).toBeGreaterThan(0.1);
    const again = await h.call('versions.compare', { id, a: 1, b: 2 });
    expect(seen.diffs).toBe(1); // read back from the cache, figures and all
    expect(again.diff).toEqual(first.diff);
    // Served by the media path like a thumbnail, only for contents some asset had.
    expect(h.engine.resolveMedia('diff', first.diff.key!)).toBe(first.diff.path);
    expect(h.engine.resolveMedia('diff', `${first.a.hash}-${'0'.repeat(64)}`)).toBeNull();
    expect(h.engine.resolveMedia('diff', '../../etc/passwd')).toBeNull();
    expect(first.diff.path).toContain(join('cache', 'diffs'));

    // The other order is a diff of its own; a pruned diff is computed again.
    await h.call('versions.compare', { id, a: 2, b: 1 });
    expect(seen.diffs).toBe(2);
    await rm(first.diff.path!);
    const remade = await h.call('versions.compare', { id, a: 1, b: 2 });
    expect(seen.diffs).toBe(3);
    expect(remade.diff).toEqual(first.diff);
  });
});
