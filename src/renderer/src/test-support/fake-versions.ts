// Versions as the engine lists them, for the fake engine and the versions tests.
import type { Asset, AssetVersion } from '../../../shared/dto';
import type { VersionEntry, VersionList } from '../../../shared/version-dto';

export function makeVersion(n: number, overrides: Partial<VersionEntry> = {}): VersionEntry {
  return {
    n,
    hash: String(n)
      .repeat(64)
      .slice(0, 64)
      .replace(/[^0-9a-f]/g, 'a'),
    bytes: 1000 * n,
    width: 800,
    height: 600,
    recordedAt: `2026-0${Math.min(n, 9)}-01T10:00:00Z`,
    thumbnail: true,
    preview: false,
    restorable: false,
    kept: null,
    current: false,
    ...overrides,
  };
}

/** The detail's history as versions.list answers: the last one is current, none kept. */
export function versionListOf(asset: Asset, history: readonly AssetVersion[]): VersionList {
  return {
    id: asset.id,
    path: asset.path,
    clones: false,
    versions: history.map((v, i) =>
      makeVersion(i + 1, { ...v, current: i === history.length - 1 }),
    ),
  };
}
