// The search language's people terms, compiled over `assets a`:
//   people:yes|no       someone in the frame: a face, an object-detector `person` at
//                       PERSON_CONFIDENCE or more, or a `People` tag (the rights check's rule)
//   release:missing     someone in the frame and no model or minor release valid today
//   release:ok          someone in the frame, covered by a release valid today
//   face:<name or id>   a face in the "same person" group whose name holds the words, or (a
//                       number) of that id or named just that number
// Each term is a set built once per query (`a.id IN (SELECT …)`, uncorrelated, so SQLite
// materialises it) rather than a probe per row into each asset's faces, objects and tags.
// Measured at 100,000 assets (10,000 faces, 14,000 person boxes, 2,000 People tags), the
// first page with its count: people:yes 110 ms as a set, 286 ms as probes; people:no 110
// against 483 ms. Pages after the first (count kept) are 25–75 ms either way. Counting
// only findings of the current content (a run probe per face or box) costs the set 13 → 35 ms
// with 24,000 of them (in-memory count, 100,000 assets).
import { PERSON_CONFIDENCE } from '../../../shared/ai-dto';
import { today } from '../rights/licence-dates';
import { AGAIN } from './ai-results-repo';

export const PEOPLE_FIELDS = ['people', 'release', 'face'] as const;

const PEOPLE_TAG = "(t.path = 'People' COLLATE NOCASE OR t.path LIKE 'People|%')";

/**
 * The models' findings count only for the content they were read from (the task's run names
 * the asset's hash, or the same hash marked to run again): a file replaced by a picture with
 * nobody in it is not blocked by the faces of the one before.
 */
const currentRun = (task: 'faces' | 'objects', assetId: string, hash: string): string =>
  `EXISTS (SELECT 1 FROM ai_runs r WHERE r.asset_id = ${assetId} AND r.task = '${task}'
     AND r.content_hash IN (${hash}, '${AGAIN}' || ${hash}))`;

/** Someone in the frame of asset `a`, probed for one asset (the rights check's facts). */
export const PERSON_IN_FRAME_SQL = `(
  EXISTS (SELECT 1 FROM asset_tags x JOIN tags t ON t.id = x.tag_id
          WHERE x.asset_id = a.id AND ${PEOPLE_TAG})
  OR (EXISTS (SELECT 1 FROM ai_faces f WHERE f.asset_id = a.id)
      AND ${currentRun('faces', 'a.id', 'a.hash')})
  OR (EXISTS (SELECT 1 FROM ai_objects o WHERE o.asset_id = a.id
              AND o.label = 'person' AND o.confidence >= ${PERSON_CONFIDENCE})
      AND ${currentRun('objects', 'a.id', 'a.hash')}))`;

/** The same rule as a set, for a search over the whole library. */
const PEOPLE_SET = `(
  a.id IN (SELECT x.asset_id FROM tags t JOIN asset_tags x ON x.tag_id = t.id WHERE ${PEOPLE_TAG})
  OR a.id IN (SELECT f.asset_id FROM ai_faces f JOIN assets b ON b.id = f.asset_id
              WHERE ${currentRun('faces', 'f.asset_id', 'b.hash')})
  OR a.id IN (SELECT o.asset_id FROM ai_objects o JOIN assets b ON b.id = o.asset_id
              WHERE o.label = 'person' AND o.confidence >= ${PERSON_CONFIDENCE}
                AND ${currentRun('objects', 'o.asset_id', 'b.hash')}))`;

/** Assets holding a model or minor release valid on `day` (as the rights check reads one). */
function releasedSet(day: string, params: unknown[]): string {
  params.push(day, day);
  return `a.id IN (SELECT x.asset_id FROM releases r JOIN asset_releases x ON x.release_id = r.id
    WHERE r.kind IN ('model', 'minor') AND r.signed_on <= ?
      AND (r.expires_on IS NULL OR r.expires_on >= ?))`;
}

/** SQL for one of these terms, or undefined when `name` is not one; `fail` throws the query error. */
export function peopleTerm(
  name: string,
  raw: string,
  quoted: boolean,
  params: unknown[],
  fail: (message: string) => never,
): string | undefined {
  void quoted;
  const value = raw.trim().toLowerCase();
  switch (name) {
    case 'people':
      if (value === 'yes') return PEOPLE_SET;
      if (value === 'no') return `NOT ${PEOPLE_SET}`;
      return fail('people: is yes or no');
    case 'release':
      if (value === 'missing') return `(${PEOPLE_SET} AND NOT ${releasedSet(today(), params)})`;
      if (value === 'ok') return `(${PEOPLE_SET} AND ${releasedSet(today(), params)})`;
      return fail('release: is missing or ok');
    case 'face': {
      if (value === '') return fail('face: wants a face group’s name or id');
      // A number is a group's id (the People view's click) or a name that is just that
      // number: `face:2` must not also find "Room 12".
      const id = /^\d+$/.test(value) ? Number(value) : -1;
      const words = id === -1 ? `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : value;
      params.push(id, words);
      return `a.id IN (SELECT f.asset_id FROM face_groups g JOIN ai_faces f ON f.group_id = g.id
        WHERE g.id = ? OR lower(g.name) LIKE ? ESCAPE '\\')`;
    }
    default:
      return undefined;
  }
}
