// GET /assets, /assets/{id}, /collections, /collections/{id}/assets.
import type { PageQuery } from '../../../../shared/api-v1/api-params';
import type { Engine } from '../../../engine';
import { invoke } from '../../dispatch';
import { ApiFailure, requireAllowed } from './channel-rights';
import { publicAsset, publicAssetSummary, publicCollection } from './public-assets';

export async function searchAssets(
  engine: Engine,
  q: PageQuery & { q?: string },
): Promise<unknown> {
  const page = await invoke(engine.handlers, 'assets.list', {
    query: q.q?.trim() ? q.q : undefined,
    offset: q.offset,
    limit: q.limit,
    keywords: false,
  });
  return {
    total: page.total,
    offset: q.offset,
    limit: q.limit,
    items: page.items.map(publicAssetSummary),
  };
}

export async function getAsset(
  engine: Engine,
  id: number,
  channel: string | undefined,
): Promise<unknown> {
  // First the asset (404 for an unknown id), then the rights (451 before any fact leaves).
  const asset = await invoke(engine.handlers, 'assets.get', { id });
  const rights = await requireAllowed(engine, id, channel);
  const { versions } = await invoke(engine.handlers, 'versions.list', { id });
  return publicAsset(asset, versions, rights);
}

export async function listCollections(engine: Engine): Promise<unknown> {
  const all = await invoke(engine.handlers, 'collections.list', {});
  return { items: all.map(publicCollection) };
}

export async function listCollectionAssets(
  engine: Engine,
  id: number,
  q: PageQuery,
): Promise<unknown> {
  const all = await invoke(engine.handlers, 'collections.list', {});
  if (!all.some((c) => c.id === id)) throw new ApiFailure(404, 'not_found', `No collection ${id}`);
  const page = await invoke(engine.handlers, 'assets.list', {
    collectionId: id,
    offset: q.offset,
    limit: q.limit,
    keywords: false,
  });
  return {
    total: page.total,
    offset: q.offset,
    limit: q.limit,
    items: page.items.map(publicAssetSummary),
  };
}
