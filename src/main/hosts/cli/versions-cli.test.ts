// `packshot versions list|replace|restore` from the real command line, and a replace killed
// between keeping the old bytes and the rename: the file is the old one or the new one, whole.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VersionChange, VersionList } from '../../../shared/version-dto';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { packshotBin, runPackshot, type CliRun } from '../../test-support/run-cli';

let dataDir: string;
let photos: string;
let drops: string;
const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function packshot(...args: string[]): CliRun {
  return runPackshot(dataDir, args);
}

/** The command killed at a fault point (the crash suite's hook). */
function killedAt(point: string, ...args: string[]): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [packshotBin, '--data', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PACKSHOT_DATA: '', PACKSHOT_FAULT: `${point}:1` },
    timeout: 240_000,
  });
}

const ids: Record<string, number> = {};

beforeAll(async () => {
  dataDir = await tempDir('cli-versions-data');
  photos = await tempDir('cli-versions-photos');
  drops = await tempDir('cli-versions-drops');
  await writeFile(join(photos, 'shoe.jpg'), await makeImage(64, 48, 'jpeg', 1));
  await writeFile(join(photos, 'bag.jpg'), await makeImage(64, 48, 'jpeg', 2));
  await writeFile(join(drops, 'v2.jpg'), await makeImage(72, 54, 'jpeg', 3));
  await writeFile(join(drops, 'v3.jpg'), await makeImage(72, 54, 'jpeg', 4));
  expect(packshot('catalog', 'add', photos).status).toBe(0);
  expect(packshot('scan', '--json').status).toBe(0);
  const assets = JSON.parse(packshot('assets', '--json').stdout) as { id: number; path: string }[];
  for (const a of assets) ids[a.path.slice(a.path.lastIndexOf('/') + 1)] = a.id;
}, 300_000);

afterAll(async () => {
  for (const dir of [dataDir, photos, drops]) await rm(dir, { recursive: true, force: true });
});

describe('packshot versions', () => {
  it('replaces and restores byte for byte, each as a new version; a crash mid-replace leaves a whole file', async () => {
    const id = String(ids['shoe.jpg']);
    const shoe = join(photos, 'shoe.jpg');
    const original = sha(await readFile(shoe));

    // Killed after the old bytes are kept, before anything is written: the file is untouched.
    expect(
      killedAt('versions.stored', 'versions', 'replace', id, join(drops, 'v2.jpg')).signal,
    ).toBe('SIGKILL');
    expect(sha(await readFile(shoe))).toBe(original);
    // Killed with the new file written beside it, before the rename: still the old file.
    expect(
      killedAt('versions.before-rename', 'versions', 'replace', id, join(drops, 'v2.jpg')).signal,
    ).toBe('SIGKILL');
    expect(sha(await readFile(shoe))).toBe(original);
    expect((await readdir(photos)).some((n) => n.endsWith('.packshot-tmp'))).toBe(true);

    const replaced = packshot('versions', 'replace', id, join(drops, 'v2.jpg'), '--json');
    expect(replaced.stderr).toBe('');
    const r = JSON.parse(replaced.stdout) as VersionChange;
    expect(r).toMatchObject({ n: 2, kept: original });
    expect(sha(await readFile(shoe))).toBe(sha(await readFile(join(drops, 'v2.jpg'))));
    // The next write into the folder removed what the killed one left.
    expect((await readdir(photos)).sort()).toEqual(['bag.jpg', 'shoe.jpg']);

    const restored = packshot('versions', 'restore', id, '1', '--json');
    expect(restored.status).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ n: 3, kept: r.versions[1]!.hash });
    expect(sha(await readFile(shoe))).toBe(original);

    const listed = JSON.parse(packshot('versions', 'list', id, '--json').stdout) as VersionList;
    expect(listed.versions.map((v) => [v.n, v.hash === original, v.restorable, v.current])).toEqual(
      [
        [1, true, true, false],
        [2, false, true, false],
        [3, true, true, true],
      ],
    );
    const text = packshot('versions', 'list', id);
    expect(text.stdout).toMatch(/^v3\t[0-9a-f]{12}\t\d+ B\t64×48\t.*current, restorable$/m);
  });

  it('refuses to restore what was not kept, and a bad call, with the reason', async () => {
    const id = String(ids['bag.jpg']);
    await writeFile(join(photos, 'bag.jpg'), await makeImage(64, 48, 'jpeg', 9));
    expect(packshot('scan', '--json').status).toBe(0);
    const refused = packshot('versions', 'restore', id, '1');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/Version 1 cannot be restored: its bytes were not kept/);
    const usage = packshot('versions', 'restore', id);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/usage: packshot versions list ID/);
    const notN = packshot('versions', 'restore', id, 'latest');
    expect(notN.status).toBe(2);
    expect(notN.stderr).toMatch(/N must be a whole number from 1, not 'latest'/);
    expect(packshot('versions', 'list', '999').stderr).toMatch(/No asset with id 999/);
  });
});
