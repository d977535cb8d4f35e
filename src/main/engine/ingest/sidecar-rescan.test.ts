// XMP sidecars changed, added or deleted while Packshot was closed: the next walk sees
// them (the image is unchanged, so only its metadata is read again, nothing re-rendered).
import { rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../create-engine';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { sidecarChanges } from './sidecar-changes';

let h: Harness;
let folder: string;

function xmp(body: string): string {
  return `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
    ${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;
}

const subject = (word: string): string =>
  `<dc:subject><rdf:Bag><rdf:li>${word}</rdf:li></rdf:Bag></dc:subject>`;

/** Writes a sidecar and moves its mtime on, as an editor saving it later would. */
async function writeSidecar(path: string, body: string, secondsLater: number): Promise<void> {
  await writeFile(path, xmp(body));
  const when = new Date(Date.now() + secondsLater * 1000);
  await utimes(path, when, when);
}

/** Closes the engine, runs `change` while nothing watches, and opens it as the app does. */
async function whileClosed(change: () => Promise<void>): Promise<void> {
  await h.engine.close();
  await change();
  h.engine = createEngine({ dataDir: h.dataDir, concurrency: 2, watch: true });
  await h.engine.ready;
  await h.call('jobs.wait', {});
}

beforeEach(async () => {
  folder = await tempDir('sidecars');
  await writeFile(join(folder, 'bag.png'), await makeImage(300, 300, 'png', 2));
  await writeSidecar(join(folder, 'bag.xmp'), `${subject('before')}<xmp:Rating>2</xmp:Rating>`, 0);
  await writeFile(join(folder, 'shoe.jpg'), await makeImage(400, 300, 'jpeg', 3));
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
}, 60_000);

afterEach(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('sidecars changed while closed', () => {
  it('re-reads the metadata of an image whose sidecar changed, and renders nothing', async () => {
    const before = await h.byName('bag.png');
    expect(before.keywords).toContain('before');
    expect(before.rating).toBe(2);
    const thumb = h.engine.resolveMedia('thumb', before.hash ?? '') ?? '';
    const thumbMtime = (await stat(thumb)).mtimeMs;

    await whileClosed(async () => {
      await writeSidecar(
        join(folder, 'bag.xmp'),
        `${subject('after')}<xmp:Rating>5</xmp:Rating>`,
        5,
      );
      await writeSidecar(join(folder, 'shoe.xmp'), subject('added'), 5);
    });

    const after = await h.byName('bag.png');
    expect(after.keywords).toContain('after');
    expect(after.keywords).not.toContain('before');
    expect(after.rating).toBe(5);
    expect(after.hash).toBe(before.hash);
    expect((await h.byName('shoe.jpg')).keywords).toContain('added');
    const detail = await h.call('assets.get', { id: after.id });
    expect(detail.metadata?.sidecars).toEqual(['bag.xmp']);
    // Only metadata: nothing was queued for indexing, no thumbnail written.
    expect((await h.call('jobs.wait', {})).rendered).toBe(0);
    expect((await stat(thumb)).mtimeMs).toBe(thumbMtime);
  });

  it('drops what a sidecar said once it is deleted', async () => {
    await whileClosed(() => unlink(join(folder, 'bag.xmp')));
    const bag = await h.byName('bag.png');
    expect(bag.keywords).not.toContain('before');
    expect((await h.call('assets.get', { id: bag.id })).metadata?.sidecars).toEqual([]);
  });

  it('re-reads nothing when no sidecar changed', async () => {
    const bag = await h.byName('bag.png');
    // A re-read would take the sidecar's rating (2) over this one.
    await h.call('assets.edit', { ids: [bag.id], rating: 4 });
    const scan = await h.call('catalogs.scan', {});
    expect(scan).toEqual({ listed: 0, queued: 0 });
    await whileClosed(() => Promise.resolve());
    expect((await h.byName('bag.png')).rating).toBe(4);
  });
});

describe('sidecarChanges', () => {
  const file = (relPath: string) => ({
    relPath,
    name: relPath.split('/').pop() ?? relPath,
    bytes: 1,
    mtimeMs: 1,
    kind: 'image' as const,
    ino: 1,
    dev: 1,
  });

  it('maps new, changed and gone sidecars to the files they describe, in both namings', () => {
    const known = new Map([
      ['a/one.xmp', { bytes: 10, mtimeMs: 100 }],
      ['a/two.jpg.xmp', { bytes: 10, mtimeMs: 100 }],
      ['a/same.xmp', { bytes: 10, mtimeMs: 100 }],
      ['a/lost.xmp', { bytes: 10, mtimeMs: 100 }],
    ]);
    const seen = [
      { relPath: 'a/one.xmp', bytes: 11, mtimeMs: 100 }, // changed size
      { relPath: 'a/two.jpg.xmp', bytes: 10, mtimeMs: 200 }, // changed mtime
      { relPath: 'a/same.xmp', bytes: 10, mtimeMs: 100 }, // unchanged
      { relPath: 'a/new.xmp', bytes: 5, mtimeMs: 5 }, // new
      { relPath: 'a/stray.xmp', bytes: 5, mtimeMs: 5 }, // describes no file
    ];
    const files = ['a/one.cr2', 'a/one.jpg', 'a/two.jpg', 'a/same.jpg', 'a/new.png', 'a/lost.png'];
    const changes = sidecarChanges(seen, known, files.map(file));
    expect([...changes.owners].sort()).toEqual([
      'a/lost.png',
      'a/new.png',
      'a/one.cr2',
      'a/one.jpg',
      'a/two.jpg',
    ]);
    expect(changes.orphans.map((o) => o.relPath)).toEqual(['a/stray.xmp']);
    expect(changes.orphansGone).toEqual([]);
  });

  it('costs nothing when nothing changed', () => {
    const known = new Map([['x.xmp', { bytes: 1, mtimeMs: 1 }]]);
    const changes = sidecarChanges([{ relPath: 'x.xmp', bytes: 1, mtimeMs: 1 }], known, []);
    expect(changes).toEqual({ owners: new Set(), orphans: [], orphansGone: [] });
  });
});
