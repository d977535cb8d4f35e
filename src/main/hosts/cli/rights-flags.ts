// The flags of `rights set`, `rights list`, `release add` and `approval set` (README "Rights").
export const RIGHTS_OPTIONS = {
  licensor: { type: 'string' },
  type: { type: 'string' },
  starts: { type: 'string' },
  ends: { type: 'string' },
  channels: { type: 'string' },
  territories: { type: 'string' },
  'exclude-territories': { type: 'string' },
  territory: { type: 'string' },
  credit: { type: 'string' },
  expiring: { type: 'string' },
  kind: { type: 'string' },
  signed: { type: 'string' },
  expires: { type: 'string' },
  file: { type: 'string' },
  comment: { type: 'string' },
  who: { type: 'string' },
  'approved-only': { type: 'boolean', default: false },
} as const;

export interface RightsFlags {
  licensor: string | undefined;
  type: string | undefined;
  starts: string | undefined;
  ends: string | undefined;
  channels: string | undefined;
  territories: string | undefined;
  excludeTerritories: string | undefined;
  /** export / check: the territory the rights check is made for. */
  territory: string | undefined;
  credit: string | undefined;
  expiring: string | undefined;
  kind: string | undefined;
  signed: string | undefined;
  expires: string | undefined;
  file: string | undefined;
  comment: string | undefined;
  who: string | undefined;
  /** export / check: only images approved for their current content. */
  approvedOnly: boolean;
}

export function rightsFlags(v: Record<string, string | boolean | undefined>): RightsFlags {
  const s = (k: keyof typeof RIGHTS_OPTIONS): string | undefined =>
    typeof v[k] === 'string' ? v[k] : undefined;
  return {
    licensor: s('licensor'),
    type: s('type'),
    starts: s('starts'),
    ends: s('ends'),
    channels: s('channels'),
    territories: s('territories'),
    excludeTerritories: s('exclude-territories'),
    territory: s('territory'),
    credit: s('credit'),
    expiring: s('expiring'),
    kind: s('kind'),
    signed: s('signed'),
    expires: s('expires'),
    file: s('file'),
    comment: s('comment'),
    who: s('who'),
    approvedOnly: v['approved-only'] === true,
  };
}
