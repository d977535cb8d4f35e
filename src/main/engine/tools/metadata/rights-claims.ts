// The file's own rights claims (xmpRights, PLUS, IPTC), from segments the index has read
// anyway: no extra read on the scan path.
import type { RightsClaims } from '../../../../shared/rights-dto';
import { list, text, type Segment } from './metadata-segments';

/** 'YYYYMMDD' (IIM), 'YYYY-MM-DD…' (XMP) → 'YYYY-MM-DD'. */
function day(value: unknown): string | undefined {
  const s = text(value);
  const m = s && /^(\d{4})-?(\d{2})-?(\d{2})/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** PLUS Licensor is a bag of structures (or one): the first name and id. */
function licensor(value: unknown): { name?: string; id?: string } {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (!first || typeof first !== 'object') return {};
  const s = first as Segment;
  return { name: text(s.LicensorName) ?? undefined, id: text(s.LicensorID) ?? undefined };
}

/**
 * `xmp(ns, key)` looks a field up in the sidecars, then the file (as the metadata record
 * does); `iptc` is the IIM segment. Null when the file claims nothing.
 */
export function rightsClaimsOf(
  xmp: (ns: string, key: string) => unknown,
  iptc: Segment,
  copyright: string | null,
): RightsClaims | null {
  const plus = licensor(xmp('plus', 'Licensor'));
  const claims: RightsClaims = {
    usageTerms: text(xmp('xmpRights', 'UsageTerms')) ?? undefined,
    webStatement: text(xmp('xmpRights', 'WebStatement')) ?? undefined,
    licensor: plus.name,
    licenceId: text(xmp('plus', 'LicenseID')) ?? plus.id,
    modelReleaseStatus:
      text(xmp('plus', 'ModelReleaseStatus')) ??
      list(xmp('Iptc4xmpExt', 'ModelReleaseStatus'))[0] ??
      undefined,
    expirationDate:
      day(iptc.ExpirationDate) ??
      day(xmp('plus', 'LicenseEndDate')) ??
      day(xmp('photoshop', 'ExpirationDate')),
  };
  const found = Object.entries(claims).filter(([, v]) => v !== undefined);
  if (found.length === 0) return null;
  // The copyright notice is shown with the claims, but alone it claims no licence.
  return Object.fromEntries(copyright ? [...found, ['copyright', copyright]] : found);
}
