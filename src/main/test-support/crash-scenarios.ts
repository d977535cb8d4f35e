// The crash suite's scenarios: a stage of the small library, a command, the kill points run
// in `npm test` (`point:hit`), and what must hold after the kill and after the recovery
// (the same command run again, then the library opened as the app opens it).
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackManifest } from '../../shared/export-dto';
import {
  catalogWhole,
  editWhole,
  imagesWhole,
  indexWhole,
  jobsSettled,
  tempLeftovers,
  TAG,
  type LibraryFacts,
} from './crash-checks';
import { fileHashes, listFiles, SHOTS, SKUS, type Stage, type World } from './crash-world';

export interface CheckInput {
  world: World;
  /** The library as the stage left it, and now. */
  before: LibraryFacts;
  facts: LibraryFacts;
  /** After the recovery: the work must be complete, not only whole. */
  recovered: boolean;
  /** The named point the command was killed at (`point:hit`), null for a timed kill. */
  fault: string | null;
}

export interface Scenario {
  name: string;
  stage: Stage;
  /** Run after the stage is restored, before the command that is killed. */
  prepare?(world: World): void;
  args(world: World): string[];
  /** Kill points in `npm test`; the wide script runs every point × every hit. */
  quick: string[];
  /** The command writes into the originals (embedded XMP). */
  writesOriginals?: boolean;
  /** Versions an indexed asset may have (default 1; the check says which has more). */
  maxVersions?: number;
  check(input: CheckInput): Promise<string[]>;
}

const tagAll = (): string[] => ['tag', 'add', TAG, '--query', ''];

function tagWhole({ before, facts, recovered }: CheckInput): string[] {
  const tagged = facts.assets.filter((a) => a.tagged > 0).length;
  const orphan = tagged === 0 && facts.tagRows > 0 ? [`tag ${TAG} created without links`] : [];
  return [...orphan, ...editWhole('tag', tagged, SHOTS, facts.steps, before.steps, recovered)];
}

/**
 * Killed as the write-back job was claimed: claiming follows the edit's commit, so the edit is
 * whole and its row, running under a dead owner, is there for the next engine to take over.
 */
function claimedAfterCommit({ facts, recovered, fault }: CheckInput): string[] {
  if (recovered || fault !== 'jobs.claimed:1') return [];
  const tagged = facts.assets.filter((a) => a.tagged > 0).length;
  const claimed = facts.liveJobs.some((j) => j.name === 'xmp.write' && j.state === 'running');
  return tagged === SHOTS && claimed
    ? []
    : [`killed as a job was claimed: ${tagged} of ${SHOTS} tagged, xmp.write claimed: ${claimed}`];
}

/** Sidecars (or the images themselves) carry the tag once the write-back has run. */
async function xmpCarries(world: World, ext: '.xmp' | '.jpg'): Promise<string[]> {
  const problems: string[] = [];
  for (const f of await listFiles(world.photos)) {
    if (f.startsWith('.') || !f.endsWith(ext)) continue;
    const bytes = await readFile(join(world.photos, f));
    if (!bytes.includes(TAG)) problems.push(`photos/${f} lacks ${TAG} after write-back`);
  }
  return problems;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'scan',
    stage: 'added',
    args: () => ['scan'],
    quick: [
      'scan.between-files:3',
      'media.temp-written:2',
      'scan.thumb-written:2',
      'scan.index-write:2',
      'scan.index-committed:4',
    ],
    check: ({ world }) => imagesWhole('cache', join(world.data, 'cache')),
  },
  {
    name: 'scan with auto links',
    stage: 'auto',
    args: () => ['scan'],
    quick: ['scan.index-committed:2'],
    // A file indexed by this run is linked by the auto rule with it, or not indexed yet.
    check: ({ before, facts }) =>
      Promise.resolve(
        facts.assets
          .filter((a) => a.state === 'ok' && a.linked === 0)
          .filter((a) => before.assets.find((b) => b.name === a.name)?.state === 'pending')
          .map((a) => `${a.name} indexed without its auto link`),
      ),
  },
  {
    name: 'tag',
    stage: 'indexed',
    args: tagAll,
    quick: ['tags.path-ensured:1', 'edit.committed:1'],
    check: (input) => Promise.resolve(tagWhole(input)),
  },
  {
    name: 'products import',
    stage: 'indexed',
    args: (w) => ['products', 'import', w.csv],
    quick: ['products.import-mid:1'],
    check: ({ facts, recovered }) =>
      Promise.resolve(
        facts.products === SHOTS || (facts.products === 0 && !recovered)
          ? []
          : [`${facts.products} of ${SHOTS} products imported`],
      ),
  },
  {
    name: 'link rules',
    stage: 'products',
    args: () => ['link', 'rules', 'apply'],
    quick: ['links.mid-apply:2', 'edit.step-logged:1'],
    check: ({ before, facts, recovered }) =>
      Promise.resolve(editWhole('links', facts.links, SHOTS, facts.steps, before.steps, recovered)),
  },
  {
    name: 'xmp sidecar',
    stage: 'sidecar',
    args: tagAll,
    quick: [
      'edit.committed:1',
      'jobs.claimed:1',
      'xmp.sidecar-temp-written:2',
      'xmp.sidecar-before-rename:3',
    ],
    check: async (input) => [
      ...tagWhole(input),
      ...claimedAfterCommit(input),
      ...(input.recovered ? await xmpCarries(input.world, '.xmp') : []),
    ],
  },
  {
    name: 'xmp embedded',
    stage: 'embedded',
    args: tagAll,
    quick: ['xmp.embedded-after-write:2'],
    writesOriginals: true,
    check: async (input) => [
      ...tagWhole(input),
      ...(input.recovered ? await xmpCarries(input.world, '.jpg') : []),
    ],
  },
  {
    name: 'export',
    stage: 'linked',
    args: exportArgs,
    quick: [
      'export.after-temp-write:2',
      'export.before-rename:3',
      'export.after-rename:2',
      'export.between-files:4',
      // All files landed, the manifest not yet written: fails until export commits a
      // replayed journal on a run that renders nothing (export/pack/run-export.ts).
      'export.manifest-before-commit:1',
      'export.manifest-committed:1',
    ],
    check: ({ world, recovered }) => packWhole(world, recovered),
  },
  {
    // A pack exported before; a new base URL changes only its CSV, and the kill comes
    // between the CSV's journal line and its rename: the old CSV is still Packshot's.
    name: 'export, CSV changed',
    stage: 'linked',
    prepare: (w) => {
      const run = w.run(exportArgs(w));
      if (run.status !== 0) throw new Error(`export: ${run.stderr}`);
    },
    args: (w) => [...exportArgs(w), '--base-url', CDN],
    quick: ['export.csv-before-rename:1'],
    check: async ({ world, recovered }) => {
      const problems = await packWhole(world, recovered);
      if (!recovered) return problems;
      const csv = await readFile(join(world.out, 'shopify-images.csv'), 'utf8').catch(() => '');
      if (!csv.includes(CDN))
        problems.push('shopify-images.csv was not rewritten with the base URL');
      return problems;
    },
  },
  {
    // Asset 1's file replaced through Packshot: killed after its old bytes are kept, or with
    // the new file written beside it; the file is the old one or the new one, never half.
    name: 'versions replace',
    stage: 'indexed',
    prepare: (w) => {
      // Another shot's pixels with a marker after its end: new content that decodes.
      copyFileSync(join(w.photos, `${SKUS[1]}_01.jpg`), replacement(w));
      appendFileSync(replacement(w), 'packshot replacement');
    },
    args: (w) => ['versions', 'replace', '1', replacement(w)],
    quick: ['versions.stored:1', 'versions.before-rename:1'],
    writesOriginals: true,
    maxVersions: 2,
    check: (input) => replacedWhole(input),
  },
];

