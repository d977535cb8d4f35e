// The manuals' part of a pack's plan: for a preset with document rules, each PDF linked to a
// product in role 'document' is checked, then planned as one file copied as it is (landed by
// export-videos.ts, as a compliant video is). Pure: the facts come from the library.
import { createHash } from 'node:crypto';
import type { ChannelPreset, CheckResult, PreflightItem } from '../../../../shared/export-dto';
import { renderPath } from '../../../../shared/naming/name-template';
import type { PackImage, PackProduct } from '../pack-source';
import { documentChecks, documentFormat } from '../preflight/document-checks';
import { rightsCheck, RIGHTS_CHECK } from '../preflight/rights-check';
import { renderOptions } from '../../tools/render/render-options';
import type { PlannedFile } from './plan-pack';
import { preflightItem } from './preflight-item';

/** A manual's planned copy: what its manifest line carries. */
export interface DocumentJob {
  pages: number | null;
}

/** Bumped when how a manual lands changes: every pack copies it again. */
const DOCUMENT_KEY_VERSION = 1;

export function planDocuments(
  preset: ChannelPreset,
  product: PackProduct,
  excluded: (image: PackImage) => boolean = () => false,
): { items: PreflightItem[]; files: PlannedFile[] } {
  const items: PreflightItem[] = [];
  const files: PlannedFile[] = [];
  const rules = preset.document;
  if (!rules) return { items, files };
  const first = preset.renditions[0];
  if (!first) throw new Error(`${preset.id} has no rendition`);
  // Not rendered: the preset's first rendition keeps a planned file's shape, unused.
  const rendition = { ...first, key: 'document' };
  const options = renderOptions(rendition, preset.metadata, null, null, []);
  const manuals = product.images.filter((i) => i.role === 'document' && !excluded(i));
  manuals.forEach((image, index) => {
    const position = index + 1;
    const rights = rightsCheck({ preset, product, image, renditions: [] }) ?? [];
    const all: CheckResult[] = [...rights, ...documentChecks(rules, image)];
    const item = preflightItem({ preset, product, image, position }, all, {
      check: CHECK_PASS,
      level: 'pass',
      reason: 'meets every rule; copied as it is',
    });
    const level = item.level;
    items.push(item);
    files.push({
      path: renderPath(preset.naming.folder, rules.file, {
        sku: product.sku,
        name: product.name,
        position,
        role: image.role,
        channel: preset.channel,
        preset: preset.id,
        key: '',
        width: null,
        height: null,
        ext: documentFormat(image) || 'pdf',
        parent: product.parentSku ?? '',
        asset: image.name.replace(/\.[^.]*$/, ''),
        attributes: product.attributes,
      }),
      preset,
      product,
      image,
      position,
      rendition,
      options,
      renderKey: image.hash ? documentKey(image.hash) : null,
      level,
      findings: all.filter((f) => f.level !== 'pass').map((f) => `${f.check}: ${f.reason}`),
      blocked: rights
        .filter((f) => f.check === RIGHTS_CHECK && f.level === 'fail')
        .map((f) => f.reason),
      document: { pages: image.facts?.pages ?? null },
    });
  });
  return { items, files };
}

const CHECK_PASS = 'document';

/** A copy depends on the source's content only: the rules decide whether, not how. */
function documentKey(hash: string): string {
  const canonical = JSON.stringify({ v: DOCUMENT_KEY_VERSION, part: 'document', hash });
  return createHash('sha256').update(canonical).digest('hex');
}
