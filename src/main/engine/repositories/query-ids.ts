import type { AssetQueryRepo } from './asset-query-repo';
import { compileQuery } from './compile-query';
import { parseQuery } from '../search/parse-query';

/** The ids of every asset a search query finds (throws invalid_argument on a bad query). */
export function queryIds(assets: AssetQueryRepo, text: string): number[] {
  const parsed = parseQuery(text);
  return assets.ids({
    filter: 'all',
    sort: 'name',
    search: parsed ? compileQuery(parsed, text) : undefined,
  });
}
