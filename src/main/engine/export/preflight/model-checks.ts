// Pre-flight for a 3D model in role 'model', on its indexed facts: what export's optimising
// fixes (file size, texture sizes, a triangle budget it simplifies to) is a warning that
// says so; what it cannot fix (not a model, not glTF, no geometry) is a failure. Export
// checks the written GLB and USDZ again (model-output-checks.ts).
import type { CheckLevel, CheckResult, ModelRules } from '../../../../shared/export-dto';
import type { MediaFacts } from '../../../../shared/media-facts';
import type { PackImage } from '../pack-source';
import { isPowerOfTwo } from '../../tools/model-pack/power-of-two';

/** Sources export can make a GLB from (a .gltf is packed with its files). */
export const MODEL_SOURCE_FORMATS = ['glb', 'gltf'];

const r = (check: string, level: CheckLevel, reason: string): CheckResult => ({
  check,
  level,
  reason,
});
const mb = (bytes: number): string =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function modelChecks(rules: ModelRules, image: PackImage): CheckResult[] {
  if (image.kind !== 'model')
    return [r('source', 'fail', `not a 3D model (its kind is ${image.kind})`)];
  if (image.state === 'missing') return [r('source', 'fail', 'the file is missing')];
  if (!image.hash) return [r('source', 'fail', 'not indexed yet (run a scan)')];
  const format = (image.format ?? '').toLowerCase();
  if (!MODEL_SOURCE_FORMATS.includes(format))
    return [
      r(
        'format',
        'fail',
        `${format.toUpperCase() || 'this format'} cannot be made into a GLB here; export it as GLB or glTF first`,
      ),
    ];
  const out: CheckResult[] = [];
  const target = rules.targetBytes ?? rules.maxBytes;
  if (target !== null && image.bytes > target)
    out.push(
      r(
        'file-size',
        'warn',
        `${mb(image.bytes)}; will be optimised toward ${mb(target)} (compression, smaller textures)`,
      ),
    );
  const facts = image.facts;
  if (!facts)
    return [
      ...out,
      r('model', 'warn', 'no model facts indexed yet; the rules are checked on export'),
    ];
  out.push(...geometry(rules, facts), ...textures(rules, facts));
  const dropped = notCarried(facts);
  if (rules.formats.includes('usdz') && dropped.length > 0)
    out.push(r('usdz', 'warn', `the USDZ will not carry ${dropped.join(', ')}`));
  const errors = Number((facts.detail.validation as { errors?: unknown } | undefined)?.errors ?? 0);
  if (errors > 0) out.push(r('validator', 'warn', `the glTF validator found ${errors} errors`));
  return out;
}

function geometry(rules: ModelRules, facts: MediaFacts): CheckResult[] {
  const t = facts.triangles;
  if (t === null) return [];
  if (t === 0) return [r('triangles', 'fail', 'the model has no triangles to show')];
  const n = t.toLocaleString('en');
  if (rules.maxTriangles !== null && t > rules.maxTriangles)
    return [
      r(
        'triangles',
        'warn',
        `${n} triangles; will be simplified to the budget of ${rules.maxTriangles.toLocaleString('en')}`,
      ),
    ];
  if (rules.recommendedTriangles !== null && t > rules.recommendedTriangles)
    return [
      r(
        'triangles',
        'warn',
        `${n} triangles; at most ${rules.recommendedTriangles.toLocaleString('en')} recommended (not simplified)`,
      ),
    ];
  return [];
}

function textures(rules: ModelRules, facts: MediaFacts): CheckResult[] {
  const sizes = textureSizes(facts);
  const out: CheckResult[] = [];
  const largest = Math.max(0, ...sizes.map(([w, h]) => Math.max(w, h)));
  if (rules.maxTextureSize !== null && largest > rules.maxTextureSize)
    out.push(
      r(
        'texture-size',
        'warn',
        `textures up to ${largest} px; will be resized to ${rules.maxTextureSize} px`,
      ),
    );
  const odd = sizes.filter(([w, h]) => !isPowerOfTwo(w) || !isPowerOfTwo(h)).length;
  if (rules.texturePowerOfTwo && odd > 0)
    out.push(
      r(
        'texture-size',
        'warn',
        `${odd} textures are not powers of two; will be resized down to them`,
      ),
    );
  return out;
}

/**
 * The facts' texture sizes: the model reader's `detail.textureList` ({width, height} each,
 * tools/gltf/model-facts.ts).
 */
function textureSizes(facts: MediaFacts): [number, number][] {
  const list = facts.detail.textureList;
  if (Array.isArray(list))
    return list.flatMap((t: unknown) => {
      const pair: unknown[] = Array.isArray(t) ? (t as unknown[]) : [];
      const box = (t ?? {}) as { width?: unknown; height?: unknown };
      const [w, h] = Array.isArray(t) ? pair : [box.width, box.height];
      return typeof w === 'number' && typeof h === 'number' ? [[w, h] as [number, number]] : [];
    });
  return [];
}

function notCarried(facts: MediaFacts): string[] {
  const d = facts.detail;
  const has = (key: string): boolean => {
    const v = d[key];
    return typeof v === 'number' && v > 0;
  };
  return [
    ...(has('skins') ? ['skinning'] : []),
    ...(has('animations') ? ['animation'] : []),
    ...(has('morphTargets') ? ['morph targets'] : []),
  ];
}
