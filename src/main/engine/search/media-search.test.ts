// The rich-media terms (kind:, duration>, pages>, codec:, triangles<, fps>=, audio:, text:)
// against a real library: kinds come from the real indexer (extensions), the facts and a
// document's text are written as indexing writes them (MediaFactsRepo.replace), from a
// second connection, as the readers of each kind will.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFacts, type MediaFacts } from '../../../shared/media-facts';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { openDatabase } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { MediaFactsRepo } from '../repositories/media-facts-repo';
import { assetPageSchema } from '../../test-support/result-schemas';

let h: Harness;
let folder: string;

const FACTS: Record<string, [Partial<MediaFacts>, string | null]> = {
  'short-clip.mp4': [{ durationMs: 12_500, codec: 'h264', fps: 29.97, audio: true }, null],
  'long-clip.mov': [{ durationMs: 95_000, codec: 'hevc', fps: 50, audio: false }, null],
  'manual.pdf': [
    { pages: 24, title: 'Runner manual' },
    'Quick start: charge the battery. Then read the safety notes. Café crème.',
  ],
  'flyer.pdf': [{ pages: 2 }, 'A quick flyer about starting a shop'],
  'chair.glb': [{ meshes: 3, triangles: 42_000, materials: 2, textures: 4 }, null],
  'statue.glb': [{ meshes: 1, triangles: 250_000, materials: 1, textures: 0 }, null],
};

