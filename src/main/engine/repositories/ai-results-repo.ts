// What the offline models found, written per asset and task for one content (migration 25,
// db/ai-schema.ts), and which assets are still due. A task is due for an asset when it has
// no ai_runs row, or the row names another content hash or model. Writes run inside the
// caller's writeTransaction (ai/write-results.ts); suggestion decisions survive a re-run.
import { AI_TAG_ROOT, type AiTask } from '../../../shared/ai-dto';
import { countPeople } from '../analysis/people-count';
import type { Db } from '../db/open-database';
import { countedApart } from '../db/bookkeeping-writes';
import { statements } from '../db/statement-cache';

/** A task with the model that would run it now (null: any model counts as current). */
export interface TaskModel {
  task: AiTask;
  model: string | null;
}

export interface FoundObject {
  label: string;
  confidence: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FoundFace {
  confidence: number;
  x: number;
  y: number;
  w: number;
  h: number;
  descriptor: Float32Array;
}

export interface FoundText {
  text: string;
  words: unknown[];
}

/** The asset's content as the AI job sees it: what to analyse and whether it is current. */
export interface AiSubject {
  id: number;
  hash: string;
  kind: string;
  state: string;
}

/** Kinds with pixels to analyse: the file itself, or its preview, poster, page or render. */
const KINDS = "('image', 'raw', 'vector', 'video', 'document', 'model')";
/** Indexed, or failed to index but with a hash (the AI then records why it failed too). */
const STATES = "('ok', 'error')";

/** Marks a run asked to be done again (see invalidate). */
export const AGAIN = 'again:';

/** 'wine glass' → AI|Object|Wine Glass. */
export function objectTagPath(label: string): string {
  const words = label.split(/\s+/).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `${AI_TAG_ROOT}|Object|${words.join(' ')}`;
}

/** The lower-case label back from an object's tag path, or null for another tag. */
export function labelOfTagPath(path: string): string | null {
  const prefix = `${AI_TAG_ROOT}|Object|`;
  return path.startsWith(prefix) ? path.slice(prefix.length).toLowerCase() : null;
}

const overlap = (a: FoundFace | FaceRow, b: FoundFace | FaceRow): number => {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.w * a.h + b.w * b.h - inter);
};

interface FaceRow {
  x: number;
  y: number;
  w: number;
  h: number;
  group_id: number | null;
  pinned: number;
}

/**
 * The file's bytes changed but not its pixels (Packshot wrote XMP into it): the AI's runs
 * for the content it had follow it to the new hash, so its faces, groups and pins stay and
 * nothing is analysed again. Runs inside the caller's transaction.
 */
export function followAiContent(db: Db, id: number, before: string, after: string): void {
  statements(db)
    .prepare(
      `UPDATE ai_runs SET content_hash = CASE WHEN content_hash = ? THEN ? ELSE '${AGAIN}' || ? END
        WHERE asset_id = ? AND content_hash IN (?, '${AGAIN}' || ?)`,
    )
    .run(before, after, after, id, before, before);
}

export class AiResultsRepo {
  constructor(private readonly db: Db) {}

  /** Ids (ascending) of the assets with any of `tasks` due, among `among` (all when null). */
  dueIds(tasks: readonly TaskModel[], among: readonly number[] | null): number[] {
    if (tasks.length === 0) return [];
    const params: unknown[] = [];
    const due = tasks.map((t) => {
      params.push(t.task, t.model, t.model);
      return `NOT EXISTS (SELECT 1 FROM ai_runs r WHERE r.asset_id = a.id AND r.task = ?
                AND r.content_hash = a.hash AND (? IS NULL OR r.model = ?))`;
    });
    const ids = statements(this.db)
      .prepare<unknown[], { id: number }>(
        `SELECT a.id FROM assets a WHERE a.hash IS NOT NULL AND a.state IN ${STATES}
           AND a.kind IN ${KINDS} AND (${due.join(' OR ')}) ORDER BY a.id`,
      )
      .all(...params)
      .map((r) => r.id);
    if (among === null) return ids;
    const wanted = new Set(among);
    return ids.filter((id) => wanted.has(id));
  }

  /** The asset as it is now, when it can be analysed. */
  subject(id: number): AiSubject | undefined {
    return statements(this.db)
      .prepare<[number], AiSubject>(
        `SELECT id, hash, kind, state FROM assets a WHERE id = ? AND hash IS NOT NULL
           AND state IN ${STATES} AND kind IN ${KINDS}`,
      )
      .get(id);
  }

  /** Which of `tasks` are due for this asset's content `hash`. */
  dueTasks(id: number, hash: string, tasks: readonly TaskModel[]): TaskModel[] {
    const runs = this.runsOf(id);
    return tasks.filter((t) => {
      const run = runs.find((r) => r.task === t.task);
      return !run || run.content_hash !== hash || (t.model !== null && run.model !== t.model);
    });
  }

