import type { AssetQueryRepo } from './asset-query-repo';
import { assetSearch } from './search-query';

/** The ids of every asset a search query finds (throws invalid_argument on a bad query). */
export function queryIds(assets: AssetQueryRepo, text: string): number[] {
  return assets.ids({ filter: 'all', sort: 'name', search: assetSearch(text) });
}
