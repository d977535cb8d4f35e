import type { Tag } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import type { Db } from '../db/open-database';
import { splitTagPath } from '../../../shared/tag-path';
import { statements } from '../db/statement-cache';
import { writeTransaction } from '../db/write-transaction';

interface TagRow {
  id: number;
  parent_id: number;
  name: string;
  path: string;
}

/** Hierarchical tags with stable ids, and which assets carry them. */
export class TagRepo {
  constructor(private readonly db: Db) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS tag_ids (id INTEGER PRIMARY KEY)');
  }

  list(): Tag[] {
    return statements(this.db)
      .prepare<[], TagRow & { n: number }>(
        `SELECT t.id, t.parent_id, t.name, t.path,
                (SELECT count(*) FROM asset_tags at WHERE at.tag_id = t.id) AS n
         FROM tags t ORDER BY t.path COLLATE NOCASE`,
      )
      .all()
      .map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, path: r.path, count: r.n }));
  }

  get(id: number): TagRow | undefined {
    return statements(this.db)
      .prepare<[number], TagRow>('SELECT id, parent_id, name, path FROM tags WHERE id = ?')
      .get(id);
  }

  require(id: number): TagRow {
    const tag = this.get(id);
    if (!tag) throw new PackshotError('not_found', `No tag with id ${id}`);
    return tag;
  }

  /** The id of the tag at this path, creating missing levels. */
  ensurePath(path: string): number {
    const levels = splitTagPath(path);
    if (levels.length === 0) throw new PackshotError('invalid_argument', 'A tag needs a name');
    // Looked up and created in one write: another process may create the same level meanwhile.
    return writeTransaction(this.db, () => {
      let parent = 0;
      let prefix = '';
      for (const name of levels) {
        prefix = prefix === '' ? name : `${prefix}|${name}`;
        const found = statements(this.db)
          .prepare<[number, string], { id: number }>(
            'SELECT id FROM tags WHERE parent_id = ? AND name = ? COLLATE NOCASE',
          )
          .get(parent, name);
        parent = found
          ? found.id
          : Number(
              statements(this.db)
                .prepare('INSERT INTO tags (parent_id, name, path) VALUES (?, ?, ?)')
                .run(parent, name, prefix).lastInsertRowid,
            );
      }
      return parent;
    });
  }

  /**
   * Every path of a keyword list, in one write transaction; how many tags it created and
   * how many there are, counted inside it (another process's new tags are not ours).
   */
  ensurePaths(paths: readonly string[]): { created: number; total: number } {
    const count = () =>
      statements(this.db).prepare<[], { n: number }>('SELECT count(*) AS n FROM tags').get()?.n ??
      0;
    return writeTransaction(this.db, () => {
      const before = count();
      for (const path of paths) this.ensurePath(path);
      const total = count();
      return { created: total - before, total };
    });
  }

  /**
   * Links assets to a tag; returns those that did not have it. Set-based: one INSERT …
   * SELECT over the ids, skipping unknown assets and existing links, whatever the count.
   */
  link(assetIds: readonly number[], tagId: number, source: 'user' | 'file' = 'user'): number[] {
    this.load(assetIds);
    return statements(this.db)
      .prepare<[number, string, number], { id: number }>(
        `INSERT INTO asset_tags (asset_id, tag_id, source)
         SELECT e.id, ?, ? FROM tag_ids e
         WHERE EXISTS (SELECT 1 FROM assets a WHERE a.id = e.id)
           AND NOT EXISTS (SELECT 1 FROM asset_tags at WHERE at.asset_id = e.id AND at.tag_id = ?)
         RETURNING asset_id AS id`,
      )
      .all(tagId, source, tagId)
      .map((r) => r.id);
  }

  /** Unlinks assets from a tag; returns those that had it. */
  unlink(assetIds: readonly number[], tagId: number): number[] {
    this.load(assetIds);
    return statements(this.db)
      .prepare<[number], { id: number }>(
        `DELETE FROM asset_tags WHERE tag_id = ? AND asset_id IN (SELECT id FROM tag_ids)
         RETURNING asset_id AS id`,
      )
      .all(tagId)
      .map((r) => r.id);
  }

  assetsWith(tagId: number): number[] {
    return statements(this.db)
      .prepare<[number], { id: number }>('SELECT asset_id AS id FROM asset_tags WHERE tag_id = ?')
      .all(tagId)
      .map((r) => r.id);
  }

  /** Assets tagged with this tag or any below it. */
  assetsUnder(tagId: number): number[] {
    return statements(this.db)
      .prepare<[number], { id: number }>(
        `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id)
         SELECT DISTINCT asset_id AS id FROM asset_tags WHERE tag_id IN (SELECT id FROM sub)`,
      )
      .all(tagId)
      .map((r) => r.id);
  }

  children(tagId: number): number[] {
    return statements(this.db)
      .prepare<[number], { id: number }>('SELECT id FROM tags WHERE parent_id = ?')
      .all(tagId)
      .map((r) => r.id);
  }

  /** Renames or re-parents a tag (checking for a sibling of the same name) and fixes paths below. */
  place(id: number, parentId: number, name: string): void {
    const clean = splitTagPath(name).join(' ');
    if (clean === '') throw new PackshotError('invalid_argument', 'A tag needs a name');
    if (parentId !== 0) {
      this.require(parentId);
      if (this.isWithin(parentId, id))
        throw new PackshotError('conflict', 'A tag cannot move under itself');
    }
    const clash = statements(this.db)
      .prepare<[number, string, number], { id: number }>(
        'SELECT id FROM tags WHERE parent_id = ? AND name = ? COLLATE NOCASE AND id != ?',
      )
      .get(parentId, clean, id);
    if (clash)
      throw new PackshotError(
        'conflict',
        `There is already a tag '${clean}' there: merge them instead`,
      );
    statements(this.db)
      .prepare('UPDATE tags SET parent_id = ?, name = ? WHERE id = ?')
      .run(parentId, clean, id);
    this.refreshPaths(id);
  }

  /** Re-creates a deleted tag with its old id (undo of a merge). */
  restore(row: TagRow): void {
    statements(this.db)
      .prepare('INSERT INTO tags (id, parent_id, name, path) VALUES (?, ?, ?, ?)')
      .run(row.id, row.parent_id, row.name, row.path);
  }

  delete(id: number): void {
    statements(this.db).prepare('DELETE FROM tags WHERE id = ?').run(id);
  }

  /** Replaces the tags that came from the file's own metadata; the user's stay. */
  setFileTags(assetId: number, paths: readonly string[]): void {
    statements(this.db)
      .prepare(`DELETE FROM asset_tags WHERE asset_id = ? AND source = 'file'`)
      .run(assetId);
    for (const path of paths) {
      const tagId = this.ensurePath(path);
      statements(this.db)
        .prepare(
          `INSERT OR IGNORE INTO asset_tags (asset_id, tag_id, source) VALUES (?, ?, 'file')`,
        )
        .run(assetId, tagId);
    }
  }

  private isWithin(candidate: number, ancestor: number): boolean {
    let at: number | undefined = candidate;
    for (let guard = 0; at !== undefined && at !== 0 && guard < 1000; guard++) {
      if (at === ancestor) return true;
      at = this.get(at)?.parent_id;
    }
    return false;
  }

  private refreshPaths(id: number): void {
    const tag = this.require(id);
    const parent = tag.parent_id === 0 ? undefined : this.get(tag.parent_id);
    const path = parent ? `${parent.path}|${tag.name}` : tag.name;
    statements(this.db).prepare('UPDATE tags SET path = ? WHERE id = ?').run(path, id);
    for (const child of this.children(id)) this.refreshPaths(child);
  }

  /** The ids into a temp table in one statement (10,000 single-row INSERTs cost more). */
  private load(ids: readonly number[]): void {
    statements(this.db).prepare('DELETE FROM tag_ids').run();
    statements(this.db)
      .prepare('INSERT OR IGNORE INTO tag_ids (id) SELECT value FROM json_each(?)')
      .run(JSON.stringify(ids));
  }
}

export type { TagRow };