  runsOf(
    id: number,
  ): { task: AiTask; content_hash: string; model: string; ran_at: number; error: string | null }[] {
    return statements(this.db)
      .prepare<
        [number],
        { task: AiTask; content_hash: string; model: string; ran_at: number; error: string | null }
      >(
        'SELECT task, content_hash, model, ran_at, error FROM ai_runs WHERE asset_id = ? ORDER BY task',
      )
      .all(id);
  }

  /**
   * `again`: the runs of these assets and tasks no longer count as current (their results
   * stay until redone). The hash keeps a mark (AGAIN) so the re-run still knows it is the
   * same content, and faces keep their groups.
   */
  invalidate(ids: readonly number[] | null, tasks: readonly AiTask[]): void {
    const stale = statements(this.db).prepare(
      `UPDATE ai_runs SET content_hash = '${AGAIN}' || content_hash
        WHERE task = ? AND (? IS NULL OR asset_id = ?) AND content_hash NOT LIKE '${AGAIN}%'`,
    );
    for (const task of tasks) {
      if (ids === null) stale.run(task, null, null);
      else for (const id of ids) stale.run(task, id, id);
    }
  }

  writeRun(id: number, task: AiTask, hash: string, model: string, error: string | null): void {
    statements(this.db)
      .prepare(
        `INSERT INTO ai_runs (asset_id, task, content_hash, model, ran_at, error) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (asset_id, task) DO UPDATE SET content_hash = excluded.content_hash,
           model = excluded.model, ran_at = excluded.ran_at, error = excluded.error`,
      )
      .run(id, task, hash, model, Date.now(), error);
  }

