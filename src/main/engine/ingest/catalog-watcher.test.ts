import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchMode } from '../../../shared/dto';
import { eventually } from '../../test-support/engine-harness';
import { tempDir } from '../../test-support/sample-images';
import { ignoreRules } from './ignore-rules';
import { CatalogWatcher, type ChangeBatch } from './catalog-watcher';

let dir: string | undefined;
let watcher: CatalogWatcher | undefined;

afterEach(async () => {
  await watcher?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function start(polling = false) {
  dir = await tempDir('watcher');
  const batches: ChangeBatch[] = [];
  const modes: { mode: WatchMode; reason: string | null }[] = [];
  watcher = new CatalogWatcher({
    catalogId: 1,
    root: dir,
    ignored: ignoreRules(),
    polling,
    batchMs: 50,
    onBatch: (_id, batch) => batches.push(batch),
    onMode: (_id, mode, reason) => modes.push({ mode, reason }),
  });
  await watcher.start();
  return { root: dir, batches, modes, watcher };
}

describe('CatalogWatcher', () => {
  it('falls back to polling when the OS watch limit is reached, says why, and keeps watching', async () => {
    const w = await start();
    expect(w.watcher.watchMode).toBe('native');
    await w.watcher.handleError(Object.assign(new Error('watch limit'), { code: 'ENOSPC' }));
    expect(w.watcher.watchMode).toBe('polling');
    expect(w.modes.at(-1)?.reason).toMatch(/file-watch limit.*ENOSPC.*polled/);
    // Polling compares each folder with its first stat, which the thread pool may take
    // after 'ready': a file written before that stat is in the baseline, not a change (the
    // engine reconciles the catalog once after the switch, for that window). Write after
    // the first poll, so this tests that polling goes on watching.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await writeFile(join(w.root, 'late.jpg'), 'x');
    await eventually(
      () =>
        Promise.resolve(
          w.batches.some((b) => b.upserts.some((u) => u.relPath === 'late.jpg')) || undefined,
        ),
      'polled add',
    );
  });

  it('reports sidecars apart, and ignores dotfiles and OS clutter', async () => {
    const w = await start();
    await writeFile(join(w.root, '.DS_Store'), 'x');
    await writeFile(join(w.root, 'Thumbs.db'), 'x');
    await writeFile(join(w.root, 'shot.xmp'), '<x/>');
    await writeFile(join(w.root, 'shot.jpg'), 'x');
    await eventually(
      () =>
        Promise.resolve(
          w.batches.some((b) => b.upserts.some((u) => u.relPath === 'shot.jpg')) || undefined,
        ),
      'image seen',
    );
    await eventually(
      () => Promise.resolve(w.batches.some((b) => b.sidecars.includes('shot.xmp')) || undefined),
      'sidecar seen',
    );
    const all = w.batches.flatMap((b) => [...b.upserts.map((u) => u.relPath), ...b.sidecars]);
    expect(all).not.toContain('.DS_Store');
    expect(all).not.toContain('Thumbs.db');
  });

  it('watches a folder made while watching, and again after it is deleted and made anew', async () => {
    const w = await start();
    expect(w.watcher.watchMode).toBe('native');
    const seen = (rel: string, what: string) =>
      eventually(
        () =>
          Promise.resolve(
            w.batches.some((b) => b.upserts.some((u) => u.relPath === rel)) || undefined,
          ),
        what,
      );
    // A folder with a first file: once that is reported, the folder is settled and watched,
    // so a later file in it can only be reported by the folder's own watch.
    await mkdir(join(w.root, 'shoot', 'day1'), { recursive: true });
    await writeFile(join(w.root, 'shoot', 'day1', 'first.jpg'), 'x');
    await seen('shoot/day1/first.jpg', 'the new folder walked');
    await writeFile(join(w.root, 'shoot', 'day1', 'later.jpg'), 'x');
    await seen('shoot/day1/later.jpg', 'a file in the new nested folder');

    await rm(join(w.root, 'shoot'), { recursive: true });
    await eventually(
      () => Promise.resolve(w.batches.some((b) => b.removedFolders.includes('shoot')) || undefined),
      'the folder removed',
    );
    await mkdir(join(w.root, 'shoot'));
    await writeFile(join(w.root, 'shoot', 'again.jpg'), 'x');
    await seen('shoot/again.jpg', 'the folder made anew walked');
    await writeFile(join(w.root, 'shoot', 'after.jpg'), 'x');
    await seen('shoot/after.jpg', 'a file in the folder made anew');
  });
});
