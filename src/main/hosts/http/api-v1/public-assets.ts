// Internal asset DTOs → the API's public asset shapes (src/shared/api-v1/asset-schemas.ts).
import type { z } from 'zod';
import type {
  assetDetailSchema,
  assetSummarySchema,
  assetVersionSchema,
  collectionSchema,
  mediaFactsSchema,
} from '../../../../shared/api-v1/asset-schemas';
import type { Asset, AssetDetail } from '../../../../shared/dto';
import type { Collection } from '../../../../shared/collection-dto';
import type { MediaFacts } from '../../../../shared/media-facts';
import type { VersionEntry } from '../../../../shared/version-dto';
import { contentVersionOf, mimeOf } from './media-types';

export type PublicAssetSummary = z.infer<typeof assetSummarySchema>;
export type PublicAsset = z.infer<typeof assetDetailSchema>;

/** Dates the engine keeps in any ISO-like form, as the API promises them: UTC ISO 8601. */
export function isoDate(value: string | number): string {
  const d = new Date(
    typeof value === 'string' && /^\d{4}-\d\d-\d\d \d/.test(value)
      ? `${value.replace(' ', 'T')}Z`
      : value,
  );
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}

const positive = (n: number | null): number | null => (n !== null && n > 0 ? Math.round(n) : null);

export function publicAssetSummary(a: Asset): PublicAssetSummary {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    format: a.format,
    mime: mimeOf(a.name, a.format, a.kind),
    width: positive(a.displayWidth ?? a.width),
    height: positive(a.displayHeight ?? a.height),
    bytes: a.bytes,
    contentVersion: contentVersionOf(a.hash),
    state: a.state,
    capturedAt: a.capturedAt,
    addedAt: isoDate(a.addedAt),
    rating: a.rating,
    placeholder: a.placeholder,
  };
}

function publicFacts(f: MediaFacts): z.infer<typeof mediaFactsSchema> {
  const { detail: _detail, ...searched } = f;
  return searched;
}

function publicVersion(v: VersionEntry): z.infer<typeof assetVersionSchema> {
  return {
    n: v.n,
    contentVersion: contentVersionOf(v.hash) ?? '0'.repeat(16),
    bytes: v.bytes,
    width: positive(v.width),
    height: positive(v.height),
    recordedAt: isoDate(v.recordedAt),
    current: v.current,
  };
}

export function publicAsset(
  a: AssetDetail,
  versions: readonly VersionEntry[],
  rights: PublicAsset['rights'],
): PublicAsset {
  return {
    ...publicAssetSummary(a),
    title: a.metadata?.title ?? null,
    description: a.metadata?.description ?? null,
    keywords: a.keywords,
    facts: a.facts ? publicFacts(a.facts) : null,
    versions: versions.map(publicVersion),
    rights,
  };
}

export function publicCollection(c: Collection): z.infer<typeof collectionSchema> {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    query: c.query,
    count: c.count,
    createdAt: isoDate(c.createdAt),
  };
}
