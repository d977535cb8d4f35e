// Colour and metadata on the way out: every rendition is sRGB with the sRGB profile
// embedded (CMYK and 16-bit sources included), and carries the metadata the policy keeps.
import type { Sharp } from 'sharp';
import type { MetadataPolicy } from '../../../../shared/export-dto';
import { readSegments } from '../metadata/read-metadata';
import { text } from '../metadata/metadata-segments';

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

/**
 * sRGB out, profile embedded; then the policy. 'all' keeps EXIF and XMP as they were
 * (orientation is reset by autoOrient); 'copyright' writes creator and copyright to EXIF
 * and XMP, and the digital source type to XMP (sharp cannot write IPTC-IIM, so the legacy
 * IPTC block is not carried; XMP is where IPTC Core and Extension live today).
 */
export function applyColourAndMetadata(
  image: Sharp,
  policy: MetadataPolicy,
  rights: RightsFields | null,
): Sharp {
  let out = image.toColourspace('srgb').withIccProfile('srgb');
  if (policy === 'all') return out.keepExif().keepXmp();
  if (policy === 'copyright' && rights) {
    const ifd0: Record<string, string> = {};
    if (rights.creator) ifd0.Artist = rights.creator;
    if (rights.copyright) ifd0.Copyright = rights.copyright;
    if (Object.keys(ifd0).length > 0) out = out.withExif({ IFD0: ifd0 });
    const xmp = rightsXmp(rights);
    if (xmp) out = out.withXmp(xmp);
  }
  return out;
}

function rightsXmp(r: RightsFields): string | null {
  if (!r.creator && !r.copyright && !r.digitalSourceType) return null;
  const esc = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">
${parts.join('\n')}
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;
}
