// Nothing the user made is overwritten: their manifest.json, their CSV, their image at a
// target name, a symlinked folder leading out; a failed write leaves no temporary file and
// names the file; a crash's temporary files are swept, and only Packshot's own names.
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ExportSummary, PackManifest } from '../../../shared/export-dto';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { productShot } from '../../test-support/product-shots';
import { tempDir } from '../../test-support/sample-images';
import { seedProducts } from '../../test-support/seed-products';
import { tinyPreset } from '../../test-support/tiny-preset';
import { writeFaults } from './pack/write-atomic';
import { listFiles } from '../../test-support/list-files';

let h: Harness;
let catalog: string;
const dirs: string[] = [];

async function run(out: string): Promise<ExportSummary> {
  const job = await h.call('exports.start', { channels: ['tiny'], out });
  return h.call('exports.wait', { jobId: job.jobId });
}

async function pack(prefix: string): Promise<string> {
  const dir = await tempDir(prefix);
  dirs.push(dir);
  return dir;
}

async function manifestOf(out: string): Promise<PackManifest> {
  return JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as PackManifest;
}

beforeAll(async () => {
  h = await startHarness();
  catalog = await tempDir('safety-src');
  for (let i = 0; i < 3; i++) {
    const shot = await productShot('white', i, { width: 600, height: 450 });
    await writeFile(join(catalog, `p${i}.jpg`), shot.data);
  }
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  const assets = (await h.all()).sort((a, b) => (a.name < b.name ? -1 : 1));
  seedProducts(
    h.dataDir,
    assets.map((a, i) => ({ sku: `S-${i}`, links: [{ assetId: a.id, role: 'main' as const }] })),
  );
  await h.call('presets.save', { id: 'tiny', preset: tinyPreset() });
}, 300_000);

afterEach(() => {
  writeFaults.fail = null;
});

afterAll(async () => {
  await h.dispose();
  for (const dir of [catalog, ...dirs]) await rm(dir, { recursive: true, force: true });
});

it("refuses a folder holding the user's own manifest.json, and leaves it and the folder as they were", async () => {
  const out = await pack('safety-manifest');
  await writeFile(join(out, 'manifest.json'), '{"name":"my app","version":"1.0"}');
  const s = await run(out);
  expect(s.state).toBe('failed');
  expect(s.errors[0]?.reason).toMatch(/manifest\.json was not written by Packshot/);
  expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe(
    '{"name":"my app","version":"1.0"}',
  );
  expect(await listFiles(out)).toEqual(['manifest.json']);
});

it("keeps the user's own CSV, and one the user edited, under Packshot's CSV name", async () => {
  const out = await pack('safety-csv');
  await writeFile(join(out, 'tiny-images.csv'), 'Handle,Title\nmine,My own\n');
  const s = await run(out);
  expect(s.rendered).toBe(3);
  expect(s.csv).toEqual([]);
  expect(s.errors.map((e) => [e.file, e.reason])).toEqual([
    ['tiny-images.csv', expect.stringMatching(/not written by Packshot.*left as it is/)],
  ]);
  expect(await readFile(join(out, 'tiny-images.csv'), 'utf8')).toBe('Handle,Title\nmine,My own\n');

  // Moved away: Packshot writes its own, records it, and replaces it while it is unchanged.
  await rm(join(out, 'tiny-images.csv'));
  const again = await run(out);
  expect(again.csv).toEqual(['tiny-images.csv']);
  const ours = await readFile(join(out, 'tiny-images.csv'), 'utf8');
  expect(ours).toMatch(/^Handle,Image Src/);
  const m = (await manifestOf(out)) as PackManifest & { outputs: { file: string }[] };
  expect(m.outputs.map((o) => o.file)).toEqual(['tiny-images.csv']);

  // Edited by the user since: left as it is, with the message.
  await writeFile(join(out, 'tiny-images.csv'), `${ours}my-extra,row,1,x\r\n`);
  await rm(join(out, 'tiny', 'S-0'), { recursive: true }); // something to write again
  const third = await run(out);
  expect(third.rendered).toBe(1);
  expect(third.errors.map((e) => e.file)).toEqual(['tiny-images.csv']);
  expect(await readFile(join(out, 'tiny-images.csv'), 'utf8')).toBe(`${ours}my-extra,row,1,x\r\n`);
});

