// The search language's `ai:` terms, compiled over `assets a`. What the models found counts
// at or above the threshold preference (read from the settings table in the query, so a
// changed threshold needs no recompile), and a rejected suggestion never matches:
// - ai:cup, ai:"wine glass": a suggested object of that label (pending ≥ threshold, or accepted);
// - ai:none: analysed for its current content, and nothing found (no such object, no face, no text);
// - ai:pending: has suggestions waiting for a decision (≥ threshold): what to review;
// - ai:analysed: has a run for its current content; ai:error: a run failed on it.
import { DEFAULT_AI_THRESHOLD } from '../../../shared/ai-dto';
import { objectTagPath } from './ai-results-repo';

export const AI_FIELDS = ['ai'] as const;

const THRESHOLD = `coalesce((SELECT CAST(value AS REAL) FROM settings WHERE key = 'ai.threshold'), ${DEFAULT_AI_THRESHOLD})`;
const SHOWN = `(s.state = 'accepted' OR (s.state = 'pending' AND s.confidence >= ${THRESHOLD}))`;
const CURRENT_RUN = `EXISTS (SELECT 1 FROM ai_runs r WHERE r.asset_id = a.id AND r.content_hash = a.hash`;

/** SQL for one of these terms, or undefined when `name` is not one; `fail` throws the query error. */
export function aiTerm(
  name: string,
  raw: string,
  quoted: boolean,
  params: unknown[],
  fail: (message: string) => never,
): string | undefined {
  if (!(AI_FIELDS as readonly string[]).includes(name)) return undefined;
  const value = raw.trim().toLowerCase();
  if (!quoted)
    switch (value) {
      case 'none':
        return `(${CURRENT_RUN} AND r.error IS NULL)
          AND NOT EXISTS (SELECT 1 FROM ai_suggestions s WHERE s.asset_id = a.id AND ${SHOWN})
          AND NOT EXISTS (SELECT 1 FROM ai_faces f WHERE f.asset_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM ai_text t WHERE t.asset_id = a.id AND t.text != ''))`;
      case 'pending':
        return `+a.id IN (SELECT s.asset_id FROM ai_suggestions s WHERE s.state = 'pending'
                  AND s.confidence >= ${THRESHOLD})`;
      case 'analysed':
      case 'analyzed':
        return `${CURRENT_RUN})`;
      case 'error':
      case 'errors':
        return `${CURRENT_RUN} AND r.error IS NOT NULL)`;
    }
  if (value === '')
    return fail(`ai: wants a label (ai:cup, ai:"wine glass") or none, pending, analysed, error`);
  params.push(objectTagPath(value).toLowerCase());
  return `+a.id IN (SELECT s.asset_id FROM ai_suggestions s
            WHERE lower(s.tag_path) = ? AND ${SHOWN})`;
}
