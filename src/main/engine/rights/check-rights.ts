// The one rights check: allow / warn / block, with reasons, for one asset used on one
// channel (medium, territory) on one date. Pure: callers load the facts (licences,
// releases, approval state, the file's claims) and the use; pre-flight, readiness,
// `rights.check` and the CLI all ask this function.
//
// Choices (README "Rights"):
// - Every attached licence must permit the use (a photo can carry the photographer's and
//   an artwork's licence); a renewed contract replaces its dates, it is not a second row.
// - No licence recorded warns (`licence.none`), and blocks only when the use requires one.
// - Editorial-only blocks on a marketplace and in ads.
// - A person in the frame needs a model or minor release valid on the date.
// - The file's own ExpirationDate, in the past, warns: it is the file's word, not a contract.
import type {
  ApprovalState,
  Licence,
  Medium,
  Release,
  RightsClaims,
  RightsReason,
  RightsResult,
} from '../../../shared/rights-dto';
import { territoryCode } from '../../../shared/territories';
import { isExpired, isExpiring } from './licence-dates';

export interface RightsFacts {
  licences: readonly Licence[];
  releases: readonly Release[];
  approval: ApprovalState;
  /** True when someone is in the frame: a `People` tag, or a face or person the models found. */
  personInFrame?: boolean;
  fileClaims?: RightsClaims | null;
}

export interface RightsUse {
  /** A preset's channel id (amazon, shopify…); null when the use names none. */
  channel: string | null;
  medium?: Medium | null;
  /** ISO 3166-1 alpha-2; omitted when the use names no territory. */
  territory?: string | null;
  /** 'YYYY-MM-DD' */
  date: string;
  requireApproval?: boolean;
  requireLicence?: boolean;
  /** The warning window for releases (a licence carries its own). */
  warnDays?: number;
}

const label = (l: Licence): string => `“${l.name}”`;
const asCode = (t: string): string => territoryCode(t) ?? t.trim().toUpperCase();

function licenceReasons(l: Licence, use: RightsUse): RightsReason[] {
  const out: RightsReason[] = [];
  const block = (code: string, message: string): void => {
    out.push({ code, level: 'block', message });
  };
  const warn = (code: string, message: string): void => {
    out.push({ code, level: 'warn', message });
  };
  if (l.startsOn !== null && l.startsOn > use.date)
    block('licence.not-started', `licence ${label(l)} starts on ${l.startsOn}`);
  if (isExpired(l.endsOn, use.date))
    block('licence.expired', `licence ${label(l)} ended on ${l.endsOn}`);
  else if (isExpiring(l.endsOn, l.warnDays, use.date))
    warn('licence.expiring', `licence ${label(l)} ends on ${l.endsOn}`);
  if (use.channel && l.channels !== null && !l.channels.includes(use.channel))
    block(
      'licence.channel',
      `licence ${label(l)} does not allow ${use.channel} (only ${l.channels.join(', ') || 'none'})`,
    );
  if (use.medium && l.media !== null && !l.media.includes(use.medium))
    block('licence.medium', `licence ${label(l)} does not allow ${use.medium} use`);
  if (l.type === 'editorial' && (use.medium === 'marketplace' || use.medium === 'ads'))
    block('licence.editorial', `licence ${label(l)} is editorial only, not for ${use.medium}`);
  const t = use.territory ? asCode(use.territory) : null;
  if (t && l.territoriesMode !== null && l.territories !== null) {
    // Stored lists predate the ISO check (a licence saved with UK): read them as it reads input.
    const listed = l.territories.map(asCode).includes(t);
    if (l.territoriesMode === 'include' && !listed)
      block('licence.territory', `licence ${label(l)} does not cover ${t}`);
    if (l.territoriesMode === 'exclude' && listed)
      block('licence.territory', `licence ${label(l)} excludes ${t}`);
  }
  if (l.creditRequired)
    warn(
      'licence.credit',
      `licence ${label(l)} requires credit${l.creditLine ? `: “${l.creditLine}”` : ''}`,
    );
  return out;
}

function releaseReasons(facts: RightsFacts, use: RightsUse): RightsReason[] {
  if (!facts.personInFrame) return [];
  const people = facts.releases.filter((r) => r.kind === 'model' || r.kind === 'minor');
  const valid = people.filter(
    (r) => r.signedOn <= use.date && (r.expiresOn === null || r.expiresOn >= use.date),
  );
  if (valid.length === 0) {
    const expired = people.find((r) => r.expiresOn !== null && r.expiresOn < use.date);
    return [
      {
        code: 'release.missing',
        level: 'block',
        message: expired
          ? `a person is in the frame and their release expired on ${expired.expiresOn}`
          : 'a person is in the frame and no model release is recorded',
      },
    ];
  }
  // A release's last day is its expiry, as a licence's: the same window definition.
  return valid.every((r) => isExpiring(r.expiresOn, use.warnDays ?? 30, use.date))
    ? [
        {
          code: 'release.expiring',
          level: 'warn',
          message: `the model release ends on ${valid.map((r) => r.expiresOn).join(', ')}`,
        },
      ]
    : [];
}

export function checkRights(facts: RightsFacts, use: RightsUse): RightsResult {
  const reasons: RightsReason[] = [];
  if (facts.licences.length === 0)
    reasons.push({
      code: 'licence.none',
      level: use.requireLicence ? 'block' : 'warn',
      message: 'no licence recorded',
    });
  for (const l of facts.licences) reasons.push(...licenceReasons(l, use));
  reasons.push(...releaseReasons(facts, use));
  const claimEnd = facts.fileClaims?.expirationDate;
  if (claimEnd && claimEnd < use.date)
    reasons.push({
      code: 'claims.expired',
      level: 'warn',
      message: `the file says its use expired on ${claimEnd}`,
    });
  if (use.requireApproval && facts.approval !== 'approved')
    reasons.push({
      code: 'approval.required',
      level: 'block',
      message: `not approved (${facts.approval}); the preset requires approval`,
    });
  else if (facts.approval === 'rejected')
    reasons.push({ code: 'approval.rejected', level: 'warn', message: 'rejected in review' });
  return { verdict: verdictOf(reasons), reasons };
}

function verdictOf(reasons: readonly RightsReason[]): RightsResult['verdict'] {
  if (reasons.some((r) => r.level === 'block')) return 'block';
  return reasons.length > 0 ? 'warn' : 'allow';
}

/** An asset's approval state: the newest decision for its current content; new content → in review. */
export function approvalState(
  decisions: readonly { hash: string; state: ApprovalState; id: number }[],
  currentHash: string | null,
): ApprovalState {
  if (decisions.length === 0) return 'draft';
  const mine = decisions.filter((d) => d.hash === currentHash).sort((a, b) => b.id - a.id);
  return mine[0]?.state ?? 'in-review';
}

/**
 * The check for a use seen in several territories (a preset's `territories`): one check per
 * territory, reasons merged (each once), the worst verdict. No territories: one plain check.
 */
export function checkRightsIn(
  facts: RightsFacts,
  use: RightsUse,
  territories: readonly string[] | null | undefined,
): RightsResult {
  const list = use.territory ? [use.territory] : territories?.length ? territories : [null];
  const seen = new Set<string>();
  const reasons: RightsReason[] = [];
  for (const territory of list)
    for (const r of checkRights(facts, { ...use, territory }).reasons)
      if (!seen.has(`${r.level}\0${r.message}`)) {
        seen.add(`${r.level}\0${r.message}`);
        reasons.push(r);
      }
  return { verdict: verdictOf(reasons), reasons };
}
