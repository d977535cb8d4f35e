import { createHash } from 'node:crypto';

/** Heads kept to compare with (128 KB each: 4 MB at most, for one burst). */
const KEPT_HEADS = 32;
/** Distinct heads kept per size: many (uncompressed shots of one size) fall back to SHA-1. */
const KEPT_PER_SIZE = 4;

/** A look's placeholder, or null: only a full index can give one. */
type Found = string | null;

interface Group {
  /** Its leader's placeholder, once its full index gave one. */
  found: Found;
  /** The id whose full index will give the group its placeholder (a costly leader). */
  leader: number | null;
  /** Ids of a costly group painted when the leader's full index is done. */
  waiting: number[];
}

export type LookRole =
  /** This id leads its group: its own index (or DC scans) paints it and its copies. */
  | { role: 'leader' }
  /** The group had a placeholder: this id takes it. */
  | { role: 'copy'; placeholder: string }
  /** The group has none yet: this id is painted when its leader's full index is done. */
  | { role: 'waiting' };

/**
 * Files that begin alike are looked at once. A shoot copied to several folders, or a
 * wallpaper shipped under many names, would otherwise decode its embedded thumbnail once
 * per file, and its copies without one would wait for their own full index (a whole read
 * and hash each) for a placeholder. A thumbnail's look is keyed by the size and the head
 * (`headKey`, then `head`); a costly group's by those, samples through the body and the
 * file's last bytes (`restKey`, then `join`): not the content hash, but a placeholder is a rough picture, and the
 * full index writes each file's own. Only sizes that more than one file has are keyed.
 * Kept for one burst of indexing: cleared when the queue is idle.
 */
export class LookGroups {
  private readonly groups = new Map<string, Group>();
  private readonly keyOf = new Map<number, string>();
  private readonly heads = new Map<string, Promise<Found>>();
  /** Heads kept per shared size, to tell the next heads of that size by comparing. */
  private readonly kept = new Map<number, Buffer[]>();
  private keptCount = 0;
  /** File sizes more than one queued file has: only those need a key (a hash) at all. */
  private readonly sharedSizes = new Set<number>();

  /** Sizes that more than one file of a batch has (`AssetFileRepo.bySize`). */
  share(sizes: Iterable<number>): void {
    for (const bytes of sizes) this.sharedSizes.add(bytes);
  }

  /**
   * Whether another file of the burst has this size: a file alone in its size cannot
   * share a look, so its look neither hashes nor groups (the heads' SHA-1 was ~25 ms of
   * main thread on the 171 photos).
   */
  shared(bytes: number): boolean {
    return this.sharedSizes.has(bytes);
  }

  /** `rest`: the other byte ranges read (body samples, the tail), in file order. */
  static key(bytes: number, head: Buffer, ...rest: Buffer[]): string {
    const hash = createHash('sha1').update(head);
    for (const part of rest) hash.update(part);
    return `${bytes}:${hash.digest('base64')}`;
  }

  /**
   * The key of a head of a shared size: its place among the heads of that size kept so far
   * (compared byte for byte, ~3 µs, where SHA-1 took ~75 µs a head), or, once
   * KEPT_PER_SIZE or KEPT_HEADS are kept, `key`'s SHA-1. Kept heads are never dropped in a
   * burst, so equal heads always get one key, and unequal ones never share it.
   */
  headKey(bytes: number, head: Buffer): string {
    let kept = this.kept.get(bytes);
    if (!kept) this.kept.set(bytes, (kept = []));
    const at = kept.findIndex((other) => other.equals(head));
    if (at >= 0) return `${bytes}#${at}`;
    if (kept.length >= KEPT_PER_SIZE || this.keptCount >= KEPT_HEADS)
      return LookGroups.key(bytes, head);
    kept.push(Buffer.from(head)); // the look's head is a reused buffer
    this.keptCount++;
    return `${bytes}#${kept.length - 1}`;
  }

  /** A costly group's key: the head's key, and the other ranges read (body samples, tail). */
  static restKey(headKey: string, rest: Buffer[]): string {
    const hash = createHash('sha1');
    for (const part of rest) hash.update(part);
    return `${headKey}/${hash.digest('base64')}`;
  }

  /**
   * The head's own look, run once per key (size and head): an embedded thumbnail's
   * placeholder is a function of the head's bytes alone, so files that share them share it
   * whatever follows. Null (no thumbnail) says nothing of the body: such a file then joins
   * its finer group (`join`, with the body samples and tail in its key).
   */
  head(key: string, look: () => Promise<Found>): Promise<Found> {
    let found = this.heads.get(key);
    if (!found) this.heads.set(key, (found = look()));
    return found;
  }

  /**
   * The first id of a key leads its group; later ids take the group's placeholder once its
   * leader's index gave one, else wait for it (or lead, when the leader's index failed).
   */
  join(key: string, id: number): LookRole {
    const group = this.groups.get(key);
    if (group?.found) return { role: 'copy', placeholder: group.found };
    if (!group || group.leader === null) {
      // A new group, or one whose leader's index failed: this id is indexed in its place.
      if (group) group.leader = id;
      else this.groups.set(key, { found: null, leader: id, waiting: [] });
      this.keyOf.set(id, key);
      return { role: 'leader' };
    }
    group.waiting.push(id);
    return { role: 'waiting' };
  }

  /**
   * A leader's full index is done: the ids waiting on it. With a placeholder, later looks
   * of the key take it; without one (it failed), each waiting id is left to its own index.
   */
  settle(leader: number, placeholder: Found): number[] {
    const key = this.keyOf.get(leader);
    if (key === undefined) return [];
    this.keyOf.delete(leader);
    const group = this.groups.get(key);
    if (!group) return [];
    const waiting = group.waiting;
    group.waiting = [];
    group.leader = null;
    if (placeholder !== null) group.found = placeholder;
    return placeholder === null ? [] : waiting;
  }

  clear(): void {
    this.heads.clear();
    this.sharedSizes.clear();
    this.kept.clear();
    this.keptCount = 0;
    this.groups.clear();
    this.keyOf.clear();
  }
}