beforeAll(async () => {
  folder = await tempDir('media-search');
  for (const name of Object.keys(FACTS)) await writeFile(join(folder, name), `not really ${name}`);
  await writeFile(join(folder, 'quick-start.jpg'), await makeImage(64, 48, 'jpeg', 7));
  await writeFile(join(folder, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(folder, 'notes.zip'), 'zip');
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
  const ids = new Map((await h.all()).map((a) => [a.name, [a.id, a.hash ?? ''] as const]));
  const db = openDatabase(join(h.dataDir, 'packshot.db'));
  try {
    const repo = new MediaFactsRepo(db);
    writeTransaction(db, () => {
      for (const [name, [facts, text]] of Object.entries(FACTS)) {
        const [id, hash] = ids.get(name) ?? [0, ''];
        repo.replace(id, hash, { ...emptyFacts(), ...facts }, text);
      }
    });
  } finally {
    db.close();
  }
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function find(query: string): Promise<string[]> {
  const page = await h.call('assets.list', { query, limit: 100, filter: 'all' });
  return page.items.map((a) => a.name).sort();
}

async function refusal(query: string): Promise<string> {
  try {
    await h.call('assets.list', { query, limit: 1 });
  } catch (error) {
    expect(error).toMatchObject({ code: 'invalid_argument' });
    return (error as Error).message;
  }
  throw new Error(`${query} was not refused`);
}

describe('rich-media search terms', () => {
  it('kind: takes every kind the indexer gives (from extensions) and refuses others', async () => {
    expect(await find('kind:video')).toEqual(['long-clip.mov', 'short-clip.mp4']);
    expect(await find('kind:document')).toEqual(['flyer.pdf', 'manual.pdf']);
    expect(await find('kind:model')).toEqual(['chair.glb', 'statue.glb']);
    expect(await find('kind:image')).toEqual(['quick-start.jpg']);
    expect(await find('kind:vector')).toEqual(['logo.svg']);
    expect(await find('kind:other')).toEqual(['notes.zip']);
    expect(await find('kind:VIDEO OR kind:model')).toHaveLength(4);
    expect(await refusal('kind:movie')).toMatch(/^kind: is one of image, raw, .*at column 1/);
  });

  it('compares durations in seconds, with units', async () => {
    expect(await find('duration>30')).toEqual(['long-clip.mov']);
    expect(await find('duration<30')).toEqual(['short-clip.mp4']);
    expect(await find('duration>=12.5')).toEqual(['long-clip.mov', 'short-clip.mp4']);
    expect(await find('duration<=12')).toEqual([]);
    expect(await find('duration=12')).toEqual(['short-clip.mp4']); // 12.5 s shows as 0:12
    expect(await find('duration>1m')).toEqual(['long-clip.mov']);
    expect(await find('duration<1.5m')).toEqual(['short-clip.mp4']);
    expect(await find('duration>10s duration<13000ms')).toEqual(['short-clip.mp4']);
    expect(await find('duration<1h kind:video')).toHaveLength(2);
    expect(await find('-duration>30')).not.toContain('long-clip.mov');
    expect(await refusal('duration>abc')).toMatch(
      /^duration> needs seconds: 30, 30s, 2m or 1h \(at column 10\)/,
    );
    expect(await refusal('duration>5x')).toMatch(/needs seconds/);
    expect(await refusal('pages>ten')).toMatch(/^pages> needs a number/);
  });

  it('compares pages, triangles, fps and the model counts', async () => {
    expect(await find('pages>10')).toEqual(['manual.pdf']);
    expect(await find('pages>=2')).toEqual(['flyer.pdf', 'manual.pdf']);
    expect(await find('triangles<100000')).toEqual(['chair.glb']);
    expect(await find('triangles>100000')).toEqual(['statue.glb']);
    expect(await find('meshes>1 materials=2 textures>=4')).toEqual(['chair.glb']);
    expect(await find('fps>=50')).toEqual(['long-clip.mov']);
    expect(await find('fps=30')).toEqual(['short-clip.mp4']); // 29.97 is 30 fps as people say it
    expect(await refusal('polygons<5')).toMatch(/Unknown number field 'polygons' .*triangles/);
  });

  it('matches codecs by name or alias, and audio', async () => {
    expect(await find('codec:h264')).toEqual(['short-clip.mp4']);
    expect(await find('codec:AVC')).toEqual(['short-clip.mp4']);
    expect(await find('codec:h265')).toEqual(['long-clip.mov']);
    expect(await find('codec:hevc')).toEqual(['long-clip.mov']);
    expect(await find('codec:vp9')).toEqual([]);
    expect(await find('audio:yes')).toEqual(['short-clip.mp4']);
    expect(await find('audio:no')).toEqual(['long-clip.mov']);
    expect(await refusal('audio:maybe')).toMatch(/^audio: is yes or no/);
  });

  it('text: finds a phrase or a word prefix in a document only', async () => {
    expect(await find('text:"quick start"')).toEqual(['manual.pdf']);
    expect(await find('text:quick')).toEqual(['flyer.pdf', 'manual.pdf']);
    expect(await find('text:start')).toEqual(['flyer.pdf', 'manual.pdf']); // prefix: starting
    expect(await find('text:"start quick"')).toEqual([]);
    expect(await find('text:creme')).toEqual(['manual.pdf']); // accents folded
    expect(await find('text:"safety notes" pages>10')).toEqual(['manual.pdf']);
    expect(await find('-text:battery kind:document')).toEqual(['flyer.pdf']);
  });

  it('free words find a document by its text as well as names', async () => {
    // The photo by its name, the documents by their text.
    expect(await find('quick')).toEqual(['flyer.pdf', 'manual.pdf', 'quick-start.jpg']);
    expect(await find('"quick start"')).toEqual(['manual.pdf', 'quick-start.jpg']);
    expect(await find('battery')).toEqual(['manual.pdf']);
    expect(await find('battery runner')).toEqual([]); // each word in the text or a name
  });

  it('keeps hostile text: input inside the FTS phrase or refuses it as a parse error', async () => {
    for (const query of [
      "text:'*'",
      'text:*',
      'text:"*"',
      'text:"NEAR(quick start)"',
      'text:OR',
      'text:"a"" OR b"',
      "text:'; DROP TABLE assets; --",
      'text:\\',
      '"\\"',
      "'*'",
    ]) {
      expect(await find(query), query).toEqual([]);
    }
    // ^ is text, not FTS5's first-token operator: the flyer's quick is not its first word.
    expect(await find('text:"^quick"')).toEqual(['flyer.pdf', 'manual.pdf']);
    expect(await refusal('text:"\\""')).toMatch(/^This quote is never closed/);
    expect(await refusal('text:')).toMatch(/^text: needs a value/);
    expect(await find('kind:document')).toHaveLength(2); // nothing was dropped
  });
});

describe('facts in assets.get and assets.list', () => {
  it('assets.get carries the asset facts, null for a photo', async () => {
    const byName = new Map((await h.all()).map((a) => [a.name, a.id]));
    const manual = await h.call('assets.get', { id: byName.get('manual.pdf') ?? 0 });
    expect(manual.facts).toMatchObject({ pages: 24, title: 'Runner manual', durationMs: null });
    const photo = await h.call('assets.get', { id: byName.get('quick-start.jpg') ?? 0 });
    expect(photo.facts).toBeNull();
  });

  it('assets.list gives each row its facts only when asked (facts: true)', async () => {
    const asked = assetPageSchema.parse(
      await h.call('assets.list', { query: 'kind:model OR kind:image', facts: true }),
    );
    const facts = Object.fromEntries(asked.items.map((a) => [a.name, a.facts]));
    expect(facts).toMatchObject({
      'chair.glb': { triangles: 42_000, meshes: 3 },
      'statue.glb': { triangles: 250_000 },
      'quick-start.jpg': null,
    });
    const plain = await h.call('assets.list', { query: 'kind:model' });
    expect(plain.items.map((a) => a.facts)).toEqual([undefined, undefined]);
  });
});
