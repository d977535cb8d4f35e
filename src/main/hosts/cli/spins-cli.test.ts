// `packshot spins …` run as a user runs it, on frames made with sharp.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPackshot, type CliRun } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/sample-images';
import { writeSpinFrames } from '../../test-support/spin-frames';

let dataDir: string;
let photos: string;
const pad = (i: number) => String(i).padStart(2, '0');

function packshot(...args: string[]): CliRun {
  return runPackshot(dataDir, args);
}

beforeAll(async () => {
  dataDir = await tempDir('cli-spins-data');
  photos = await tempDir('cli-spins-photos');
  await writeSpinFrames(photos, 6, (i) => `SHOE-1_spin_${pad(i)}.jpg`);
  await writeSpinFrames(photos, 4, (i) => `BAG-2_spin_${pad(i)}.jpg`, [2]);
}, 60_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(photos, { recursive: true, force: true });
});

interface Listed {
  id: number;
  name: string;
  frames: number;
  coverAssetId: number;
  warnings: string[];
}

describe('packshot spins', () => {
  it('makes a spin from a query and by a rule, lists them, and assets --json shows one tile each', () => {
    expect(packshot('catalog', 'add', photos).status).toBe(0);
    expect(packshot('scan').status).toBe(0);
    const made = packshot('spins', 'create', '--query', 'name:SHOE-1_spin', '--name', 'Shoe 360');
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/^Made spin \d+: \d+\t6 frames\tShoe 360\n$/);
    expect(packshot('spins', 'create', '--query', 'name:nothing').status).toBe(2);
    const byRule = packshot('spins', 'create', '--rule', '{sku}_spin_{frame}');
    expect(byRule.stdout).toMatch(
      /Made 1 spin\(s\)[\s\S]*3 frames\tBAG-2\t! 1 frame missing from the numbering 1–4: 2/,
    );

    const list = packshot('spins', 'list', '--json');
    expect(list.status).toBe(0);
    const spins = JSON.parse(list.stdout) as Listed[];
    expect(spins.map((s) => [s.name, s.frames, s.warnings.length])).toEqual([
      ['BAG-2', 3, 1],
      ['Shoe 360', 6, 0],
    ]);

    const assets = JSON.parse(packshot('assets', '--json').stdout) as {
      id: number;
      kind: string;
      frames?: number;
    }[];
    expect(assets.map((a) => [a.id, a.kind, a.frames])).toEqual([
      [spins[0]?.coverAssetId, 'spin', 3],
      [spins[1]?.coverAssetId, 'spin', 6],
    ]);
    expect(packshot('assets', '--json', '--query', 'kind:spin name:shoe').stdout).toMatch(
      /"frames":6/,
    );
  });

  it('exports the spins: frames and sprite sheets, no Amazon zip under 24 frames', async () => {
    const out = join(dataDir, 'out');
    const run = packshot('spins', 'export', '--out', out, '--channel', 'web');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`2 spin(s) to ${out}: 13 written, 0 unchanged, 0 removed\n`);
    expect(run.stderr).toMatch(/warning: Shoe 360: Amazon's 360 package needs at least 24 frames/);
    expect((await readdir(join(out, 'Shoe 360', 'frames'))).sort()[0]).toBe('Shoe 360_01.webp');
  });
});
