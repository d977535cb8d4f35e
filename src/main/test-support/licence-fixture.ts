import type { Licence } from '../../shared/rights-dto';

/** A licence with no limits (owned, no dates, any channel); `over` sets what a test needs. */
export const aLicence = (over: Partial<Licence> = {}): Licence => ({
  id: 1,
  name: 'Licence',
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
