// The rules again, on a written rendition's real dimensions, format and bytes.
import type { ChannelRules, CheckResult, OutputFormat } from '../../../../shared/export-dto';

export function outputChecks(
  rules: ChannelRules,
  out: { width: number; height: number; format: OutputFormat; bytes: number },
): CheckResult[] {
  const found: CheckResult[] = [];
  const fail = (check: string, reason: string): void => {
    found.push({ check, level: 'fail', reason });
  };
  const dims = `${out.width} × ${out.height}`;
  const long = Math.max(out.width, out.height);
  if (!rules.formats.includes(out.format)) fail('format', `${out.format} is not accepted`);
  if (rules.maxBytes !== null && out.bytes > rules.maxBytes)
    fail('file-size', `${out.bytes} bytes is over the limit of ${rules.maxBytes}`);
  if (rules.minBytes !== null && out.bytes < rules.minBytes)
    fail('file-size', `${out.bytes} bytes is under the minimum of ${rules.minBytes}`);
  if (rules.maxWidth !== null && out.width > rules.maxWidth)
    fail('max-size', `${dims} is too wide`);
  if (rules.maxHeight !== null && out.height > rules.maxHeight)
    fail('max-size', `${dims} is too high`);
  if (rules.maxLongSide !== null && long > rules.maxLongSide)
    fail('max-size', `${dims} is too large`);
  if (rules.maxMegapixels !== null && (out.width * out.height) / 1e6 > rules.maxMegapixels)
    fail('max-size', `${dims} is over ${rules.maxMegapixels} MP`);
  const a = out.width / out.height;
  const slack = 1 / Math.min(out.width, out.height);
  if (
    (rules.minAspect !== null && a < rules.minAspect - slack) ||
    (rules.maxAspect !== null && a > rules.maxAspect + slack)
  )
    fail('aspect', `${dims} has the wrong shape`);
  return found;
}
