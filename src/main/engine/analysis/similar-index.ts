import type { SimilarGroup } from '../../../shared/dto';
import type { Db } from '../db/open-database';

/** Perceptual hashes this close (of 64 bits) are the same picture: a burst, a retake. */
const NEAR = 10;
/**
 * More near matches than this is not a burst but a look (flat colour fields, a template
 * shot a thousand times): grouping it would tell the user nothing and cost O(n²).
 */
const MAX_MATCHES = 64;

function split(hex: string): [number, number] {
  return [parseInt(hex.slice(0, 8), 16) >>> 0, parseInt(hex.slice(8, 16), 16) >>> 0];
}

function popcount(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Groups near-duplicates as assets are indexed. The hashes live in memory as two 32-bit
 * halves (100,000 assets ≈ 3 MB) so each new asset is compared with all in well under a
 * millisecond; a group is named by its lowest asset id.
 */
export class SimilarIndex {
  private hashes: Map<number, [number, number]> | null = null;

  constructor(private readonly db: Db) {}

  private all(): Map<number, [number, number]> {
    if (!this.hashes) {
      this.hashes = new Map(
        this.db
          .prepare<[], { id: number; phash: string }>(
            `SELECT id, phash FROM assets WHERE phash IS NOT NULL AND state != 'missing'`,
          )
          .all()
          .map((r) => [r.id, split(r.phash)]),
      );
    }
    return this.hashes;
  }

  /** Records an asset's hash and joins it with every near match (and their groups). */
  add(id: number, phash: string): void {
    const all = this.all();
    const [hi, lo] = split(phash);
    all.set(id, [hi, lo]);
    const matches: number[] = [];
    for (const [other, [oh, ol]] of all) {
      if (other !== id && popcount(oh ^ hi) + popcount(ol ^ lo) <= NEAR) matches.push(other);
      if (matches.length > MAX_MATCHES) break;
    }
    if (matches.length > MAX_MATCHES) matches.length = 0;
    this.db.transaction(() => {
      if (matches.length === 0) {
        this.db.prepare('UPDATE assets SET similar_group = NULL WHERE id = ?').run(id);
        return;
      }
      const members = [id, ...matches];
      const marks = members.map(() => '?').join(', ');
      const groups = this.db
        .prepare<number[], { g: number }>(
          `SELECT DISTINCT similar_group AS g FROM assets WHERE id IN (${marks}) AND similar_group IS NOT NULL`,
        )
        .all(...members)
        .map((r) => r.g);
      const group = Math.min(...members, ...groups);
      const groupMarks =
        groups.length > 0 ? ` OR similar_group IN (${groups.map(() => '?').join(', ')})` : '';
      this.db
        .prepare(`UPDATE assets SET similar_group = ? WHERE id IN (${marks})${groupMarks}`)
        .run(group, ...members, ...groups);
    })();
  }

  /** Groups of two or more present assets, largest first, each with its best frame. */
  groups(): SimilarGroup[] {
    const rows = this.db
      .prepare<
        [],
        { g: number; id: number; rating: number; flag: string; sharpness: number | null }
      >(
        `SELECT similar_group AS g, id, rating, flag, sharpness FROM assets
         WHERE similar_group IS NOT NULL AND state != 'missing' ORDER BY similar_group, id`,
      )
      .all();
    const byGroup = new Map<number, typeof rows>();
    for (const row of rows) byGroup.set(row.g, [...(byGroup.get(row.g) ?? []), row]);
    return [...byGroup]
      .filter(([, members]) => members.length > 1)
      .map(([group, members]) => ({ group, ids: members.map((m) => m.id), best: bestOf(members) }))
      .sort((a, b) => b.ids.length - a.ids.length || a.group - b.group);
  }
}

/** The frame to keep: the one the user rated or picked highest, else the sharpest. */
function bestOf(
  members: { id: number; rating: number; flag: string; sharpness: number | null }[],
): number {
  const score = (m: (typeof members)[number]) => [
    m.flag === 'pick' ? 1 : 0,
    m.rating,
    m.sharpness ?? 0,
    -m.id,
  ];
  return (
    [...members].sort((a, b) => {
      const sa = score(a);
      const sb = score(b);
      for (let i = 0; i < sa.length; i++)
        if ((sa[i] ?? 0) !== (sb[i] ?? 0)) return (sb[i] ?? 0) - (sa[i] ?? 0);
      return 0;
    })[0]?.id ??
    members[0]?.id ??
    0
  );
}
