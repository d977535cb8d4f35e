import { describe, expect, it } from 'vitest';
import { altText, creditLine, licenceEnd } from './media-text';
import type { Licence } from './rights-dto';

const licence = (over: Partial<Licence>): Licence => ({
  id: 1,
  name: 'L',
  licensor: null,
  contact: null,
  type: 'owned',
  ccVariant: null,
  reference: null,
  contractPath: null,
  creditLine: null,
  creditRequired: false,
  startsOn: null,
  endsOn: null,
  warnDays: 30,
  territoriesMode: null,
  territories: null,
  channels: null,
  media: null,
  modificationsAllowed: true,
  createdAt: 0,
  ...over,
});

describe('media text', () => {
  it('prefers the description, then the title, then product and role', () => {
    expect(altText({ description: ' Red boot ', title: 'T' }, 'Boot', 'B-1', 'main', 0)).toBe(
      'Red boot',
    );
    expect(altText({ description: '', title: 'Side view' }, 'Boot', 'B-1', 'main', 0)).toBe(
      'Side view',
    );
    expect(altText({}, 'Trail boot', 'B-1', 'gallery', 2)).toBe('Trail boot, image 3');
    expect(altText({}, null, 'B-1', 'main', 0)).toBe('B-1, main image');
  });

  it('joins credit lines, required first, once each', () => {
    expect(creditLine([])).toBeNull();
    const lines = creditLine([
      licence({ creditLine: 'Photo: A' }),
      licence({ creditLine: 'Art: B', creditRequired: true }),
      licence({ creditLine: 'Photo: A' }),
    ]);
    expect(lines).toBe('Art: B; Photo: A');
  });

  it('gives the earliest licence end', () => {
    expect(
      licenceEnd([
        licence({}),
        licence({ endsOn: '2027-03-01' }),
        licence({ endsOn: '2026-12-31' }),
      ]),
    ).toBe('2026-12-31');
    expect(licenceEnd([licence({})])).toBeNull();
  });
});
