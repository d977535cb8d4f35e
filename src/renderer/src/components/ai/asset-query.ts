// The narrowest search for one asset. analyses.run takes a query, not ids, and the search
// language has no id: term, so "this asset" is its folder and its name: name: is a
// substring, folder: takes subfolders too, so a few namesakes may be analysed with it.
import type { Asset } from '../../../../shared/dto';

/**
 * The language has no escape for a quote inside a phrase: a name keeps its longest
 * quote-free piece (still a substring of it, so it still finds the asset); a folder with a
 * quote is left out (wider, never wrong).
 */
export function assetQuery(asset: Pick<Asset, 'name' | 'folder'>): string {
  const piece = asset.name
    .split('"')
    .reduce((longest, part) => (part.length > longest.length ? part : longest), '');
  const name = `name:"${piece}"`;
  if (asset.folder === '' || asset.folder.includes('"')) return name;
  return `folder:"${asset.folder}" ${name}`;
}