const replacement = (w: World): string => join(w.out, 'replacement.jpg');

/** The file is its old or its new content; after the recovery the new one, as version 2. */
async function replacedWhole({ world, facts, recovered }: CheckInput): Promise<string[]> {
  const next = createHash('sha256')
    .update(await readFile(replacement(world)))
    .digest('hex');
  const now = await fileHashes(world.photos);
  const problems: string[] = [];
  let replaced = 0;
  for (const [file, hash] of now) {
    if (!file.endsWith('.jpg') || file.startsWith('.')) continue;
    if (hash === next) replaced++;
    else if (hash !== world.originals.get(file)) problems.push(`photos/${file} is neither version`);
  }
  if (replaced > 1 || (recovered && replaced !== 1))
    problems.push(`${replaced} files have the replacement's bytes`);
  const twice = facts.assets.filter((a) => a.versions === 2).length;
  if (recovered && twice !== 1) problems.push(`${twice} assets have 2 versions, not 1`);
  return problems;
}

const CDN = 'https://cdn.example/';

function exportArgs(w: World): string[] {
  return ['export', '--channel', 'shopify', '--out', w.out, '--json'];
}

/** Pack files whole; after the recovery, every shot listed in the manifest and on disk. */
async function packWhole(world: World, recovered: boolean): Promise<string[]> {
  const problems = await imagesWhole('pack', world.out);
  if (!recovered) return problems;
  const text = await readFile(join(world.out, 'manifest.json'), 'utf8').catch(() => null);
  if (text === null) return [...problems, 'pack has no manifest.json'];
  const manifest = JSON.parse(text) as PackManifest;
  const images = (await listFiles(world.out)).filter((f) => /\.(jpe?g|png|webp)$/.test(f));
  const listed = manifest.files.map((f) => f.file).sort();
  if (listed.length !== SHOTS) problems.push(`manifest lists ${listed.length} files`);
  if (JSON.stringify(images) !== JSON.stringify(listed))
    problems.push(`pack holds ${images.join(', ')}; manifest lists ${listed.join(', ')}`);
  return problems;
}

/** The checks every scenario shares, then its own. */
export async function allChecks(scenario: Scenario, input: CheckInput): Promise<string[]> {
  return [
    // What was indexed stays indexed; what was pending may still be, until the recovery.
    ...indexWhole(
      input.facts,
      input.recovered || input.before.assets.every((a) => a.state === 'ok'),
      scenario.maxVersions,
    ),
    ...(await catalogWhole(input.world, scenario.writesOriginals ?? false)),
    ...(input.recovered
      ? [...(await tempLeftovers(input.world)), ...jobsSettled(input.facts)]
      : []),
    ...(await scenario.check(input)),
  ];
}
