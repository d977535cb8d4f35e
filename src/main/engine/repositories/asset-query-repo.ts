import type { RightsClaims } from '../../../shared/rights-dto';
import type { Asset, AssetDetail } from '../../../shared/dto';
import type { Db } from '../db/open-database';
import { MediaFactsRepo } from './media-facts-repo';
import { listChanges } from '../db/bookkeeping-writes';
import { statements } from '../db/statement-cache';
import { today } from '../rights/licence-dates';
import { buildAssetQuery, HIDDEN_COUNT, type AssetQuery } from './asset-query';
import { ASSET_SELECT, parseMetadata, toAsset, type AssetRow } from './asset-row';
import { rightsBadges } from './rights-badges';
import { spinBadges, withSpinFrames } from './spin-badges';
import type { VersionRepo } from './version-repo';
import { ListIndex, type Selection } from './list-index';
import { rowMaker } from './asset-query-rows';

/** Reading assets as lists and pages show them: the search, the grid, the loupe's facts. */
export class AssetQueryRepo {
  private lastCount: { key: string; n: number } | undefined;
  private readonly index: ListIndex | undefined;

  /** `listIndex` false answers every list in SQL alone (the index's tests compare the two). */
  constructor(
    private readonly db: Db,
    private readonly versions: VersionRepo,
    listIndex = true,
    /** Long-lived (serve, the app): the list index readies itself in idle time. */
    longLived = false,
  ) {
    const state = () => `${this.dataVersion()}:${today()}`;
    this.index = listIndex ? new ListIndex(db, state, longLived) : undefined;
  }

  /**
   * The list index's answer, when it can give one (not for a ranking or a collection's
   * order); a page asks it first (a count alone never has it read what SQL would count).
   */
  private selection(query: AssetQuery, page: boolean): Selection | undefined {
    if (!this.index || query.search?.rank || query.collectionOrder) return undefined;
    return this.index.select(buildAssetQuery(query).terms, query.sort, page);
  }

  /**
   * How many assets a list query finds. The last answer is kept while the database is as it
   * was: the grid asks page after page of one list, and each count is a scan of 100,000 rows.
   */
  count(query: AssetQuery): number {
    const selected = this.selection(query, false);
    if (selected) return selected.count;
    const { where, params, readsCatalog, wholeLibrary } = buildAssetQuery(query);
    // Not inside a transaction: a rollback takes its rows back but not total_changes, so a
    // count of them would be kept under the state that follows.
    const key = this.db.inTransaction
      ? undefined
      : JSON.stringify([where, params, this.databaseState()]);
    if (key !== undefined && this.lastCount?.key === key) return this.lastCount.n;
    // Every asset has its catalog (ON DELETE CASCADE): the join only matters when the WHERE
    // reads it. Without it SQLite counts from the narrowest index, or the table's own count.
    const from = readsCatalog ? 'assets a JOIN catalogs c ON c.id = a.catalog_id' : 'assets a';
    const countOf = (sql: string, args: unknown[] = params): number =>
      statements(this.db)
        .prepare<unknown[], { n: number }>(sql)
        .get(...args)?.n ?? 0;
    const n = wholeLibrary
      ? countOf('SELECT count(*) AS n FROM assets') - countOf(HIDDEN_COUNT, [])
      : countOf(`SELECT count(*) AS n FROM ${from} WHERE ${where}`);
    if (key !== undefined) this.lastCount = { key, n };
    return n;
  }

  /**
   * Changes when anything could change a count: a commit by another connection
   * (data_version), a row changed through this one (total_changes, less the job
   * heartbeat's: bookkeeping-writes), or the day (rights terms compare dates with the day).
   */
  private databaseState(): string {
    return `${this.dataVersion()}:${listChanges(this.db)}:${today()}`;
  }

  /** Changes with every commit by another connection. */
  private dataVersion(): number {
    return (
      statements(this.db)
        .prepare<[], { n: number }>('SELECT data_version AS n FROM pragma_data_version')
        .get()?.n ?? 0
    );
  }

  /** One page; `withKeywords` false leaves them out (the grid shows none). */
  page(query: AssetQuery, offset: number, limit: number, withKeywords = true): Asset[] {
    const selected = this.selection(query, true);
    const rows = selected
      ? this.rowsOf(selected.page(offset, limit))
      : this.pageRows(query, offset, limit);
    const ids = rows.map((r) => r.id);
    const badges = rightsBadges(this.db, ids);
    const played = this.durations(rows);
    const spins = spinBadges(this.db, ids);
    // Onto the new object: a spread copied each row's 30 fields twice more.
    const extra = (asset: Asset, id: number) =>
      Object.assign(asset, badges.get(id), played.get(id), spins.get(id));
    if (!withKeywords) return rows.map((r) => extra(toAsset(r), r.id));
    const keywords = this.keywords(ids);
    return rows.map((r) => extra(toAsset(r, keywords.get(r.id) ?? []), r.id));
  }

