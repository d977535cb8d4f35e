import type { AssetSort } from '../../../shared/dto';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';
import { tableChanges } from '../db/table-changes';
import { HIDDEN_FRAMES, HIDDEN_SET, ORDER } from './asset-query';
import type { QueryTerm } from './compile-query';
import { combine, ones, type Bits } from './list-index-bits';

/** How many term sets are kept (100 KB each at 100,000 assets). */
const MAX_SETS = 96;
/**
 * How long nothing must change after a query answered by SQL before its sets are read (a
 * scan writes more often than that: no set read for a write to drop; typing asks more often).
 */
const WARM_AFTER_MS = 300;

/** A list query's matches: how many, and a page of their ids in the sort's order. */
export interface Selection {
  count: number;
  page(offset: number, limit: number): number[];
}

/**
 * Lists answered from memory. Each term of a query (a tag, a word, rating>=4, the hidden
 * spin frames…) is read from SQLite once as the set of ids it holds for, and kept while the
 * tables it reads are unchanged (table-changes: this connection's writes per table; another
 * connection's commit or a new day drops everything). A query combines its terms' sets,
 * counts them and walks the sort's id order for its page: count and page from one set, no
 * scan of the catalog once its terms are known. Exact: SQL's three-valued logic is kept by
 * a term's TRUE set and, under NOT, its FALSE set (NOT label:red leaves out the unlabelled,
 * as SQL does).
 */
export class ListIndex {
  private state = '';
  private assets = '';
  private orders = new Map<AssetSort, { generation: string; order: Int32Array }>();
  private sets = new Map<string, { generation: string; bits: Bits }>();
  private size = 0;
  private last: { key: string; match: Bits; count: number } | undefined;
  /**
   * Sets for combining terms, reused from call to call (a stack: see bits): a new 100 KB
   * array for each AND and OR of every search was most of its garbage. The first holds the
   * last query's matches.
   */
  private scratch: Bits[] = [];
  private taken = 0;
  /** The ids that exist, while the assets' rows are unchanged (from any order). */
  private existingBits: Bits | undefined;
  /** Queries answered by SQL alone, with their terms' generations then (see select). */
  private asked = new Map<string, string>();
  /** The last query answered by SQL, read in idle time if nothing changes (warm). */
  private warming: ReturnType<typeof setTimeout> | undefined;
  /** This request's change counts (table-changes), read once. */
  private generation: (names: readonly string[]) => string = () => '';

  constructor(
    private readonly db: Db,
    /** What changes every set: another connection's commit, the day (rights terms). */
    private readonly stateOf: () => string,
    /** A long-lived engine makes its change counters in its first idle moment, not in the
     * first list a user waits on (the first after adding a catalog, in serve). */
    warm = false,
  ) {
    if (warm) setTimeout(() => this.makeCounters(), 0).unref();
  }

  private makeCounters(): void {
    if (this.db.open && !this.db.inTransaction) tableChanges(this.db);
  }

