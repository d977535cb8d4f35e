// Live watching with real chokidar on real temp folders: changes made while the engine
// runs are reflected without a rescan.
import { appendFile, mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';

let h: Harness;
let parent: string;
let folder: string;

beforeEach(async () => {
  parent = await tempDir('watch');
  folder = join(parent, 'catalog');
  await mkdir(folder);
  await writeFile(join(folder, 'first.jpg'), await makeImage(300, 200, 'jpeg', 1));
  h = await startHarness({ watch: true });
  await h.call('catalogs.add', { path: folder });
  await eventually(async () => (await h.all()).find((a) => a.state === 'ok'), 'first file indexed');
  await eventually(
    async () => (await h.call('catalogs.list', {}))[0]?.watch === 'native',
    'watching',
  );
});

afterEach(async () => {
  await h.dispose();
  await rm(parent, { recursive: true, force: true });
});

const named = (name: string) => async () =>
  (await h.all()).find((a) => a.name === name && a.state === 'ok');

describe('live watching', () => {
  it('indexes a file added, and follows a rename, keeping the id', async () => {
    await writeFile(join(folder, 'added.png'), await makeImage(120, 80, 'png', 2));
    const added = await eventually(named('added.png'), 'added file indexed');
    expect(added).toMatchObject({ width: 120, height: 80 });

    await mkdir(join(folder, 'moved'));
    await rename(join(folder, 'added.png'), join(folder, 'moved', 'renamed.png'));
    const renamed = await eventually(named('renamed.png'), 'renamed file seen');
    expect(renamed.id).toBe(added.id);
    expect(renamed.folder).toBe('moved');
    await eventually(
      async () => (await h.all()).every((a) => a.name !== 'added.png'),
      'old path gone',
    );
  });

  it('indexes a folder moved in with its files, and watches it from then on', async () => {
    const outside = join(parent, 'shoot-7');
    await mkdir(outside);
    await writeFile(join(outside, 'one.jpg'), await makeImage(100, 80, 'jpeg', 11));
    await writeFile(join(outside, 'two.png'), await makeImage(90, 70, 'png', 12));
    await rename(outside, join(folder, 'shoot-7'));
    await eventually(named('one.jpg'), 'first file of the moved folder');
    await eventually(named('two.png'), 'second file of the moved folder');
    await writeFile(join(folder, 'shoot-7', 'three.jpg'), await makeImage(80, 60, 'jpeg', 13));
    const three = await eventually(named('three.jpg'), 'file added later in the new folder');
    expect(three.folder).toBe('shoot-7');
  });

  it('marks a deleted file missing', async () => {
    const first = await h.byName('first.jpg');
    await unlink(join(folder, 'first.jpg'));
    await eventually(
      async () => (await h.call('assets.get', { id: first.id })).state === 'missing',
      'missing',
    );
  });

  it('picks up a file still being written only once it is complete', async () => {
    const bytes = await makeImage(640, 480, 'jpeg', 5);
    const path = join(folder, 'tethered.jpg');
    await writeFile(path, bytes.subarray(0, 1000));
    for (let at = 1000; at < bytes.length; at += 4000) {
      await new Promise((r) => setTimeout(r, 50));
      await appendFile(path, bytes.subarray(at, at + 4000));
    }
    const done = await eventually(named('tethered.jpg'), 'complete file indexed');
    expect(done).toMatchObject({ width: 640, height: 480, state: 'ok' });
  });

  it('re-reads an image when its XMP sidecar changes', async () => {
    await writeFile(
      join(folder, 'first.xmp'),
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
       <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag>
       <rdf:li>from-sidecar</rdf:li></rdf:Bag></dc:subject></rdf:Description></rdf:RDF></x:xmpmeta>`,
    );
    const tagged = await eventually(
      async () => (await h.all()).find((a) => a.keywords?.includes('from-sidecar')),
      'sidecar keywords read',
    );
    expect(tagged.name).toBe('first.jpg');
    expect((await h.all()).map((a) => a.name)).not.toContain('first.xmp');
  });

  it('marks a catalog offline, not its files missing, when its folder goes away, and back', async () => {
    const first = await h.byName('first.jpg');
    const away = join(parent, 'unplugged');
    await rename(folder, away);
    await eventually(
      async () => (await h.call('catalogs.list', {}))[0]?.online === false,
      'catalog offline',
    );
    expect((await h.call('assets.get', { id: first.id })).state).toBe('offline');
    expect(await h.all('missing')).toEqual([]);

    await rename(away, folder);
    await eventually(
      async () => (await h.call('catalogs.list', {}))[0]?.online === true,
      'catalog back',
    );
    await eventually(
      async () => (await h.call('assets.get', { id: first.id })).state === 'ok',
      'asset back',
    );
  });
});
