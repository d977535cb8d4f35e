// Where a new spin's frames come from: a selection, a folder of numbered frames, or a naming
// rule over many files (one spin per key). Only images become frames; files already in a
// spin are left to it.
import { PackshotError } from '../../../shared/errors';
import type { SpinRepo } from '../repositories/spin-repo';
import type { Named } from './frame-order';
import type { StepResult } from '../edit/edit-log';
import type { SpinEdits, SpinStep } from './spin-edits';
import { compileSpinRule } from './spin-rule';

export function createFromAssets(
  repo: SpinRepo,
  edits: SpinEdits,
  assetIds: readonly number[],
  name: string,
): SpinStep {
  return edits.create(name, repo.images([...new Set(assetIds)]), null);
}

export function createFromFolder(
  repo: SpinRepo,
  edits: SpinEdits,
  catalogId: number,
  path: string,
  name: string | undefined,
): SpinStep {
  const folder = path.replace(/^\/+|\/+$/g, '');
  const frames = repo.imagesInFolder(catalogId, folder);
  if (frames.length === 0)
    throw new PackshotError('not_found', `No images in folder '${folder}' of catalog ${catalogId}`);
  const fallback = folder.split('/').pop() || 'Spin';
  return edits.create(name ?? fallback, frames, `folder:${catalogId}:${folder}`);
}

/**
 * One spin per key of the rule among `candidates` (all images when undefined), all as one
 * undo step. A key with one frame makes no spin; frames already in a spin are skipped.
 */
export function createByRule(
  repo: SpinRepo,
  edits: SpinEdits,
  template: string,
  candidates: readonly number[] | undefined,
): StepResult & { spinIds: number[] } {
  const rule = compileSpinRule(template);
  const assets = candidates === undefined ? repo.allImages() : repo.images(candidates);
  const taken = repo.taken(assets.map((a) => a.id));
  const groups = new Map<string, Named[]>();
  for (const a of assets) {
    if (taken.has(a.id)) continue;
    const hit = rule.match(a.name);
    if (!hit) continue;
    const list = groups.get(hit.key) ?? [];
    list.push({ ...a, number: hit.frame });
    groups.set(hit.key, list);
  }
  const specs = [...groups]
    .filter(([, frames]) => frames.length >= 2)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, frames]) => ({ name: key, frames, source: `rule:${template}:${key}` }));
  if (specs.length === 0) return { ...edits.nothing(), spinIds: [] };
  return edits.createMany(specs, `Make ${specs.length} spin(s) by ${template}`);
}
