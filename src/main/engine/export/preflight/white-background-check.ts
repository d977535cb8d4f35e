// Pre-flight's white background for channels that want a main image on pure white
// (Amazon main, bol.com, Zalando): the index's share of near-white border, and whether the
// preset's white-background pass will make the backdrop pure white at render.
import type { CheckResult } from '../../../../shared/export-dto';
import { AUTO_WHITE_BACKGROUND, whiteBackgroundFor } from '../../tools/render/render-options';
import type { ImageCheckInput } from './check-registry';

const pct = (v: number): string => `${Math.round(v * 100)} %`;

export function whiteBackgroundCheck({
  preset,
  image,
  renditions,
}: ImageCheckInput): CheckResult | null {
  const need = preset.rules.mainWhiteBackground;
  if (need === null || image.role !== 'main') return null;
  if (image.whiteBg === null)
    return { check: 'white-background', level: 'warn', reason: 'not analysed yet' };
  // The plan resolved the preset's mode with this white_bg: cleaned means it will be white,
  // when the backdrop is mostly near-white. Otherwise ('always' on a scene) the pass finds
  // too little backdrop at the border and leaves the picture as it is.
  if (image.whiteBg >= AUTO_WHITE_BACKGROUND && renditions.some((x) => x.options.whiteBackground))
    return {
      check: 'white-background',
      level: 'pass',
      reason: `background made pure white (${pct(image.whiteBg)} of the border was near-white)`,
    };
  // The plan leaves the pass out where indexing found the border pure white already: the
  // backdrop is white as it is (and was reported so while the pass still ran on it).
  const leftOut = preset.renditions.some(
    (r) => whiteBackgroundFor(r, image.whiteBg) && !whiteBackgroundFor(r, image.whiteBg, image),
  );
  if (leftOut)
    return { check: 'white-background', level: 'pass', reason: 'background already pure white' };
  return image.whiteBg < need
    ? {
        check: 'white-background',
        level: 'fail',
        reason: `the background is not white (${pct(image.whiteBg)} of the border; needs ${pct(need)})`,
      }
    : null;
}