it('replaces its CSV after a kill between the journal line and the rename', async () => {
  const out = await pack('safety-csv-kill');
  await run(out);
  const csv = join(out, 'tiny-images.csv');
  const [oldCsv, oldManifest] = await Promise.all([
    readFile(csv),
    readFile(join(out, 'manifest.json')),
  ]);
  // The run a kill would cut short: a new base URL changes only the CSV.
  const changed = { channels: ['tiny'], out, baseUrl: 'https://cdn.example/' };
  await h.call('exports.wait', { jobId: (await h.call('exports.start', changed)).jobId });
  const newCsv = await readFile(csv, 'utf8');
  expect(newCsv).toContain('https://cdn.example/');
  // As the kill leaves the pack: the old manifest and CSV, the journal naming the new CSV.
  await writeFile(csv, oldCsv);
  await writeFile(join(out, 'manifest.json'), oldManifest);
  const sha256 = createHash('sha256').update(newCsv).digest('hex');
  const line = { output: { file: 'tiny-images.csv', sha256 } };
  await writeFile(join(out, '.packshot-journal.ndjson'), `${JSON.stringify(line)}\n`);

  const s = await h.call('exports.wait', {
    jobId: (await h.call('exports.start', changed)).jobId,
  });
  expect(s.errors).toEqual([]);
  expect(s.csv).toEqual(['tiny-images.csv']);
  expect(await readFile(csv, 'utf8')).toBe(newCsv);
  const m = (await manifestOf(out)) as PackManifest & { outputs: { sha256: string }[] };
  expect(m.outputs.map((o) => o.sha256)).toEqual([sha256]);
});

it("keeps the user's image at a target name and names it; an identical file is adopted", async () => {
  const out = await pack('safety-image');
  const first = await run(out);
  expect(first.rendered).toBe(3);
  const ownBytes = await readFile(join(out, 'tiny', 'S-1', 'S-1-1.jpg'));
  // The manifest loses its lines (as the old concurrency bug did); one file is the user's.
  const m = await manifestOf(out);
  await writeFile(join(out, 'manifest.json'), JSON.stringify({ ...m, files: [] }));
  await writeFile(join(out, 'tiny', 'S-0', 'S-0-1.jpg'), 'my own picture');
  const s = await run(out);
  expect(s.failed).toBe(1);
  expect(s.errors[0]?.file).toBe('tiny/S-0/S-0-1.jpg');
  expect(s.errors[0]?.reason).toMatch(/^tiny\/S-0\/S-0-1\.jpg: a file Packshot did not write/);
  expect(await readFile(join(out, 'tiny', 'S-0', 'S-0-1.jpg'), 'utf8')).toBe('my own picture');
  // The two files byte for byte what this export makes are Packshot's again.
  expect(s.unchanged).toBe(2);
  expect((await manifestOf(out)).files.map((f) => f.file)).toEqual([
    'tiny/S-1/S-1-1.jpg',
    'tiny/S-2/S-2-1.jpg',
  ]);
  expect((await readFile(join(out, 'tiny', 'S-1', 'S-1-1.jpg'))).equals(ownBytes)).toBe(true);
});

it('refuses a symlinked subfolder leading out before it creates anything through it', async () => {
  const out = await pack('safety-link');
  const outside = await pack('safety-outside');
  await symlink(outside, join(out, 'tiny'), 'dir');
  const s = await run(out);
  expect(s.rendered).toBe(0);
  expect(s.failed).toBe(3);
  expect(s.errors[0]?.reason).toMatch(/leads out of the pack/);
  expect(await readdir(outside)).toEqual([]);
  expect((await lstat(join(out, 'tiny'))).isSymbolicLink()).toBe(true);
});

