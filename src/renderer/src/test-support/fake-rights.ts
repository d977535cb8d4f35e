// A small in-memory rights engine for the Rights page's tests: licences and releases that
// can be listed, created, edited and deleted (args parsed by the contract, as the engine
// does), where a licence's assets went, and the takedown list. Tests read `state` to see
// what the page sent, and change it to script the engine.
import type { LicenceSummary } from '../../../shared/methods/licences-methods';
import { PackshotError } from '../../../shared/errors';
import type { Licence, Release } from '../../../shared/rights-dto';
import type { LicencedAsset, TakedownRow, UsageRow } from '../../../shared/usage-dto';
import type { FakeTransport } from './fake-transport';

export interface FakeRights {
  licences: LicenceSummary[];
  releases: (Release & { assets: number })[];
  whereUsed: Map<number, { assets: LicencedAsset[]; usages: UsageRow[] }>;
  takedowns: TakedownRow[];
}

export function makeLicence(id: number, overrides: Partial<LicenceSummary> = {}): LicenceSummary {
  return {
    id,
    name: `Licence ${id}`,
    licensor: 'Studio',
    contact: null,
    type: 'royalty-free',
    ccVariant: null,
    reference: null,
    contractPath: null,
    creditLine: null,
    creditRequired: false,
    startsOn: null,
    endsOn: '2099-01-01',
    warnDays: 30,
    territoriesMode: null,
    territories: null,
    channels: null,
    media: null,
    modificationsAllowed: true,
    createdAt: 0,
    assets: 0,
    packFiles: 0,
    status: 'active',
    ...overrides,
  };
}

export function makeUsage(assetId: number, overrides: Partial<UsageRow> = {}): UsageRow {
  return {
    assetId,
    versionHash: `hash-${assetId}`,
    channel: 'amazon',
    presetId: 'amazon-main',
    productId: 1,
    sku: 'SKU-1',
    pack: '/packs/spring',
    file: `amazon/SKU-1-${assetId}.jpg`,
    exportedAt: '2026-11-02T09:30:00.000Z',
    lastSeenAt: '2026-11-02T09:30:00.000Z',
    removedAt: null,
    ...overrides,
  };
}

export function makeTakedown(licenceId: number, overrides: Partial<TakedownRow> = {}): TakedownRow {
  return {
    licenceId,
    licence: `Licence ${licenceId}`,
    endsOn: '2026-12-10',
    ended: false,
    assetId: 1,
    channel: 'amazon',
    presetId: 'amazon-main',
    sku: 'SKU-1',
    pack: '/packs/spring',
    file: 'amazon/SKU-1-1.jpg',
    ...overrides,
  };
}

/** Serves the rights methods the Rights page calls from `state` (which it also changes). */
export function serveRights(transport: FakeTransport, seed: Partial<FakeRights> = {}): FakeRights {
  const state: FakeRights = {
    licences: [],
    releases: [],
    whereUsed: new Map(),
    takedowns: [],
    ...seed,
  };
  let nextId = 100;
  const licence = (id: number): LicenceSummary => {
    const found = state.licences.find((l) => l.id === id);
    if (!found) throw new PackshotError('not_found', `No licence ${id}`);
    return found;
  };
  transport
    .handle('licences.list', () => state.licences)
    .handle('licences.create', (args) => {
      const id = nextId++;
      state.licences = [...state.licences, makeLicence(id, args)];
      return { id };
    })
    .handle('licences.update', ({ id, ...terms }) => {
      const updated = { ...licence(id), ...terms };
      state.licences = state.licences.map((l) => (l.id === id ? updated : l));
      return updated satisfies Licence;
    })
    .handle('licences.delete', ({ id }) => {
      const before = state.licences.length;
      state.licences = state.licences.filter((l) => l.id !== id);
      return { deleted: state.licences.length < before };
    })
    .handle('releases.list', () => state.releases)
    .handle('releases.create', ({ assetIds, query, ...r }) => {
      const id = nextId++;
      const attached = assetIds?.length ?? (query === undefined ? 0 : 2);
      state.releases = [...state.releases, { ...r, id, createdAt: 0, assets: attached }];
      return { id, attached };
    })
    .handle('releases.update', ({ id, ...r }) => {
      const found = state.releases.find((x) => x.id === id);
      if (!found) throw new PackshotError('not_found', `No release ${id}`);
      const updated = { ...found, ...r };
      state.releases = state.releases.map((x) => (x.id === id ? updated : x));
      return updated;
    })
    .handle('releases.delete', ({ id }) => {
      state.releases = state.releases.filter((x) => x.id !== id);
      return { deleted: true };
    })
    .handle(
      'usages.forLicence',
      ({ licenceId }) => state.whereUsed.get(licenceId) ?? { assets: [], usages: [] },
    )
    .handle('takedowns.list', () => state.takedowns)
    .handle('takedowns.csv', () => ({
      csv: `licence_id,licence\n${state.takedowns.map((t) => `${t.licenceId},${t.licence}`).join('\n')}\n`,
      rows: state.takedowns.length,
    }))
    .handle('takedowns.writeCsv', ({ path }) => ({ path, rows: state.takedowns.length }));
  return state;
}
