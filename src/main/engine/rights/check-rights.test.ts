import { describe, expect, it } from 'vitest';
import type { Licence, Release } from '../../../shared/rights-dto';
import { approvalState, checkRights, type RightsFacts, type RightsUse } from './check-rights';
import { aLicence } from '../../test-support/licence-fixture';

const licence = (over: Partial<Licence> = {}): Licence =>
  aLicence({
    name: 'Shoot 2026',
    licensor: 'Studio',
    type: 'royalty-free',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    ...over,
  });
const release = (over: Partial<Release> = {}): Release => ({
  id: 1,
  kind: 'model',
  subject: 'Ann',
  signedOn: '2026-01-01',
  expiresOn: null,
  restrictions: null,
  documentPath: null,
  createdAt: 0,
  ...over,
});
const facts = (over: Partial<RightsFacts> = {}): RightsFacts => ({
  licences: [licence()],
  releases: [],
  approval: 'draft',
  ...over,
});
const use = (over: Partial<RightsUse> = {}): RightsUse => ({
  channel: 'amazon',
  medium: 'marketplace',
  territory: 'DE',
  date: '2026-06-01',
  ...over,
});

// [name, facts, use, verdict, codes]
const table: [string, RightsFacts, RightsUse, string, string[]][] = [
  ['a valid licence allows', facts(), use(), 'allow', []],
  ['no licence warns', facts({ licences: [] }), use(), 'warn', ['licence.none']],
  [
    'no licence blocks when the use requires one',
    facts({ licences: [] }),
    use({ requireLicence: true }),
    'block',
    ['licence.none'],
  ],
  [
    'expired blocks',
    facts({ licences: [licence({ endsOn: '2026-05-31' })] }),
    use(),
    'block',
    ['licence.expired'],
  ],
  [
    'the last day still allows',
    facts({ licences: [licence({ endsOn: '2026-06-01', warnDays: 0 })] }),
    use(),
    'allow',
    [],
  ],
  [
    'not yet started blocks',
    facts({ licences: [licence({ startsOn: '2026-06-02' })] }),
    use(),
    'block',
    ['licence.not-started'],
  ],
  [
    'ending within the window warns',
    facts({ licences: [licence({ endsOn: '2026-06-20', warnDays: 30 })] }),
    use(),
    'warn',
    ['licence.expiring'],
  ],
  [
    'ending after the window allows',
    facts({ licences: [licence({ endsOn: '2026-07-20', warnDays: 30 })] }),
    use(),
    'allow',
    [],
  ],
  [
    'channel not allowed blocks',
    facts({ licences: [licence({ channels: ['shopify'] })] }),
    use(),
    'block',
    ['licence.channel'],
  ],
  [
    'channel allowed allows',
    facts({ licences: [licence({ channels: ['shopify', 'amazon'] })] }),
    use(),
    'allow',
    [],
  ],
  [
    'medium not allowed blocks',
    facts({ licences: [licence({ media: ['web', 'print'] })] }),
    use(),
    'block',
    ['licence.medium'],
  ],
  [
    'territory not included blocks',
    facts({ licences: [licence({ territoriesMode: 'include', territories: ['FR', 'US'] })] }),
    use(),
    'block',
    ['licence.territory'],
  ],
  [
    'territory included allows (any case)',
    facts({ licences: [licence({ territoriesMode: 'include', territories: ['de'] })] }),
    use(),
    'allow',
    [],
  ],
  [
    'territory stored before the ISO check (UK) is read as GB',
    facts({ licences: [licence({ territoriesMode: 'include', territories: ['uk'] })] }),
    use({ territory: 'GB' }),
    'allow',
    [],
  ],
  [
    'territory excluded as UK blocks GB',
    facts({ licences: [licence({ territoriesMode: 'exclude', territories: ['UK'] })] }),
    use({ territory: 'GB' }),
    'block',
    ['licence.territory'],
  ],
  [
    'territory excluded blocks',
    facts({ licences: [licence({ territoriesMode: 'exclude', territories: ['DE'] })] }),
    use(),
    'block',
    ['licence.territory'],
  ],
  [
    'editorial only on a marketplace blocks',
    facts({ licences: [licence({ type: 'editorial' })] }),
    use(),
    'block',
    ['licence.editorial'],
  ],
  [
    'editorial only on the web allows',
    facts({ licences: [licence({ type: 'editorial' })] }),
    use({ medium: 'web', channel: 'blog' }),
    'allow',
    [],
  ],
  [
    'credit required warns',
    facts({ licences: [licence({ creditRequired: true, creditLine: '© Studio' })] }),
    use(),
    'warn',
    ['licence.credit'],
  ],
  [
    'every licence must permit',
    facts({ licences: [licence(), licence({ id: 2, endsOn: '2026-01-31' })] }),
    use(),
    'block',
    ['licence.expired'],
  ],
  [
    'a person without a release blocks',
    facts({ personInFrame: true }),
    use(),
    'block',
    ['release.missing'],
  ],
  [
    'a property release does not cover a person',
    facts({ personInFrame: true, releases: [release({ kind: 'property' })] }),
    use(),
    'block',
    ['release.missing'],
  ],
  [
    'an expired model release blocks',
    facts({ personInFrame: true, releases: [release({ expiresOn: '2026-05-01' })] }),
    use(),
    'block',
    ['release.missing'],
  ],
  [
    'a model release allows',
    facts({ personInFrame: true, releases: [release()] }),
    use(),
    'allow',
    [],
  ],
  [
    'a model release ending soon warns',
    facts({ personInFrame: true, releases: [release({ expiresOn: '2026-06-10' })] }),
    use({ warnDays: 14 }),
    'warn',
    ['release.expiring'],
  ],
  [
    'a model release on its last day with no warning window allows, as a licence does',
    facts({ personInFrame: true, releases: [release({ expiresOn: '2026-06-01' })] }),
    use({ warnDays: 0 }),
    'allow',
    [],
  ],
  ['no person, no release needed', facts({ personInFrame: false }), use(), 'allow', []],
  [
    'unapproved blocks where approval is required',
    facts({ approval: 'in-review' }),
    use({ requireApproval: true }),
    'block',
    ['approval.required'],
  ],
  [
    'approved passes where approval is required',
    facts({ approval: 'approved' }),
    use({ requireApproval: true }),
    'allow',
    [],
  ],
  [
    'rejected warns without a requirement',
    facts({ approval: 'rejected' }),
    use(),
    'warn',
    ['approval.rejected'],
  ],
  [
    "the file's own past expiration warns",
    facts({ fileClaims: { expirationDate: '2026-01-01' } }),
    use(),
    'warn',
    ['claims.expired'],
  ],
];

