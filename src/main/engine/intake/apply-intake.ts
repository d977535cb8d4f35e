import type { AssetMetadata } from '../../../shared/dto';
import type { IntakeFields, IntakeResult } from '../../../shared/intake-dto';
import { CULLING_FIELD } from '../catalog/culling-edits';
import type { EditLog, StepResult } from '../edit/edit-log';
import { part, type StepPart } from '../edit/undo-kind';
import { TAG_LINKS } from '../tags/tag-undo-kinds';
import type { TagRepo } from '../repositories/tag-repo';
import type { CatalogIntake } from './evaluate-intake';

export interface IntakeDeps {
  intake: CatalogIntake;
  tags: TagRepo;
}

interface TagPlan {
  add: number[];
  remove: number[];
  /** The rule-made links the asset will carry. */
  owned: number[];
}

/**
 * Which rule tags an asset gains and loses. A tag it already carries (the user's, or the
 * file's own keyword) is never claimed, so the rules can never take it away.
 */
function planTags(deps: IntakeDeps, assetId: number, paths: readonly string[]): TagPlan {
  const desired = new Set(paths.map((p) => deps.tags.ensurePath(p)));
  const carried = new Set(deps.intake.carried(assetId));
  const owned = deps.intake.owned(assetId).filter((id) => carried.has(id));
  const add = [...desired].filter((id) => !carried.has(id));
  const remove = owned.filter((id) => !desired.has(id));
  return { add, remove, owned: [...owned.filter((id) => desired.has(id)), ...add] };
}

/** The file has no title or description of its own: the name's groups may give one. */
export function withIntakeFields(
  metadata: AssetMetadata | null,
  fields: IntakeFields,
): AssetMetadata | null {
  if (!metadata) return null;
  return {
    ...metadata,
    title: metadata.title ?? fields.title ?? null,
    description: metadata.description ?? fields.description ?? null,
  };
}

/**
 * At index time: the asset's rule tags, naming violation, rating and label follow the
 * rules (indexing is not an edit, so nothing here is an undo step). Returns whether its
 * tags changed.
 */
export function applyIntakeOnIndex(
  deps: IntakeDeps,
  assetId: number,
  result: IntakeResult,
): boolean {
  const plan = planTags(deps, assetId, result.tags);
  for (const tagId of plan.add) deps.tags.link([assetId], tagId);
  for (const tagId of plan.remove) deps.tags.unlink([assetId], tagId);
  deps.intake.setOwned(assetId, plan.owned);
  deps.intake.setViolation(assetId, result.violation);
  // A name's rating or label fills what is unset; it never overrides the user's.
  if (result.fields.rating !== undefined) deps.intake.fillRating(assetId, result.fields.rating);
  if (result.fields.label !== undefined) deps.intake.fillLabel(assetId, result.fields.label);
  return plan.add.length + plan.remove.length > 0;
}

/**
 * Applies a catalog's saved rules to every asset it holds, as one undoable step: tags
 * gained and lost, and ratings and labels filled in. Naming violations and titles are
 * derived facts, refreshed but not part of the step.
 */
export function reapplyIntake(
  deps: IntakeDeps & { edits: EditLog },
  catalogId: number,
  label: string,
): StepResult & { assets: number; violations: number } {
  const run = deps.intake.evaluator(catalogId);
  let assets = 0;
  let violations = 0;
  const step = deps.edits.step(label, () => {
    // Read inside the write transaction: a rating another process set meanwhile is seen (and
    // kept), and the undo's `before` is what was overwritten. Counted afresh: a retried
    // transaction runs this again.
    const rows = deps.intake.assetFacts(catalogId);
    assets = rows.length;
    violations = 0;
    const links = new Map<number, { added: number[]; removed: number[] }>();
    const linksOf = (tagId: number) => {
      let entry = links.get(tagId);
      if (!entry) links.set(tagId, (entry = { added: [], removed: [] }));
      return entry;
    };
    const ratings = new Map<number, number[]>();
    const labels = new Map<string, number[]>();
    for (const row of rows) {
      const result = run({ relPath: row.rel_path, camera: row.camera, lens: row.lens });
      const plan = planTags(deps, row.id, result.tags);
      plan.add.forEach((tagId) => linksOf(tagId).added.push(row.id));
      plan.remove.forEach((tagId) => linksOf(tagId).removed.push(row.id));
      deps.intake.setOwned(row.id, plan.owned);
      deps.intake.setViolation(row.id, result.violation);
      if (result.violation) violations++;
      const { rating, label: colour, title, description } = result.fields;
      if (rating !== undefined && rating !== 0 && row.rating === 0)
        ratings.set(rating, [...(ratings.get(rating) ?? []), row.id]);
      if (colour !== undefined && row.label === null)
        labels.set(colour, [...(labels.get(colour) ?? []), row.id]);
      if (row.has_metadata && (title !== undefined || description !== undefined))
        deps.intake.fillText(row.id, title, description);
    }
    const parts: StepPart[] = [];
    const changed = new Set<number>();
    for (const [tagId, { added, removed }] of links) {
      deps.tags.link(added, tagId);
      deps.tags.unlink(removed, tagId);
      parts.push(part(TAG_LINKS, { tagId, added, removed }));
      [...added, ...removed].forEach((id) => changed.add(id));
    }
    for (const [field, groups] of [
      ['rating', ratings],
      ['label', labels],
    ] as const) {
      for (const [value, ids] of groups) {
        deps.intake.setCulling(field, value, ids);
        const before = [{ value: field === 'rating' ? 0 : null, ids }];
        parts.push(part(CULLING_FIELD, { field, after: value, before }));
        ids.forEach((id) => changed.add(id));
      }
    }
    return { parts, changed: changed.size, touched: [...changed] };
  });
  return { ...step, assets, violations };
}
