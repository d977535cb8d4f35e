// One asset's AI results as the preview, `analyses.get` and `assets --json` show them, and
// the suggestions accept and reject act on.
import type {
  AiFace,
  AiLinkSuggestion,
  AiObject,
  AiRunInfo,
  AiSuggestion,
  AiTask,
  AiText,
  AssetAi,
  SuggestionState,
} from '../../../shared/ai-dto';
import { countPeople } from '../analysis/people-count';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

/** A pending or decided suggestion of one asset. */
export interface SuggestionRow {
  asset_id: number;
  tag_path: string;
  confidence: number;
  state: SuggestionState;
}

/**
 * Everything found in one asset, or null when there is no such asset. Suggestions are
 * those at or above the threshold (the preference: what is shown), in any state, so the
 * preview can show what was accepted or rejected beside what waits; below it they are
 * kept (a lower threshold shows them) but not shown.
 */
export function readAssetAi(
  db: Db,
  assetId: number,
  threshold: number,
  currentModel: (task: AiTask) => string | null,
): AssetAi | null {
  const s = statements(db);
  const asset = s
    .prepare<[number], { hash: string | null }>('SELECT hash FROM assets WHERE id = ?')
    .get(assetId);
  if (!asset) return null;
  const objects = s
    .prepare<[number], AiObject>(
      `SELECT label, confidence, x, y, w, h FROM ai_objects WHERE asset_id = ?
         ORDER BY confidence DESC`,
    )
    .all(assetId);
  const faces = s
    .prepare<[number], AiFace>(
      `SELECT f.id, f.confidence, f.x, f.y, f.w, f.h, f.group_id AS groupId, g.name AS groupName
         FROM ai_faces f LEFT JOIN face_groups g ON g.id = f.group_id
        WHERE f.asset_id = ? ORDER BY f.x`,
    )
    .all(assetId);
  const textRow = s
    .prepare<[number], { text: string; words: string }>(
      'SELECT text, words FROM ai_text WHERE asset_id = ?',
    )
    .get(assetId);
  const text: AiText | null = textRow
    ? { text: textRow.text, words: JSON.parse(textRow.words) as AiText['words'] }
    : null;
  const suggestions = s
    .prepare<[number, number], AiSuggestion>(
      `SELECT tag_path AS tagPath, source, confidence, state FROM ai_suggestions
        WHERE asset_id = ? AND confidence >= ? ORDER BY confidence DESC`,
    )
    .all(assetId, threshold);
  const links = s
    .prepare<[number], AiLinkSuggestion>(
      `SELECT l.product_id AS productId, p.sku, p.name AS productName, l.matched, l.state
         FROM ai_link_suggestions l JOIN products p ON p.id = l.product_id
        WHERE l.asset_id = ? ORDER BY p.sku`,
    )
    .all(assetId);
  const hasEmbedding =
    s
      .prepare<[number], { one: number }>('SELECT 1 AS one FROM ai_embeddings WHERE asset_id = ?')
      .get(assetId) !== undefined;
  const runs: AiRunInfo[] = s
    .prepare<
      [number],
      { task: AiTask; content_hash: string; model: string; ran_at: number; error: string | null }
    >(
      'SELECT task, content_hash, model, ran_at, error FROM ai_runs WHERE asset_id = ? ORDER BY task',
    )
    .all(assetId)
    .map((r) => {
      const model = currentModel(r.task);
      return {
        task: r.task,
        model: r.model,
        ranAt: r.ran_at,
        error: r.error,
        current: r.content_hash === asset.hash && (model === null || model === r.model),
      };
    });
  return {
    assetId,
    objects,
    faces,
    people: countPeople(objects, faces),
    text,
    suggestions,
    links,
    hasEmbedding,
    runs,
  };
}

/**
 * Suggestions of these assets that accept or reject may act on: pending at or above the
 * threshold, of the tag paths named (all when null).
 */
export function pendingSuggestions(
  db: Db,
  assetIds: readonly number[],
  threshold: number,
  tagPaths: readonly string[] | null,
): SuggestionRow[] {
  const wanted = tagPaths ? new Set(tagPaths.map((p) => p.toLowerCase())) : null;
  const query = statements(db).prepare<[number, number], SuggestionRow>(
    `SELECT asset_id, tag_path, confidence, state FROM ai_suggestions
      WHERE asset_id = ? AND state = 'pending' AND confidence >= ?`,
  );
  const rows: SuggestionRow[] = [];
  for (const id of assetIds)
    for (const row of query.all(id, threshold))
      if (!wanted || wanted.has(row.tag_path.toLowerCase())) rows.push(row);
  return rows;
}

/** Marks suggestions decided (or pending again, for undo). */
export function setSuggestionState(
  db: Db,
  rows: readonly { asset_id: number; tag_path: string }[],
  state: SuggestionState,
): void {
  const update = statements(db).prepare(
    'UPDATE ai_suggestions SET state = ?, decided_at = ? WHERE asset_id = ? AND tag_path = ?',
  );
  const at = state === 'pending' ? null : Date.now();
  for (const r of rows) update.run(state, at, r.asset_id, r.tag_path);
}