  private pageRows(query: AssetQuery, offset: number, limit: number): AssetRow[] {
    const { where, order, params, orderParams } = buildAssetQuery(query);
    return statements(this.db)
      .prepare<unknown[], AssetRow>(
        `${ASSET_SELECT} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...params, ...orderParams, limit, offset);
  }

  /**
   * The rows of these ids, in this order: a page the list index chose. Read as arrays and
   * made objects here: better-sqlite3 building 500 objects of 33 columns cost twice as much.
   */
  private rowsOf(ids: readonly number[]): AssetRow[] {
    if (ids.length === 0) return [];
    const statement = statements(this.db).prepare<[string], unknown[]>(
      `${ASSET_SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`,
    );
    const rowOf = rowMaker(statement.columns().map((c) => c.name));
    const byId = new Map<number, AssetRow>();
    for (const values of statement.raw(true).all(JSON.stringify(ids))) {
      const row = rowOf(values);
      byId.set(row.id, row);
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** A page's videos' play times, for their badge; a page without video reads nothing. */
  private durations(rows: readonly AssetRow[]): Map<number, { durationMs: number }> {
    const videos = rows.filter((r) => r.kind === 'video').map((r) => r.id);
    const found = new Map<number, { durationMs: number }>();
    if (videos.length === 0) return found;
    for (const [id, ms] of new MediaFactsRepo(this.db).durations(videos))
      found.set(id, { durationMs: ms });
    return found;
  }

  /** Every id a query finds, in list order (bulk edits by query). */
  ids(query: AssetQuery): number[] {
    const { where, order, params, orderParams } = buildAssetQuery(query);
    return statements(this.db)
      .prepare<unknown[], { id: number }>(
        `SELECT a.id FROM assets a JOIN catalogs c ON c.id = a.catalog_id WHERE ${where} ORDER BY ${order}`,
      )
      .all(...params, ...orderParams)
      .map((r) => r.id);
  }

  get(id: number): Asset | undefined {
    const row = statements(this.db)
      .prepare<[number], AssetRow>(`${ASSET_SELECT} WHERE a.id = ?`)
      .get(id);
    if (!row) return undefined;
    return {
      ...toAsset(row, this.keywords([id]).get(id) ?? []),
      ...rightsBadges(this.db, [id]).get(id),
      ...spinBadges(this.db, [id]).get(id),
    };
  }

  /**
   * Each asset's keywords: its tag paths, from its links. Read for the rows a page returns
   * (not a column of the page query, which a sort would compute for every match): ~10 ms
   * for 500 rows of ~19 tags. Sorting in SQL beat sorting each list in JS, measured.
   */
  private keywords(ids: readonly number[]): Map<number, string[]> {
    const byAsset = new Map<number, string[]>();
    if (ids.length === 0) return byAsset;
    const rows = statements(this.db)
      .prepare<[string], { asset_id: number; path: string }>(
        `SELECT at.asset_id, t.path FROM json_each(?) j
         JOIN asset_tags at ON at.asset_id = j.value JOIN tags t ON t.id = at.tag_id
         ORDER BY at.asset_id, t.path COLLATE NOCASE`,
      )
      .all(JSON.stringify(ids));
    for (const r of rows) {
      const list = byAsset.get(r.asset_id);
      if (list) list.push(r.path);
      else byAsset.set(r.asset_id, [r.path]);
    }
    return byAsset;
  }

  detail(id: number): AssetDetail | undefined {
    const asset = this.get(id);
    if (!asset) return undefined;
    const keywords = asset.keywords ?? [];
    const meta = statements(this.db)
      .prepare<[number], { metadata: string | null; claims: string | null }>(
        'SELECT metadata, rights_claims AS claims FROM assets WHERE id = ?',
      )
      .get(id);
    return {
      ...asset,
      keywords,
      metadata: parseMetadata(meta?.metadata ?? null),
      rightsClaims: meta?.claims ? (JSON.parse(meta.claims) as RightsClaims) : null,
      history: this.versions.history(id),
      facts: withSpinFrames(new MediaFactsRepo(this.db).get(id), asset.spin),
    };
  }

  /**
   * The media facts of a page's rows (`assets.list` facts: true), read for those rows after
   * the page query: a join would read media_facts for every match before the sort.
   */
  withFacts(items: Asset[]): Asset[] {
    const facts = new MediaFactsRepo(this.db).getMany(items.map((a) => a.id));
    return items.map((a) => ({ ...a, facts: facts.get(a.id) ?? null }));
  }

  /** True when some registered asset has this content hash: media may be served for it. */
  hasHash(hash: string): boolean {
    return (
      statements(this.db)
        .prepare<[string], { one: number }>('SELECT 1 AS one FROM assets WHERE hash = ? LIMIT 1')
        .get(hash) !== undefined
    );
  }

  totals(): { assets: number; errors: number } {
    const row = statements(this.db)
      .prepare<[], { assets: number; errors: number }>(
        `SELECT count(*) FILTER (WHERE state != 'missing') AS assets,
                count(*) FILTER (WHERE state = 'error') AS errors FROM assets`,
      )
      .get();
    return { assets: row?.assets ?? 0, errors: row?.errors ?? 0 };
  }

  /** Asset counts per folder (direct children only), for building the folder tree. */
  folderCounts(catalogId?: number): { catalogId: number; folder: string; count: number }[] {
    const where = catalogId === undefined ? '' : 'AND catalog_id = ?';
    return statements(this.db)
      .prepare<unknown[], { catalog_id: number; folder: string; n: number }>(
        `SELECT catalog_id, folder, count(*) AS n FROM assets WHERE state != 'missing' ${where}
         GROUP BY catalog_id, folder`,
      )
      .all(...(catalogId === undefined ? [] : [catalogId]))
      .map((r) => ({ catalogId: r.catalog_id, folder: r.folder, count: r.n }));
  }
}
