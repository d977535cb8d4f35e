// `packshot ai …` run as a user runs it: the built CLI, whose AI runs in its own process.
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AiRunSummary, AiStatus, AssetAi } from '../../../shared/ai-dto';
import { runPackshot, type CliRun } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/sample-images';
import { textImage } from '../../test-support/text-images';
import { hasSamplePhotos, NO_SAMPLE_PHOTOS, samplePhoto } from '../../test-support/sample-photos';

let dataDir: string;
let photos: string;
const packshot = (...args: string[]): CliRun => runPackshot(dataDir, args);
const json = <T>(run: CliRun): T => {
  expect(run.stderr.replace(/^.*(\d+\/\d+|building|built).*$/gm, '').trim()).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as T;
};
const names = (query: string): string[] =>
  json<{ path: string }[]>(packshot('assets', '--json', '--query', query))
    .map((a) => a.path.split('/').pop()!)
    .sort();

describe.skipIf(!hasSamplePhotos)(`packshot ai (${NO_SAMPLE_PHOTOS})`, () => {
  beforeAll(async () => {
    dataDir = await tempDir('cli-ai-data');
    photos = await tempDir('cli-ai-photos');
    await copyFile(samplePhoto('coffee.png'), join(photos, 'coffee.png'));
    await copyFile(samplePhoto('astronaut.png'), join(photos, 'astronaut.png'));
    await writeFile(join(photos, 'banner.png'), await textImage(['SALE 50% OFF']));
    expect(packshot('catalog', 'add', photos).status).toBe(0);
    expect(packshot('scan').status).toBe(0);
  }, 300_000);

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(photos, { recursive: true, force: true });
  });

  it('runs the AI to the end and shows what it found in assets --json', () => {
    const run = packshot('ai', 'run');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Analysed 3 images: \d+ objects?, 1 face, text in 1 image, 0 errors/,
    );
    const assets = json<{ path: string; ai: AssetAi | null }[]>(packshot('assets', '--json'));
    const ai = (name: string): AssetAi => assets.find((a) => a.path.endsWith(name))!.ai!;
    expect(ai('coffee.png').objects.map((o) => o.label)).toContain('cup');
    expect(ai('astronaut.png').faces).toHaveLength(1);
    expect(ai('astronaut.png').people).toBe(1);
    expect(ai('banner.png').text?.text).toContain('SALE 50% OFF');
    // Nothing left: a second run analyses nothing.
    const again = json<AiRunSummary>(packshot('ai', 'run', '--json'));
    expect(again).toMatchObject({ state: 'done', analysed: 0 });
  }, 120_000);

  it('searches with ai: and free words, and accepts a suggestion as a tag', () => {
    expect(names('ai:cup')).toEqual(['coffee.png']);
    expect(names('cup')).toEqual(['coffee.png']);
    expect(packshot('ai', 'accept', '--query', 'ai:cup', '--tag', 'AI|Object|Cup').stdout).toBe(
      'Accepted 1 suggested tags on 1 assets (one undo step)\n',
    );
    expect(names('tag:"AI|Object|Cup"')).toEqual(['coffee.png']);
  });

  it('runs only some tasks again on some assets, and refuses to run while paused', () => {
    const summary = json<AiRunSummary>(
      packshot('ai', 'run', '--query', 'name:banner', '--only', 'text', '--again', '--json'),
    );
    expect(summary).toMatchObject({ analysed: 1, texts: 1, objects: 0, faces: 0 });
    expect(json<AiStatus>(packshot('ai', 'pause', '--json')).paused).toBe(true);
    const paused = packshot('ai', 'run');
    expect(paused.status).toBe(1);
    expect(paused.stderr).toContain('the AI is paused');
    expect(json<AiStatus>(packshot('ai', 'resume', '--json')).paused).toBe(false);
    // The threshold answers with the status, as status does.
    const status = packshot('ai', 'threshold', '0.5');
    expect(status.stdout).toContain('AI: on, threshold 0.5');
    expect(status.stdout).toMatch(/embedding +not available/);
  }, 60_000);
});

describe('packshot ai accept --tag', () => {
  it('says how suggested tags are named when a --tag without AI| matched none', async () => {
    const dir = await tempDir('cli-ai-tag');
    try {
      const run = runPackshot(dir, ['ai', 'accept', '--query', '', '--tag', 'wine glass']);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('Accepted 0 suggested tags on 0 assets (one undo step)\n');
      expect(run.stderr).toContain(
        "suggested tags are named AI|Object|<Label>: --tag 'AI|Object|Wine Glass'",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('packshot --help', () => {
  it('lists the AI search terms --query takes', async () => {
    const dir = await tempDir('cli-ai-help');
    try {
      const help = runPackshot(dir, ['--help']).stdout;
      for (const term of ['ai:cup', 'ai:analysed', 'people:yes', 'release:missing', 'face:'])
        expect(help, term).toContain(term);
      for (const term of ['~"red shoe on rocks"', 'like:123']) expect(help, term).toContain(term);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