it('a write that fails (a full disk) removes its temporary file and names the file', async () => {
  const out = await pack('safety-enospc');
  writeFaults.fail = (target) => target.endsWith(`S-1-1.jpg`);
  const s = await run(out);
  expect(s.rendered).toBe(2);
  expect(s.failed).toBe(1);
  expect(s.errors[0]?.file).toBe('tiny/S-1/S-1-1.jpg');
  expect(s.errors[0]?.reason).toContain(join(out, 'tiny', 'S-1', 'S-1-1.jpg'));
  expect(s.errors[0]?.reason).toMatch(/disk is full/);
  const files = await listFiles(out);
  expect(files.filter((f) => f.includes('packshot-tmp') || f.includes('journal'))).toEqual([]);
  expect((await manifestOf(out)).files).toHaveLength(2);

  // The manifest itself: the run fails naming it, and nothing half-written is left.
  writeFaults.fail = (target) => target.endsWith('manifest.json');
  await rm(join(out, 'tiny', 'S-0'), { recursive: true });
  const m = await run(out);
  expect(m.state).toBe('failed');
  expect(m.errors[0]?.reason).toContain(join(out, 'manifest.json'));
  expect((await listFiles(out)).filter((f) => f.includes('packshot-tmp'))).toEqual([]);

  // Space again: the next run completes the pack.
  writeFaults.fail = null;
  const done = await run(out);
  expect(done.failed).toBe(0);
  expect((await manifestOf(out)).files).toHaveLength(3);
  expect((await listFiles(out)).filter((f) => f.startsWith('.'))).toEqual([]);
});

it("sweeps a crash's temporary files, and only names Packshot makes", async () => {
  const out = await pack('safety-sweep');
  await run(out);
  const crashed = join(out, 'tiny', 'S-2', '.S-2-1.jpg.0badf00d.packshot-tmp');
  const mine = join(out, 'tiny', 'S-2', '.notes.packshot-tmp');
  await writeFile(crashed, 'half');
  await writeFile(mine, 'the user named this');
  await writeFile(join(out, '.manifest.json.12345678.packshot-tmp'), 'half');
  await rm(join(out, 'tiny', 'S-0'), { recursive: true });
  await run(out);
  const files = await listFiles(out);
  expect(files).not.toContain('tiny/S-2/.S-2-1.jpg.0badf00d.packshot-tmp');
  expect(files).not.toContain('.manifest.json.12345678.packshot-tmp');
  expect(await readFile(mine, 'utf8')).toBe('the user named this');
});

it('a landing that fails while the next file of its source renders names that file alone', async () => {
  // Two presets: each source is rendered twice, the second while the first lands.
  await h.call('presets.save', { id: 'tiny-b', preset: tinyPreset({ channel: 'tiny-b' }) });
  try {
    const out = await pack('safety-landing');
    writeFaults.fail = (target) => target.endsWith(join('tiny', 'S-1', 'S-1-1.jpg'));
    const job = await h.call('exports.start', { channels: ['tiny', 'tiny-b'], out });
    const s = await h.call('exports.wait', { jobId: job.jobId });
    expect(s.errors.map((e) => e.file)).toEqual(['tiny/S-1/S-1-1.jpg']);
    expect([s.rendered, s.failed]).toEqual([5, 1]);
    const landed = (await manifestOf(out)).files.map((f) => f.file).sort();
    expect(landed).toEqual([
      'tiny-b/S-0/S-0-1.jpg',
      'tiny-b/S-1/S-1-1.jpg',
      'tiny-b/S-2/S-2-1.jpg',
      'tiny/S-0/S-0-1.jpg',
      'tiny/S-2/S-2-1.jpg',
    ]);
    expect((await listFiles(out)).filter((f) => f.includes('packshot-tmp'))).toEqual([]);
  } finally {
    writeFaults.fail = null;
    await h.call('presets.delete', { id: 'tiny-b' });
  }
});
