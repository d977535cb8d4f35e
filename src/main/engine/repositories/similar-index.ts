import type { SimilarGroup } from '../../../shared/dto';
import type { Db } from '../db/open-database';
import { HammingIndex, splitHash } from '../analysis/hamming-index';
import { statements } from '../db/statement-cache';
import { writeTransaction } from '../db/write-transaction';

/** Perceptual hashes this close (of 64 bits) are the same picture: a burst, a retake. */
const NEAR = 10;
/**
 * More near matches than this is not a burst but a look (flat colour fields, a template
 * shot a thousand times): grouping it would tell the user nothing and cost O(n²).
 */
const MAX_MATCHES = 64;

/**
 * Groups near-duplicates as assets are indexed. The hashes live in memory in a
 * multi-index (typed arrays, 100,000 assets ≈ 3 MB), so finding a new asset's near
 * matches looks at about a thousand candidates, not every asset; a group is named by its
 * lowest asset id.
 */
export class SimilarIndex {
  private index: HammingIndex | null = null;

  constructor(private readonly db: Db) {}

  private all(): HammingIndex {
    if (!this.index) {
      const index = new HammingIndex(NEAR);
      for (const row of statements(this.db)
        .prepare<[], { id: number; phash: string }>(
          `SELECT id, phash FROM assets WHERE phash IS NOT NULL AND state != 'missing'`,
        )
        .iterate()) {
        const [hi, lo] = splitHash(row.phash);
        index.set(row.id, hi, lo);
      }
      this.index = index;
    }
    return this.index;
  }

  /** Forgets the in-memory hashes (a transaction that added one rolled back); reread on use. */
  invalidate(): void {
    this.index = null;
  }

  /** Records an asset's hash and joins it with every near match (and their groups). */
  add(id: number, phash: string): void {
    const index = this.all();
    const [hi, lo] = splitHash(phash);
    index.set(id, hi, lo);
    const matches = index.near(hi, lo, id, MAX_MATCHES);
    if (matches.length > MAX_MATCHES) matches.length = 0;
    writeTransaction(this.db, () => {
      if (matches.length === 0) {
        statements(this.db).prepare('UPDATE assets SET similar_group = NULL WHERE id = ?').run(id);
        return;
      }
      const members = [id, ...matches];
      const marks = members.map(() => '?').join(', ');
      const groups = statements(this.db)
        .prepare<number[], { g: number }>(
          `SELECT DISTINCT similar_group AS g FROM assets WHERE id IN (${marks}) AND similar_group IS NOT NULL`,
        )
        .all(...members)
        .map((r) => r.g);
      const group = Math.min(...members, ...groups);
      const groupMarks =
        groups.length > 0 ? ` OR similar_group IN (${groups.map(() => '?').join(', ')})` : '';
      statements(this.db)
        .prepare(`UPDATE assets SET similar_group = ? WHERE id IN (${marks})${groupMarks}`)
        .run(group, ...members, ...groups);
    });
  }

  /** Groups of two or more present assets, largest first, each with its best frame. */
  groups(): SimilarGroup[] {
    const rows = statements(this.db)
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
