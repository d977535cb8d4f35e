// Named points where a test may kill this process (SIGKILL) to prove that a crash there
// loses nothing: scripts/fault-injection.mjs and faults/crash-at-any-point.test.ts.
// Inert unless a host arms them. Only the command line does, once at start, from the test
// hook PACKSHOT_FAULT (the app never arms them):
//   PACKSHOT_FAULT=export.before-rename:3   the 3rd time that point is reached, SIGKILL
//   PACKSHOT_FAULT=count:/tmp/hits.ndjson   at exit, append how often each point was reached
import { appendFileSync } from 'node:fs';

export const FAULT_POINTS = [
  // scan
  'scan.between-files',
  'media.temp-written',
  'scan.thumb-written',
  'scan.index-write',
  'scan.index-committed',
  // every undoable edit (tags, ratings, links…); a bulk tag between its tag and its links
  'tags.path-ensured',
  'edit.work-done',
  'edit.step-logged',
  'edit.committed',
  // linking
  'links.mid-apply',
  'products.import-mid',
  // jobs
  'jobs.claimed',
  // XMP write-back
  'xmp.between-files',
  'xmp.sidecar-temp-written',
  'xmp.sidecar-before-rename',
  'xmp.embedded-before-write',
  'xmp.embedded-after-write',
  // export
  'export.between-files',
  // an image: its temporary file written, journalled (not yet renamed), renamed
  'export.after-temp-write',
  'export.before-rename',
  'export.after-rename',
  // a CSV journalled, not yet renamed; the manifest before and after its commit
  'export.csv-before-rename',
  'export.manifest-before-commit',
  'export.manifest-committed',
  // versions: the old bytes kept in the store; the new file written, not yet renamed
  'versions.stored',
  'versions.before-rename',
] as const;

export type FaultPoint = (typeof FAULT_POINTS)[number];

let killAt: { point: FaultPoint; hit: number } | null = null;
let counts: Map<FaultPoint, number> | null = null;

/** Arms the points from a spec (see above); undefined or '' leaves them inert. */
export function armFaults(spec: string | undefined): void {
  if (!spec) return;
  if (spec.startsWith('count:')) {
    const file = spec.slice('count:'.length);
    const seen = new Map<FaultPoint, number>();
    counts = seen;
    process.on('exit', () => appendFileSync(file, `${JSON.stringify(Object.fromEntries(seen))}\n`));
    return;
  }
  const match = /^([a-z.-]+):(\d+)$/.exec(spec);
  const point = FAULT_POINTS.find((p) => p === match?.[1]);
  if (!match || !point || Number(match[2]) < 1)
    throw new Error(`PACKSHOT_FAULT: expected point:N with a known point, not '${spec}'`);
  killAt = { point, hit: Number(match[2]) };
  counts = new Map();
}

/** Marks a point; when armed for it and this is the chosen hit, the process dies here. */
export function faultPoint(point: FaultPoint): void {
  if (counts === null) return;
  const hit = (counts.get(point) ?? 0) + 1;
  counts.set(point, hit);
  if (killAt?.point === point && killAt.hit === hit) process.kill(process.pid, 'SIGKILL');
}
