// Colour and metadata on the way out: every rendition is sRGB with the sRGB profile
// embedded (CMYK and 16-bit sources included), and carries the metadata the policy keeps.
import type { Sharp } from 'sharp';
import type { MetadataPolicy } from '../../../../shared/export-dto';
import { readSegments } from '../metadata/read-metadata';
import { text } from '../metadata/metadata-segments';
import {
  licenceXmpParts,
  withLicenceXmp,
  writesLicence,
  xmpPacket,
  XMP_NAMESPACES,
  xmlEscape as esc,
  type LicenceMeta,
} from './licence-xmp';

/** Rights fields worth keeping on a channel: who made it, who owns it, and how it was made. */
export interface RightsFields {
  creator: string | null;
  copyright: string | null;
  /** IPTC digital source type (e.g. trainedAlgorithmicMedia for AI images): Google asks for it. */
  digitalSourceType: string | null;
}

export async function readRights(input: Buffer): Promise<RightsFields> {
  const s = await readSegments(input);
  if (!s) return { creator: null, copyright: null, digitalSourceType: null };
  return {
    creator: text(s.dc?.creator) ?? text(s.iptc?.Byline) ?? text(s.ifd0?.Artist),
    copyright: text(s.dc?.rights) ?? text(s.iptc?.CopyrightNotice) ?? text(s.ifd0?.Copyright),
    digitalSourceType: text(s.Iptc4xmpExt?.DigitalSourceType),
  };
}

/** The file's own copyright is needed for 'copyright', and for 'strip' when credit is due. */
export function readsOwnRights(o: {
  metadata: MetadataPolicy;
  licence?: LicenceMeta | undefined;
}): boolean {
  if (o.metadata === 'copyright') return true;
  return o.metadata === 'strip' && !!o.licence && writesLicence(o.metadata, o.licence);
}

/**
 * sRGB out, profile embedded; then the policy. 'all' keeps EXIF and XMP as they were
 * (orientation is reset by autoOrient), the asset's licence added to the XMP (`sourceXmp`,
 * see withLicenceXmp); 'copyright' writes creator and copyright to EXIF
 * and XMP, the digital source type and the asset's licence to XMP (sharp cannot write
 * IPTC-IIM, so the legacy IPTC block is not carried; XMP is where IPTC Core and Extension
 * live today). 'strip' writes nothing, unless a licence requires credit: then copyright,
 * credit and the licence are written (and nothing else: no camera, no GPS).
 */
export function applyColourAndMetadata(
  image: Sharp,
  policy: MetadataPolicy,
  rights: RightsFields | null,
  licence: LicenceMeta | null = null,
  sourceXmp: string | null = null,
  /** False: the caller attaches the profile to the encoded file (srgb-profile.ts). */
  embedProfile = true,
): Sharp {
  let out = image.toColourspace('srgb');
  if (embedProfile) out = out.withIccProfile('srgb');
  if (policy === 'all')
    return licence
      ? out.keepExif().withXmp(withLicenceXmp(sourceXmp, licence))
      : out.keepExif().keepXmp();
  const credited = policy === 'strip' && !!licence && writesLicence(policy, licence);
  if (policy !== 'copyright' && !credited) return out;
  const own: RightsFields = rights ?? { creator: null, copyright: null, digitalSourceType: null };
  const r: RightsFields = credited
    ? { creator: null, copyright: own.copyright, digitalSourceType: null }
    : own;
  // No copyright of the file's own: the credit line (or the licensor) says whose it is.
  const copyright = r.copyright ?? licence?.credit ?? licence?.licensors.join('; ') ?? null;
  const fields = { ...r, copyright: copyright || null };
  const ifd0: Record<string, string> = {};
  if (fields.creator) ifd0.Artist = fields.creator;
  if (fields.copyright) ifd0.Copyright = fields.copyright;
  if (Object.keys(ifd0).length > 0) out = out.withExif({ IFD0: ifd0 });
  const xmp = rightsXmp(fields, licence);
  if (xmp) out = out.withXmp(xmp);
  return out;
}

function rightsXmp(r: RightsFields, licence: LicenceMeta | null): string | null {
  const parts: string[] = [];
  if (r.creator)
    parts.push(`<dc:creator><rdf:Seq><rdf:li>${esc(r.creator)}</rdf:li></rdf:Seq></dc:creator>`);
  if (r.copyright)
    parts.push(
      `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${esc(r.copyright)}</rdf:li></rdf:Alt></dc:rights>`,
    );
  if (r.digitalSourceType)
    parts.push(
      `<Iptc4xmpExt:DigitalSourceType>${esc(r.digitalSourceType)}</Iptc4xmpExt:DigitalSourceType>`,
    );
  if (licence) parts.push(...licenceXmpParts(licence));
  if (parts.length === 0) return null;
  return xmpPacket(`<rdf:Description rdf:about="" ${XMP_NAMESPACES}>
${parts.join('\n')}
</rdf:Description>`);
}
