// One index result is one transaction: a fault while it is written leaves nothing of it,
// and a process killed at any moment of a scan leaves every asset either not indexed
// (pending, queued again on the next run) or indexed with its tags and version.
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { packshotBin, runPackshot } from '../../test-support/run-cli';

/** An XMP sidecar giving its image keywords and a rating (both written at index time). */
function sidecar(keywords: string[], rating: number): string {
  const items = keywords.map((k) => `<rdf:li>${k}</rdf:li>`).join('');
  return `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
    <dc:subject><rdf:Bag>${items}</rdf:Bag></dc:subject><xmp:Rating>${rating}</xmp:Rating>
    </rdf:Description></rdf:RDF></x:xmpmeta>`;
}

async function shoot(dir: string, count: number, side = 900): Promise<void> {
  for (let i = 0; i < count; i++) {
    await writeFile(join(dir, `shot-${i}.jpg`), await makeImage(side, side, 'jpeg', i));
    await writeFile(join(dir, `shot-${i}.xmp`), sidecar([`kw-${i}`, 'shoot'], 3));
  }
}

interface RowFacts {
  id: number;
  name: string;
  state: string;
  rating: number;
  tags: number;
  versions: number;
}

function facts(dataDir: string): RowFacts[] {
  const db = new Database(join(dataDir, 'packshot.db'), { readonly: true });
  try {
    return db
      .prepare<[], RowFacts>(
        `SELECT a.id, a.name, a.state, a.rating,
                (SELECT count(*) FROM asset_tags t WHERE t.asset_id = a.id) AS tags,
                (SELECT count(*) FROM asset_versions v WHERE v.asset_id = a.id) AS versions
         FROM assets a ORDER BY a.id`,
      )
      .all();
  } finally {
    db.close();
  }
}

describe('an index result written while the database refuses part of it', () => {
  let h: Harness;
  let photos: string;
  afterEach(async () => {
    await h.dispose();
    await rm(photos, { recursive: true, force: true });
  });

  it('keeps none of it: no tags, no rating, no version, and says why', async () => {
    h = await startHarness();
    photos = await tempDir('txn-photos');
    await shoot(photos, 1);
    // The last write of an index result fails: everything before it must roll back.
    const side = new Database(join(h.dataDir, 'packshot.db'));
    side
      .prepare(
        `CREATE TRIGGER injected_fault BEFORE INSERT ON asset_versions
         BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
      )
      .run();
    side.close();
    await h.call('catalogs.add', { path: photos });
    await h.call('jobs.wait', {});
    const [row] = facts(h.dataDir);
    expect(row).toMatchObject({ state: 'error', rating: 0, tags: 0, versions: 0 });
    expect((await h.byName('shot-0.jpg')).error).toMatch(/injected fault/);
  });

  it('with nothing refused, writes it all', async () => {
    h = await startHarness();
    photos = await tempDir('txn-photos');
    await shoot(photos, 1);
    await h.call('catalogs.add', { path: photos });
    await h.call('jobs.wait', {});
    expect(facts(h.dataDir)[0]).toMatchObject({ state: 'ok', rating: 3, tags: 2, versions: 1 });
  });
});

describe('a scan killed with SIGKILL', () => {
  const FILES = 40;
  let dataDir: string;
  let photos: string;
  beforeAll(async () => {
    dataDir = await tempDir('txn-kill-data');
    photos = await tempDir('txn-kill-photos');
    await shoot(photos, FILES, 1600);
    const added = runPackshot(dataDir, ['catalog', 'add', photos]);
    expect(added.status, added.stderr).toBe(0);
  }, 240_000);
  afterAll(async () => {
    for (const dir of [dataDir, photos]) await rm(dir, { recursive: true, force: true });
  });

  it('leaves each asset pending or whole, and the next run finishes them all', async () => {
    const child = spawn(process.execPath, [packshotBin, '--data', dataDir, 'scan'], {
      env: { ...process.env, PACKSHOT_DATA: '' },
      stdio: 'ignore',
    });
    const indexed = (): number => facts(dataDir).filter((r) => r.state === 'ok').length;
    while (indexed() < 3 && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const rows = facts(dataDir);
    const ok = rows.filter((r) => r.state === 'ok');
    expect(ok.length, 'the scan finished before it could be killed').toBeLessThan(FILES);
    for (const r of rows) {
      if (r.state === 'ok') expect(r, r.name).toMatchObject({ rating: 3, tags: 2, versions: 1 });
      else expect(r, r.name).toMatchObject({ state: 'pending', rating: 0, tags: 0, versions: 0 });
    }

    const rerun = runPackshot(dataDir, ['scan', '--json']);
    expect(rerun.status, rerun.stderr).toBe(0);
    for (const r of facts(dataDir))
      expect(r, r.name).toMatchObject({ state: 'ok', rating: 3, tags: 2, versions: 1 });
  }, 240_000);
});