  /** The objects found, and each label's best confidence as a suggested tag. */
  replaceObjects(id: number, objects: readonly FoundObject[]): void {
    const s = statements(this.db);
    s.prepare('DELETE FROM ai_objects WHERE asset_id = ?').run(id);
    const insert = s.prepare(
      'INSERT INTO ai_objects (asset_id, label, confidence, x, y, w, h) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const best = new Map<string, number>();
    for (const o of objects) {
      insert.run(id, o.label, o.confidence, o.x, o.y, o.w, o.h);
      best.set(o.label, Math.max(best.get(o.label) ?? 0, o.confidence));
    }
    this.syncSuggestions(id, 'objects', new Map([...best].map(([l, c]) => [objectTagPath(l), c])));
  }

  /**
   * Suggestions of one source become `found`: new ones pending, known ones with the new
   * confidence and their decision kept; pending ones no longer found go.
   */
  private syncSuggestions(id: number, source: string, found: Map<string, number>): void {
    const s = statements(this.db);
    const upsert = s.prepare(
      `INSERT INTO ai_suggestions (asset_id, tag_path, source, confidence) VALUES (?, ?, ?, ?)
       ON CONFLICT (asset_id, tag_path) DO UPDATE SET confidence = excluded.confidence`,
    );
    for (const [path, confidence] of found) upsert.run(id, path, source, confidence);
    const gone = s.prepare<[number, string], { tag_path: string }>(
      `SELECT tag_path FROM ai_suggestions WHERE asset_id = ? AND source = ? AND state = 'pending'`,
    );
    const drop = s.prepare('DELETE FROM ai_suggestions WHERE asset_id = ? AND tag_path = ?');
    for (const row of gone.all(id, source))
      if (!found.has(row.tag_path)) drop.run(id, row.tag_path);
  }

  /**
   * The faces found. For the same content run again, a face where one was (boxes that
   * mostly overlap) keeps its group and pin: the user's naming and splitting survive.
   */
  replaceFaces(id: number, faces: readonly FoundFace[], sameContent: boolean): void {
    const s = statements(this.db);
    const before = sameContent
      ? s
          .prepare<[number], FaceRow>(
            'SELECT x, y, w, h, group_id, pinned FROM ai_faces WHERE asset_id = ?',
          )
          .all(id)
      : [];
    s.prepare('DELETE FROM ai_faces WHERE asset_id = ?').run(id);
    const insert = s.prepare(
      `INSERT INTO ai_faces (asset_id, confidence, x, y, w, h, descriptor, group_id, pinned)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const f of faces) {
      const was = before.find((b) => overlap(b, f) >= 0.5);
      const blob = Buffer.from(
        f.descriptor.buffer,
        f.descriptor.byteOffset,
        f.descriptor.byteLength,
      );
      insert.run(
        id,
        f.confidence,
        f.x,
        f.y,
        f.w,
        f.h,
        blob,
        was?.group_id ?? null,
        was?.pinned ?? 0,
      );
    }
  }

  replaceText(id: number, text: FoundText | null): void {
    const s = statements(this.db);
    if (text === null) s.prepare('DELETE FROM ai_text WHERE asset_id = ?').run(id);
    else
      s.prepare(
        `INSERT INTO ai_text (asset_id, text, words) VALUES (?, ?, ?)
         ON CONFLICT (asset_id) DO UPDATE SET text = excluded.text, words = excluded.words`,
      ).run(id, text.text, JSON.stringify(text.words));
  }

  replaceEmbedding(id: number, model: string, vector: Float32Array | null): void {
    const s = statements(this.db);
    if (vector === null) s.prepare('DELETE FROM ai_embeddings WHERE asset_id = ?').run(id);
    else
      s.prepare(
        `INSERT INTO ai_embeddings (asset_id, model, vector) VALUES (?, ?, ?)
         ON CONFLICT (asset_id) DO UPDATE SET model = excluded.model, vector = excluded.vector`,
      ).run(id, model, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
  }

  /**
   * The asset's ai_words row (free words, `text:`): the labels of its non-rejected
   * suggestions at or above the threshold (accepted ones always), "person people" when
   * someone is in the frame, and the text OCR read.
   */
  writeWords(id: number, threshold: number): void {
    const s = statements(this.db);
    const labels = s
      .prepare<[number, number], { tag_path: string }>(
        `SELECT tag_path FROM ai_suggestions WHERE asset_id = ?
           AND (state = 'accepted' OR (state = 'pending' AND confidence >= ?))`,
      )
      .all(id, threshold)
      .map((r) => labelOfTagPath(r.tag_path))
      .filter((l): l is string => l !== null);
    if (this.people(id) > 0) labels.push('person people');
    const text =
      s.prepare<[number], { text: string }>('SELECT text FROM ai_text WHERE asset_id = ?').get(id)
        ?.text ?? '';
    countedApart(this.db, 'ai_words', () => {
      s.prepare('DELETE FROM ai_words WHERE rowid = ?').run(id);
      s.prepare('INSERT INTO ai_words (rowid, labels, text) VALUES (?, ?, ?)').run(
        id,
        [...new Set(labels)].join(' '),
        text,
      );
    });
  }

  /**
   * The threshold moved from `before` to `after`: the labels of the assets whose shown
   * suggestions change (a pending one between the two) are written again; how many. Only
   * those: rewriting every analysed asset's row took the write lock for tens of seconds at
   * 100,000 assets.
   */
  rewriteWordsBetween(before: number, after: number): number {
    const ids = statements(this.db)
      .prepare<[number, number], { id: number }>(
        `SELECT DISTINCT asset_id AS id FROM ai_suggestions
          WHERE state = 'pending' AND confidence >= ? AND confidence < ?`,
      )
      .all(Math.min(before, after), Math.max(before, after));
    for (const { id } of ids) this.writeWords(id, after);
    return ids.length;
  }

  /** Faces plus bodies with no face (analysis/people-count.ts). */
  people(id: number): number {
    const s = statements(this.db);
    const objects = s
      .prepare<[number], FoundObject>(
        `SELECT label, confidence, x, y, w, h FROM ai_objects WHERE asset_id = ? AND label = 'person'`,
      )
      .all(id);
    const faces = s
      .prepare<[number], Omit<FoundObject, 'label' | 'confidence'>>(
        'SELECT x, y, w, h FROM ai_faces WHERE asset_id = ?',
      )
      .all(id);
    return countPeople(objects, faces);
  }

  /** The content hash the asset has now (null: gone, or not hashed). */
  hashOf(id: number): string | null {
    return (
      statements(this.db)
        .prepare<[number], { hash: string | null }>('SELECT hash FROM assets WHERE id = ?')
        .get(id)?.hash ?? null
    );
  }

  /** Those of `ids` with a run of some task (one query for a page of assets). */
  analysedAmong(ids: readonly number[]): number[] {
    return statements(this.db)
      .prepare<[string], { id: number }>(
        `SELECT DISTINCT asset_id AS id FROM ai_runs
          WHERE asset_id IN (SELECT value FROM json_each(?)) ORDER BY asset_id`,
      )
      .all(JSON.stringify(ids))
      .map((r) => r.id);
  }

  /** Assets with a run of some task for their current content. */
  analysedCount(): number {
    return (
      statements(this.db)
        .prepare<[], { n: number }>(
          `SELECT count(*) AS n FROM assets a WHERE EXISTS
             (SELECT 1 FROM ai_runs r WHERE r.asset_id = a.id AND r.content_hash = a.hash)`,
        )
        .get()?.n ?? 0
    );
  }
}