  /**
   * The query's matches; undefined when a term reads more than the database (like:, ~"…"),
   * or when answering would mean reading a set by scanning the catalog and this is the
   * query's first ask since what it reads last changed: SQL alone answers that ask as it
   * did before the index (a new query being typed, lists during a scan), and the sets are
   * read when the same query is asked again with nothing changed between (paging one list),
   * or after WARM_AFTER_MS with nothing changed or asked (warm).
   * Sets read from an id set (a tag, a word) are read at once: cheaper than the SQL count.
   * `page` false (a count): never remembers an ask, and never scans.
   */
  select(terms: readonly QueryTerm[], sort: AssetSort, page = true): Selection | undefined {
    // Inside a transaction a rollback could bring a counter back over other rows.
    if (terms.length === 0 || terms.some(volatile) || this.db.inTransaction) return undefined;
    const state = this.stateOf();
    if (state !== this.state) this.reset(state);
    this.generation = tableChanges(this.db);
    const assets = this.generation(['assets']);
    if (assets !== this.assets) this.resetAssets(assets);
    const query = JSON.stringify(terms);
    const generations = this.generations(terms);
    const key = query + generations;
    if (this.last?.key !== key) {
      if (!this.ready(terms, page ? sort : undefined)) {
        if (!page) return undefined;
        if (this.asked.get(query) !== generations) {
          this.asked.delete(query);
          this.asked.set(query, generations);
          if (this.asked.size > MAX_SETS) this.asked.delete(this.asked.keys().next().value!);
          clearTimeout(this.warming);
          this.warming = setTimeout(() => this.warm(terms, sort, query), WARM_AFTER_MS);
          this.warming.unref?.();
          return undefined;
        }
      }
      if (page) this.order(sort); // first: the ids that exist come from it
      this.last = undefined; // its matches are overwritten below
      this.taken = 0;
      const match = this.bits({ op: 'and', items: [...terms] }, true);
      this.last = { key, match, count: ones(match) };
    }
    const last = this.last;
    const { match, count } = last;
    return {
      count,
      page: (offset, limit) => {
        // Its matches are the first scratch set: valid until another query is selected.
        if (this.last !== last) throw new Error('list index: a selection read after the next');
        const ids: number[] = [];
        if (limit <= 0 || offset >= count) return ids;
        const order = this.order(sort);
        let seen = 0;
        for (let i = 0; i < order.length && ids.length < limit; i++) {
          const id = order[i]!;
          if (match[id] === 1 && seen++ >= offset) ids.push(id);
        }
        return ids;
      },
    };
  }

  /**
   * The last query SQL answered, its sets read while nothing changed since (the next page
   * then comes from them); not after a write, once closed, or once another query took its place.
   */
  private warm(terms: readonly QueryTerm[], sort: AssetSort, query: string): void {
    this.warming = undefined;
    if (!this.db.open || this.db.inTransaction) return;
    try {
      if (this.stateOf() !== this.state) return;
      this.generation = tableChanges(this.db);
      if (this.generation(['assets']) !== this.assets) return;
      if (this.asked.get(query) === this.generations(terms)) this.select(terms, sort);
    } catch {
      // A query SQL refused (its ask answered with the error), a busy file: nothing kept.
    }
  }

  /**
   * Whether the query can be answered without a scan of the catalog: every set it needs is
   * kept or read from an id set, and the ids that exist (and the sort's order, for a page)
   * are known.
   */
  private ready(terms: readonly QueryTerm[], sort: AssetSort | undefined): boolean {
    if (sort !== undefined && !this.keptOrder(sort)) return false;
    const known = this.existingBits !== undefined || this.orders.size > 0;
    const leafReady = (t: QueryTerm, truth: boolean): boolean => {
      if (t.op === 'not') return leafReady(t.item, !truth);
      if (t.op !== 'sql') return t.items.every((item) => leafReady(item, truth));
      if (this.kept(t.sql, t.params, truth)) return true;
      return known && (t.sql === '1' || t.sql === HIDDEN_FRAMES || idSet(t.sql) !== undefined);
    };
    return terms.every((t) => leafReady(t, true));
  }

  private reset(state: string): void {
    this.state = state;
    this.sets.clear();
    this.asked.clear();
    this.resetAssets('');
  }

  /** The orders and the id range follow the assets table. */
  private resetAssets(generation: string): void {
    this.assets = generation;
    this.orders.clear();
    this.existingBits = undefined;
    this.last = undefined;
    this.scratch = [];
    const max = statements(this.db)
      .prepare<[], { max: number | null }>('SELECT max(id) AS max FROM assets')
      .get();
    this.size = (max?.max ?? 0) + 1;
  }

  /** Every asset's id in a sort's order (the ORDER BY is total: ties go by id). */
  private order(sort: AssetSort): Int32Array {
    const kept = this.keptOrder(sort);
    if (kept) return kept;
    const generation = this.generation(tablesOf(ORDER[sort]));
    const ids = statements(this.db)
      .prepare<[], number>(`SELECT a.id FROM assets a ORDER BY ${ORDER[sort]}`)
      .pluck()
      .all();
    const order = Int32Array.from(ids);
    this.orders.set(sort, { generation, order });
    return order;
  }

