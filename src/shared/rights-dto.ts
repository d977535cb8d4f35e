// Rights: licences, releases, approvals and the one rights check's answer (DTOs shared by
// the engine, the CLI and the app).

export const LICENCE_TYPES = [
  'owned',
  'work-for-hire',
  'royalty-free',
  'rights-managed',
  'editorial',
  'creative-commons',
] as const;
export type LicenceType = (typeof LICENCE_TYPES)[number];

export const MEDIA = ['web', 'print', 'social', 'marketplace', 'ads'] as const;
export type Medium = (typeof MEDIA)[number];

export const RELEASE_KINDS = ['model', 'property', 'minor'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

export const APPROVAL_STATES = ['draft', 'in-review', 'approved', 'rejected'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** Dates are 'YYYY-MM-DD'; territories ISO 3166-1 alpha-2; null lists mean "any". */
export interface Licence {
  id: number;
  name: string;
  licensor: string | null;
  contact: string | null;
  type: LicenceType;
  ccVariant: string | null;
  reference: string | null;
  contractPath: string | null;
  creditLine: string | null;
  creditRequired: boolean;
  startsOn: string | null;
  endsOn: string | null;
  warnDays: number;
  territoriesMode: 'include' | 'exclude' | null;
  territories: string[] | null;
  channels: string[] | null;
  media: Medium[] | null;
  modificationsAllowed: boolean;
  createdAt: number;
}

export interface Release {
  id: number;
  kind: ReleaseKind;
  subject: string | null;
  signedOn: string;
  expiresOn: string | null;
  restrictions: string | null;
  documentPath: string | null;
  createdAt: number;
}

/** One decision; the history keeps every one. */
export interface ApprovalDecision {
  id: number;
  assetId: number;
  /** The content version (sha256) the decision was made on. */
  hash: string;
  state: ApprovalState;
  who: string;
  at: number;
  comment: string | null;
  /** When an undo took the decision back (it stays in the history, no longer counted). */
  undoneAt?: number | null;
}

/** What the file itself says about its rights (XMP / IPTC), read at index. */
export interface RightsClaims {
  usageTerms?: string;
  webStatement?: string;
  copyright?: string;
  licensor?: string;
  licenceId?: string;
  /** IPTC Ext / PLUS model release status, e.g. MR-NON, MR-NAP, MR-UMR, MR-LMR. */
  modelReleaseStatus?: string;
  /** 'YYYY-MM-DD' */
  expirationDate?: string;
}

export type RightsVerdict = 'allow' | 'warn' | 'block';

export interface RightsReason {
  code: string;
  level: 'warn' | 'block';
  message: string;
}

export interface RightsResult {
  verdict: RightsVerdict;
  reasons: RightsReason[];
}

/** An asset's rights at a glance, for assets.get and the grid badge. */
export interface AssetRights {
  licences: Licence[];
  releases: Release[];
  approval: ApprovalState;
  claims: RightsClaims | null;
}

/** A licence that has ended, or ends within its warning window, and where it is used. */
export interface RightsNotice {
  licenceId: number;
  name: string;
  licensor: string | null;
  endsOn: string;
  warnDays: number;
  status: 'expired' | 'expiring';
  /** Assets it covers. */
  assets: number;
  /** Files of those assets still in packs (live usage rows). */
  packFiles: number;
}
