// The asset's licences as they travel in an exported file's XMP: a small, canonical
// payload (it is part of the render key, so a changed licence re-renders) and the XMP
// properties it becomes.
import type { MetadataPolicy } from '../../../../shared/export-dto';
import type { Licence } from '../../../../shared/rights-dto';

/** What a rendition carries of the asset's licences (several are merged, see licenceMeta). */
export interface LicenceMeta {
  /** xmpRights:UsageTerms: every licence name (with its type), joined by '; '. */
  usageTerms: string;
  /** xmpRights:WebStatement: the first licence reference that is an http(s) address. */
  webStatement: string | null;
  /** plus:Licensor/plus:LicensorName, one entry per distinct licensor. */
  licensors: string[];
  /** plus:LicenseID: each licence's reference, else Packshot's id ('packshot:licence:N'). */
  licenseId: string;
  /** photoshop:Credit: the credit lines, joined by '; '. */
  credit: string | null;
  /** A licence requires the credit: copyright and credit survive the 'strip' policy. */
  creditRequired: boolean;
  /** plus:LicenseEndDate (YYYY-MM-DD): the earliest end date. */
  endsOn: string | null;
}

const uniq = (xs: (string | null)[]): string[] => [
  ...new Set(xs.filter((x): x is string => !!x && x.trim() !== '')),
];

export function licenceMeta(licences: readonly Licence[]): LicenceMeta | null {
  if (licences.length === 0) return null;
  const ls = [...licences].sort((a, b) => a.id - b.id);
  const ends = uniq(ls.map((l) => l.endsOn)).sort();
  const credits = uniq(ls.map((l) => l.creditLine));
  return {
    usageTerms: ls.map((l) => `${l.name} (${l.ccVariant ?? l.type})`).join('; '),
    webStatement: ls.map((l) => l.reference).find((r) => !!r && /^https?:\/\//i.test(r)) ?? null,
    licensors: uniq(ls.map((l) => l.licensor)),
    licenseId: ls.map((l) => l.reference ?? `packshot:licence:${l.id}`).join('; '),
    credit: credits.length ? credits.join('; ') : null,
    creditRequired: ls.some((l) => l.creditRequired),
    endsOn: ends[0] ?? null,
  };
}

/**
 * 'copyright' and 'all' write the licence ('all' over the source's own XMP, see
 * withLicenceXmp); 'strip' only when it requires credit.
 */
export function writesLicence(policy: MetadataPolicy, m: LicenceMeta): boolean {
  return policy === 'copyright' || policy === 'all' || (policy === 'strip' && m.creditRequired);
}

export const xmlEscape = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const langAlt = (tag: string, v: string): string =>
  `<${tag}><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(v)}</rdf:li></rdf:Alt></${tag}>`;

/** The XMP properties of a licence payload (inside one rdf:Description). */
export function licenceXmpParts(m: LicenceMeta): string[] {
  const parts = [langAlt('xmpRights:UsageTerms', m.usageTerms)];
  if (m.webStatement)
    parts.push(`<xmpRights:WebStatement>${xmlEscape(m.webStatement)}</xmpRights:WebStatement>`);
  if (m.licensors.length) {
    const lis = m.licensors.map(
      (n) =>
        `<rdf:li rdf:parseType="Resource"><plus:LicensorName>${xmlEscape(n)}</plus:LicensorName></rdf:li>`,
    );
    parts.push(`<plus:Licensor><rdf:Seq>${lis.join('')}</rdf:Seq></plus:Licensor>`);
  }
  parts.push(`<plus:LicenseID>${xmlEscape(m.licenseId)}</plus:LicenseID>`);
  if (m.credit) parts.push(`<photoshop:Credit>${xmlEscape(m.credit)}</photoshop:Credit>`);
  if (m.endsOn) parts.push(`<plus:LicenseEndDate>${xmlEscape(m.endsOn)}</plus:LicenseEndDate>`);
  return parts;
}

export const XMP_NAMESPACES = [
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
  'xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"',
  'xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"',
  'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"',
].join(' ');

/** The properties licenceXmpParts writes for this payload (by their usual prefixes). */
function writtenProperties(m: LicenceMeta): string[] {
  const out = ['xmpRights:UsageTerms', 'plus:LicenseID'];
  if (m.webStatement) out.push('xmpRights:WebStatement');
  if (m.licensors.length) out.push('plus:Licensor');
  if (m.credit) out.push('photoshop:Credit');
  if (m.endsOn) out.push('plus:LicenseEndDate');
  return out;
}

export const xmpPacket = (descriptions: string): string =>
  `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
${descriptions}
</rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;

/**
 * The 'all' policy: the source's XMP as it was, with the licence added as one more
 * rdf:Description. The source's own values of the properties the licence writes are taken
 * out first (element or attribute form, under the prefixes Adobe and exiftool write), so a
 * reader finds one value: the licence on record. No source XMP: a packet of the licence alone.
 */
export function withLicenceXmp(source: string | null, m: LicenceMeta): string {
  const ours = `<rdf:Description rdf:about="" ${XMP_NAMESPACES}>
${licenceXmpParts(m).join('\n')}
</rdf:Description>`;
  const end = source?.lastIndexOf('</rdf:RDF>') ?? -1;
  if (!source || end < 0) return xmpPacket(ours);
  let kept = source.slice(0, end);
  for (const p of writtenProperties(m)) {
    const q = p; // prefixes and names hold no regex characters
    kept = kept
      .replace(new RegExp(`<${q}\\b[^>]*/>|<${q}\\b[^>]*>[\\s\\S]*?</${q}>`, 'g'), '')
      .replace(new RegExp(`\\s${q}="[^"]*"`, 'g'), '');
  }
  return `${kept}${ours}\n${source.slice(end)}`;
}