  private keptOrder(sort: AssetSort): Int32Array | undefined {
    const kept = this.orders.get(sort);
    const generation = this.generation(tablesOf(ORDER[sort]));
    return kept?.generation === generation ? kept.order : undefined;
  }

  /** 1 for each id that exists: from an order kept, else the name order. */
  private existing(): Bits {
    if (this.existingBits) return this.existingBits;
    const bits = new Uint8Array(this.size);
    const any = this.orders.values().next().value?.order ?? this.order('name');
    for (const id of any) bits[id] = 1;
    this.existingBits = bits;
    return bits;
  }

  /** Where a term is TRUE (`truth`) or FALSE (not truth), by Kleene's logic as SQL has it. */
  private bits(term: QueryTerm, truth: boolean): Bits {
    switch (term.op) {
      case 'not':
        return this.bits(term.item, !truth);
      case 'and':
      case 'or': {
        // TRUE of an AND (FALSE of an OR) needs every item; the other way round needs one.
        // The result is scratch set `mark` (the first free one), and those after it are free
        // again on return: a kept set is never written.
        const every = (term.op === 'and') === truth;
        const mark = this.taken;
        const first = this.bits(term.items[0]!, truth);
        const out = this.taken > mark ? first : this.take();
        if (out !== first) out.set(first);
        for (let k = 1; k < term.items.length; k++) {
          combine(out, this.bits(term.items[k]!, truth), every);
          this.taken = mark + 1;
        }
        return out;
      }
      case 'sql':
        return this.leaf(term.sql, term.params, truth);
    }
  }

  /** The next free scratch set (its bytes are overwritten by the caller). */
  private take(): Bits {
    let bits = this.scratch[this.taken];
    if (bits?.length !== this.size) {
      bits = new Uint8Array(this.size);
      this.scratch[this.taken] = bits;
    }
    this.taken++;
    return bits;
  }

  /** Every leaf's generation: the change counts of the tables it reads. */
  private generations(terms: readonly QueryTerm[]): string {
    const out: string[] = [];
    const walk = (t: QueryTerm): void => {
      if (t.op === 'sql') out.push(this.generation(tablesOf(t.sql)));
      else if (t.op === 'not') walk(t.item);
      else t.items.forEach(walk);
    };
    terms.forEach(walk);
    return out.join(';');
  }

  private leafKey(sql: string, params: unknown[], truth: boolean): string {
    return `${truth ? 'T' : 'F'}${JSON.stringify(params)}${sql}`;
  }

  private kept(sql: string, params: unknown[], truth: boolean): boolean {
    const kept = this.sets.get(this.leafKey(sql, params, truth));
    return kept?.generation === this.generation(tablesOf(sql)) && kept.bits.length === this.size;
  }

  private leaf(sql: string, params: unknown[], truth: boolean): Bits {
    const key = this.leafKey(sql, params, truth);
    const generation = this.generation(tablesOf(sql));
    const kept = this.sets.get(key);
    if (kept) this.sets.delete(key); // most recently used last
    if (kept?.generation === generation && kept.bits.length === this.size) {
      this.sets.set(key, kept);
      return kept.bits;
    }
    const bits = this.read(sql, params, truth);
    this.sets.set(key, { generation, bits });
    if (this.sets.size > MAX_SETS) this.sets.delete(this.sets.keys().next().value!);
    return bits;
  }