describe('checkRights', () => {
  it.each(table)('%s', (_name, f, u, verdict, codes) => {
    const result = checkRights(f, u);
    expect(result.verdict).toBe(verdict);
    expect(result.reasons.map((r) => r.code).sort()).toEqual([...codes].sort());
    for (const r of result.reasons) expect(r.message.length).toBeGreaterThan(0);
  });

  it('reasons name the licence and the date', () => {
    const r = checkRights(facts({ licences: [licence({ endsOn: '2026-05-31' })] }), use());
    expect(r.reasons[0]?.message).toBe('licence “Shoot 2026” ended on 2026-05-31');
  });
});

describe('approvalState', () => {
  const d = (id: number, hash: string, state: 'approved' | 'rejected' | 'in-review') => ({
    id,
    hash,
    state,
  });
  it.each([
    ['no decision is a draft', [], 'h1', 'draft'],
    [
      'the newest decision for the current hash',
      [d(1, 'h1', 'rejected'), d(2, 'h1', 'approved')],
      'h1',
      'approved',
    ],
    [
      'decisions only on older content: back to review',
      [d(1, 'h0', 'approved')],
      'h1',
      'in-review',
    ],
    [
      'an older hash decided later does not count',
      [d(1, 'h1', 'approved'), d(2, 'h0', 'rejected')],
      'h1',
      'approved',
    ],
  ] as const)('%s', (_n, ds, hash, state) => {
    expect(approvalState(ds, hash)).toBe(state);
  });
});
