// `packshot assets --json` carries rich media's facts as flat fields (only those known),
// read per page; the rich-media search terms work through --query. The facts are written
// as indexing writes them (MediaFactsRepo.replace), as each kind's reader will.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyFacts } from '../../../shared/media-facts';
import { openDatabase } from '../../engine/db/open-database';
import { writeTransaction } from '../../engine/db/write-transaction';
import { MediaFactsRepo } from '../../engine/repositories/media-facts-repo';
import { cliAssetRowSchema } from '../../test-support/result-schemas';
import { runPackshot, type CliRun } from '../../test-support/run-cli';
import { makeImage, tempDir } from '../../test-support/sample-images';

let dataDir: string;
let folder: string;

function packshot(...args: string[]): CliRun {
  return runPackshot(dataDir, args);
}

function rows(...args: string[]) {
  const run = packshot('assets', '--json', ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout) as unknown[]).map((r) => cliAssetRowSchema.parse(r));
}

beforeAll(async () => {
  dataDir = await tempDir('facts-cli-data');
  folder = await tempDir('facts-cli');
  await writeFile(join(folder, 'clip.mp4'), 'not a video');
  await writeFile(join(folder, 'manual.pdf'), 'not a pdf');
  await writeFile(join(folder, 'chair.glb'), 'not a model');
  await writeFile(join(folder, 'photo.jpg'), await makeImage(64, 48, 'jpeg', 3));
  expect(packshot('catalog', 'add', folder).status).toBe(0);
  expect(packshot('scan').status).toBe(0);
  const db = openDatabase(join(dataDir, 'packshot.db'));
  try {
    const assets = db.prepare('SELECT id, name, hash FROM assets').all() as {
      id: number;
      name: string;
      hash: string | null;
    }[];
    const at = (name: string) => assets.find((a) => a.name === name) ?? { id: 0, hash: '' };
    const facts = new MediaFactsRepo(db);
    writeTransaction(db, () => {
      const clip = at('clip.mp4');
      facts.replace(
        clip.id,
        clip.hash ?? '',
        {
          ...emptyFacts(),
          durationMs: 20_040,
          codec: 'h264',
          fps: 25,
          bitrate: 2_400_000,
          audio: true,
          rotation: 90,
          detail: { container: 'mp4', audioCodec: 'aac' },
        },
        null,
      );
      const manual = at('manual.pdf');
      facts.replace(
        manual.id,
        manual.hash ?? '',
        { ...emptyFacts(), pages: 12, title: 'Runner manual', author: 'Acme' },
        'Quick start: charge the battery first.',
      );
      const chair = at('chair.glb');
      facts.replace(
        chair.id,
        chair.hash ?? '',
        {
          ...emptyFacts(),
          meshes: 2,
          triangles: 5000,
          materials: 1,
          textures: 3,
          detail: { size: [0.5, 0.9, 0.5] },
        },
        null,
      );
    });
  } finally {
    db.close();
  }
}, 300_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
});

describe('assets --json with media facts', () => {
  it('carries each known fact as a flat field, and none for a photo', () => {
    const all = rows();
    const byName = (name: string) => all.find((r) => r.path === join(folder, name));
    expect(byName('clip.mp4')).toMatchObject({
      kind: 'video',
      durationMs: 20_040,
      codec: 'h264',
      fps: 25,
      bitrate: 2_400_000,
      audio: true,
      rotation: 90,
      detail: { container: 'mp4', audioCodec: 'aac' },
    });
    expect(byName('clip.mp4')).not.toHaveProperty('pages');
    expect(byName('manual.pdf')).toMatchObject({
      kind: 'document',
      pages: 12,
      title: 'Runner manual',
      author: 'Acme',
      detail: {},
    });
    expect(byName('chair.glb')).toMatchObject({
      kind: 'model',
      meshes: 2,
      triangles: 5000,
      materials: 1,
      textures: 3,
      detail: { size: [0.5, 0.9, 0.5] },
    });
    const photo = byName('photo.jpg');
    expect(photo?.kind).toBe('image');
    for (const key of Object.keys(emptyFacts())) expect(photo).not.toHaveProperty(key);
  });

  it('finds by the rich-media terms through --query', () => {
    const names = (query: string) =>
      rows('--query', query)
        .map((r) => r.path.slice(folder.length + 1))
        .sort();
    expect(names('duration>20 codec:avc audio:yes')).toEqual(['clip.mp4']);
    expect(names('text:"quick start" OR triangles<10000')).toEqual(['chair.glb', 'manual.pdf']);
    expect(names('battery')).toEqual(['manual.pdf']);
    const bad = packshot('assets', '--json', '--query', 'duration>abc');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/duration> needs seconds: 30, 30s, 2m or 1h \(at column 10\)/);
  });
});