  /** A leaf's set, read from SQLite. */
  private read(sql: string, params: unknown[], truth: boolean): Bits {
    const bits = new Uint8Array(this.size);
    const existing = (): Bits => this.existing();
    if (sql === '1') {
      if (truth) bits.set(existing());
      return bits;
    }
    if (sql === HIDDEN_FRAMES) {
      // All ids less the frames (a few hundred; a primary key: no NULL), or the frames.
      const all = existing();
      const frames = this.ids(HIDDEN_SET, []) as number[];
      if (truth) {
        bits.set(all);
        for (const id of frames) bits[id] = 0;
      } else for (const id of frames) bits[id] = all[id]!;
      return bits;
    }
    const inner = idSet(sql);
    const values = inner === undefined ? undefined : this.ids(inner, params);
    if (values?.every((v) => v === null || Number.isSafeInteger(v))) {
      // The set's own ids, no probe of the assets table for each (a tag's 40,000: 55 → 6 ms).
      // `x IN (…a NULL…)` is NULL, never FALSE, where x is not found.
      const found = new Uint8Array(this.size);
      let hasNull = false;
      for (const v of values) {
        if (v === null) hasNull = true;
        else if (v >= 0 && v < this.size) found[v] = 1;
      }
      const all = existing();
      if (truth) for (let i = 0; i < bits.length; i++) bits[i] = found[i]! & all[i]!;
      else if (!hasNull) for (let i = 0; i < bits.length; i++) bits[i] = all[i]! & (found[i]! ^ 1);
      return bits;
    }
    const from = /\bc\./.test(sql) ? 'assets a JOIN catalogs c ON c.id = a.catalog_id' : 'assets a';
    // A set alone (`+a.id IN (…)`, the + kept the list's walk) is read from the set.
    const driven = isIdSet(sql) ? sql.slice(1) : sql;
    const where = truth ? `(${driven})` : `NOT (${sql})`;
    for (const id of this.ids(`SELECT a.id FROM ${from} WHERE ${where}`, params) as number[])
      bits[id] = 1;
    return bits;
  }

  private ids(sql: string, params: unknown[]): (number | null)[] {
    return statements(this.db)
      .prepare<unknown[], number | null>(sql)
      .pluck()
      .all(...params);
  }
}

/**
 * What a term's SQL reads, as table-changes counts it: the assets' rows, each `a.` column,
 * and every word of it that names a table (table-changes passes over the words that do
 * not): a table however joined, even one a later term reads some new way, is never missed.
 * assets itself, under another alias, stands for all its columns.
 */
function tablesOf(sql: string): string[] {
  const known = tablesRead.get(sql);
  if (known) return known;
  if (tablesRead.size >= 1024) tablesRead.clear();
  const found = readBy(sql);
  tablesRead.set(sql, found);
  return found;
}

/** tablesOf's answers by SQL text: its word scan was most of a request's cost (~0.1 ms a term). */
const tablesRead = new Map<string, string[]>();

function readBy(sql: string): string[] {
  const found = new Set(['assets']);
  if (/\bc\./.test(sql)) found.add('catalogs');
  for (const m of sql.matchAll(/\ba\.(\w+)/g)) found.add(`assets.${m[1]!}`);
  for (const m of sql.matchAll(/(?<![.\w])([A-Za-z_]\w*)\b(?!\.)/g))
    found.add(m[1] === 'assets' ? 'assets.*' : m[1]!);
  return [...found].sort();
}

/** `+a.id IN (…)` and nothing else: the first parenthesis closes at the end. */
function isIdSet(sql: string): boolean {
  const open = '+a.id IN ('.length;
  if (!sql.startsWith('+a.id IN (') || !sql.endsWith(')')) return false;
  let depth = 1;
  for (let i = open; i < sql.length - 1; i++) {
    if (sql[i] === '(') depth++;
    else if (sql[i] === ')' && --depth === 0) return false;
  }
  return true;
}

/** The SELECT of `+a.id IN (SELECT …)` when it stands alone and reads nothing of a or c. */
function idSet(sql: string): string | undefined {
  if (!isIdSet(sql)) return undefined;
  const inner = sql.slice('+a.id IN ('.length, -1);
  return /^\s*SELECT\b/i.test(inner) && !/\b[ac]\./.test(inner) ? inner : undefined;
}

/** A term that reads what SQLite does not hold (the in-memory vectors of like: and ~"…"). */
function volatile(term: QueryTerm): boolean {
  if (term.op === 'sql') return /\bai_similar/.test(term.sql);
  if (term.op === 'not') return volatile(term.item);
  return term.items.some(volatile);
}
