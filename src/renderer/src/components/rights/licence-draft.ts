// The licence form's model: a draft holds what is typed (text, as typed); it becomes the
// args of licences.create/update and is checked with the contract's own schema, so the
// form refuses what the engine would, with each problem under its field.
import type { MethodArgs } from '../../../../shared/contract';
import { licencesMethods } from '../../../../shared/methods/licences-methods';
import type { Licence, LicenceType, Medium } from '../../../../shared/rights-dto';

export type LicenceArgs = MethodArgs<'licences.create'>;
export type Issues = ReadonlyMap<string, string>;

export interface LicenceDraft {
  name: string;
  licensor: string;
  contact: string;
  type: LicenceType;
  ccVariant: string;
  reference: string;
  contractPath: string;
  creditLine: string;
  creditRequired: boolean;
  startsOn: string;
  endsOn: string;
  warnDays: string;
  /** '': anywhere. */
  territoriesMode: '' | 'include' | 'exclude';
  /** ISO 3166-1 alpha-2 codes as typed, separated by commas or spaces. */
  territories: string;
  /** Empty: any channel. */
  channels: string[];
  /** Empty: any medium. */
  media: Medium[];
  modificationsAllowed: boolean;
}

export const EMPTY_DRAFT: LicenceDraft = {
  name: '',
  licensor: '',
  contact: '',
  type: 'royalty-free',
  ccVariant: '',
  reference: '',
  contractPath: '',
  creditLine: '',
  creditRequired: false,
  startsOn: '',
  endsOn: '',
  warnDays: '30',
  territoriesMode: '',
  territories: '',
  channels: [],
  media: [],
  modificationsAllowed: true,
};

export function draftOf(l: Licence): LicenceDraft {
  return {
    name: l.name,
    licensor: l.licensor ?? '',
    contact: l.contact ?? '',
    type: l.type,
    ccVariant: l.ccVariant ?? '',
    reference: l.reference ?? '',
    contractPath: l.contractPath ?? '',
    creditLine: l.creditLine ?? '',
    creditRequired: l.creditRequired,
    startsOn: l.startsOn ?? '',
    endsOn: l.endsOn ?? '',
    warnDays: String(l.warnDays),
    territoriesMode: l.territoriesMode ?? '',
    territories: (l.territories ?? []).join(', '),
    channels: [...(l.channels ?? [])],
    media: [...(l.media ?? [])],
    modificationsAllowed: l.modificationsAllowed,
  };
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export function argsOf(d: LicenceDraft): LicenceArgs {
  const codes = d.territories.split(/[\s,;]+/).filter((t) => t !== '');
  return {
    name: d.name.trim(),
    licensor: orNull(d.licensor),
    contact: orNull(d.contact),
    type: d.type,
    // A variant only means something for a Creative Commons licence.
    ccVariant: d.type === 'creative-commons' ? orNull(d.ccVariant) : null,
    reference: orNull(d.reference),
    contractPath: orNull(d.contractPath),
    creditLine: orNull(d.creditLine),
    creditRequired: d.creditRequired,
    startsOn: orNull(d.startsOn),
    endsOn: orNull(d.endsOn),
    warnDays: d.warnDays.trim() === '' ? Number.NaN : Number(d.warnDays),
    territoriesMode: d.territoriesMode === '' ? null : d.territoriesMode,
    territories: d.territoriesMode === '' ? null : codes,
    channels: d.channels.length === 0 ? null : d.channels,
    media: d.media.length === 0 ? null : d.media,
    modificationsAllowed: d.modificationsAllowed,
  };
}

export type Checked = { ok: true; args: LicenceArgs } | { ok: false; issues: Issues };

/** The args licences.create would accept, or each problem under its field's name. */
export function checkDraft(d: LicenceDraft): Checked {
  const args = argsOf(d);
  const parsed = licencesMethods()['licences.create'].args.safeParse(args);
  const issues = new Map<string, string>();
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      // A territory's issue is the list's ('territories.2' → 'territories'); the
      // whole-object refinement (ends before it starts) belongs to the end date.
      const field = issue.path.length === 0 ? 'endsOn' : String(issue.path[0]);
      if (!issues.has(field)) issues.set(field, messageOf(field, issue.message, d));
    }
  // Not the engine's rule but a slip it would take: "only in" nowhere.
  if (d.territoriesMode === 'include' && args.territories?.length === 0)
    issues.set('territories', 'name at least one territory');
  if (issues.size > 0) return { ok: false, issues };
  return { ok: true, args };
}

function messageOf(field: string, message: string, d: LicenceDraft): string {
  if (field === 'warnDays') return 'a whole number of days, 0 to 3650';
  if (field === 'name' && d.name.trim() === '') return 'a name is needed';
  return message;
}
