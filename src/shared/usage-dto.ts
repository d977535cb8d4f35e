// Where used (every file an export put in a pack), the takedown list, and the audit log.

/** One spell of an asset's version in a pack: from exported until removed (or still there). */
export interface UsageRow {
  assetId: number;
  /** The content hash of the version rendered. */
  versionHash: string;
  channel: string;
  presetId: string;
  productId: number;
  sku: string;
  /** The pack's folder (absolute). */
  pack: string;
  /** The file, relative to the pack. */
  file: string;
  /** When this version first landed at this file (ISO). */
  exportedAt: string;
  /** The last export that kept it there (ISO). */
  lastSeenAt: string;
  /** When a re-export took it out of the pack (ISO), or null while it is there. */
  removedAt: string | null;
}

/** An asset a licence covers, as the Rights page's where-used lists it. */
export interface LicencedAsset {
  id: number;
  name: string;
  /** Relative to its catalog's folder. */
  relPath: string;
}

/** A file still in a pack whose asset holds a licence ending soon (or ended). */
export interface TakedownRow {
  licenceId: number;
  licence: string;
  /** YYYY-MM-DD */
  endsOn: string;
  /** ends_on is before today. */
  ended: boolean;
  assetId: number;
  channel: string;
  presetId: string;
  sku: string;
  pack: string;
  file: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  who: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export type AuditVerdict =
  | { ok: true; rows: number; head: string | null }
  | {
      ok: false;
      rows: number;
      /** The first row that does not check (null: the chain's end is missing). */
      brokenId: number | null;
      reason: string;
    };
