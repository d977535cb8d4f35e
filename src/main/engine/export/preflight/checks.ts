// The built-in pre-flight checks, from each channel's published rules (ChannelRules).
import type { CheckLevel, CheckResult } from '../../../../shared/export-dto';
import { displaySize } from '../pack-source';
import { CheckRegistry, type ImageCheckInput } from './check-registry';
import {
  REQUIRED_MEDIA_CHECK,
  requiredMediaCheck,
  ROLE_KIND_CHECK,
  roleKindCheck,
  roleTakes,
} from './media-kind-checks';
import { RIGHTS_CHECK, rightsCheck } from './rights-check';
import { TEXT_CHECK, textInImage } from './text-checks';
import { whiteBackgroundCheck } from './white-background-check';

const r = (check: string, level: CheckLevel, reason: string): CheckResult => ({
  check,
  level,
  reason,
});
const pct = (v: number): string => `${Math.round(v * 100)} %`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Every preset's rules as checks; export re-checks the written files with outputChecks. */
export function defaultChecks(): CheckRegistry {
  return new CheckRegistry()
    .product('has-images', ({ preset, images }) =>
      images.length === 0
        ? r('has-images', 'fail', `no ${preset.roles.join(' or ')} image linked`)
        : null,
    )
    .product('max-images', ({ preset, dropped, images }) =>
      dropped.length > 0
        ? r(
            'max-images',
            'warn',
            `${images.length + dropped.length} images; ${preset.name} takes ${images.length}, the last ${dropped.length} are left out`,
          )
        : null,
    )
    .product(REQUIRED_MEDIA_CHECK, requiredMediaCheck)
    .image(ROLE_KIND_CHECK, roleKindCheck)
    .image('source', ({ image }) => {
      // A kind its role does not take is role-kind's finding; said once.
      if (!roleTakes(image.role, image.kind)) return null;
      if (image.kind !== 'image') return r('source', 'fail', `a ${image.kind}, not an image`);
      if (image.state === 'missing') return r('source', 'fail', 'the file is missing');
      if (image.state === 'error') return r('source', 'fail', 'the file could not be read');
      if (!image.hash || image.width === null)
        return r('source', 'fail', 'not indexed yet (run a scan)');
      return null;
    })
    .image(RIGHTS_CHECK, rightsCheck)
    .image('min-size', minSize)
    .image('max-size', maxSize)
    .image('aspect', aspect)
    .image('format', ({ preset, renditions }) => {
      const bad = renditions.filter((x) => !preset.rules.formats.includes(x.options.format));
      return bad.length
        ? r(
            'format',
            'fail',
            `${bad[0]?.options.format.toUpperCase()} is not accepted (${preset.rules.formats.join(', ')})`,
          )
        : null;
    })
    .image('file-size', ({ preset, renditions }) => {
      const max = preset.rules.maxBytes;
      if (max === null) return null;
      const loose = renditions.filter(
        (x) =>
          x.options.format === 'png' || x.options.maxBytes === null || x.options.maxBytes > max,
      );
      return loose.length
        ? r('file-size', 'warn', `the limit of ${mb(max)} is checked only after rendering`)
        : null;
    })
    .image('white-background', whiteBackgroundCheck)
    .image('product-fill', productFill)
    .image(TEXT_CHECK, textInImage)
    .image('sharpness', ({ preset, image }) => {
      const min = preset.rules.minSharpness;
      if (min === null || image.sharpness === null) return null;
      return image.sharpness < min
        ? r('sharpness', 'warn', `looks blurry (sharpness ${image.sharpness}; ${min} expected)`)
        : null;
    });
}

function minSize({ preset, image }: ImageCheckInput): CheckResult[] | null {
  const size = displaySize(image);
  if (!size) return null;
  const { minWidth, minHeight, minLongSide, recommendedLongSide } = preset.rules;
  const out: CheckResult[] = [];
  const long = Math.max(size.width, size.height);
  const dims = `${size.width} × ${size.height}`;
  if (minWidth !== null && size.width < minWidth)
    out.push(r('min-size', 'fail', `${dims} is narrower than ${minWidth} px`));
  if (minHeight !== null && size.height < minHeight)
    out.push(r('min-size', 'fail', `${dims} is lower than ${minHeight} px`));
  if (minLongSide !== null && long < minLongSide)
    out.push(r('min-size', 'fail', `${dims}: the longest side is under ${minLongSide} px`));
  if (out.length === 0 && recommendedLongSide !== null && long < recommendedLongSide)
    out.push(
      r('min-size', 'warn', `${dims}: ${recommendedLongSide} px or more is recommended (zoom)`),
    );
  return out;
}

function maxSize({ preset, renditions }: ImageCheckInput): CheckResult[] | null {
  const { maxWidth, maxHeight, maxLongSide, maxMegapixels } = preset.rules;
  const out: CheckResult[] = [];
  for (const { size } of renditions) {
    if (!size) continue;
    const dims = `${size.width} × ${size.height}`;
    if (maxWidth !== null && size.width > maxWidth)
      out.push(r('max-size', 'fail', `${dims} is wider than ${maxWidth} px`));
    if (maxHeight !== null && size.height > maxHeight)
      out.push(r('max-size', 'fail', `${dims} is higher than ${maxHeight} px`));
    if (maxLongSide !== null && Math.max(size.width, size.height) > maxLongSide)
      out.push(r('max-size', 'fail', `${dims}: the longest side is over ${maxLongSide} px`));
    if (maxMegapixels !== null && (size.width * size.height) / 1e6 > maxMegapixels)
      out.push(r('max-size', 'fail', `${dims} is over ${maxMegapixels} megapixels`));
  }
  return out;
}

function aspect({ preset, renditions }: ImageCheckInput): CheckResult | null {
  const { minAspect, maxAspect } = preset.rules;
  if (minAspect === null && maxAspect === null) return null;
  for (const { size } of renditions) {
    if (!size) continue;
    const a = size.width / size.height;
    // One pixel of rounding is not a different shape.
    const slack = 1 / Math.min(size.width, size.height);
    if (
      (minAspect !== null && a < minAspect - slack) ||
      (maxAspect !== null && a > maxAspect + slack)
    )
      return r(
        'aspect',
        'fail',
        `${size.width} × ${size.height} (${a.toFixed(2)}:1) is outside ${minAspect?.toFixed(2) ?? '…'} to ${maxAspect?.toFixed(2) ?? '…'}:1`,
      );
  }
  return null;
}

function productFill({ preset, image, renditions }: ImageCheckInput): CheckResult | null {
  const { mainMinFill: min, mainMaxFill: max } = preset.rules;
  if (image.role !== 'main' || (min === null && max === null)) return null;
  const padded = renditions.every((x) => x.options.trim && x.options.productFill !== null);
  if (padded) return null; // trimmed and padded back to the preset's share on export
  if (image.fill === null) return r('product-fill', 'warn', 'not analysed yet');
  // Fill is measured on the thumbnail's bounding box: advice, not a verdict.
  if (min !== null && image.fill < min)
    return r(
      'product-fill',
      'warn',
      `the product fills ${pct(image.fill)} of the frame; ${pct(min)} or more advised`,
    );
  if (max !== null && image.fill > max)
    return r(
      'product-fill',
      'warn',
      `the product fills ${pct(image.fill)} of the frame; at most ${pct(max)} advised`,
    );
  return null;
}
