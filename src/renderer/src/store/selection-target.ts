// What an edit acts on: the selected ids, or (for "select all" of a list the search language
// can describe) the query itself, so 100,000 assets cost one call and no id list. A list the
// language cannot describe (a catalog, folder, filter or format choice) is listed id by id.
import { PackshotError } from '../../../shared/errors';
import type { Client } from '../client';
import { listArgs, viewAsQuery, type AssetsView } from './asset-view';
import type { SelectionState } from './selection-store';

export type EditTarget = { kind: 'ids'; ids: number[] } | { kind: 'query'; query: string };

/** The assets.list page size used to collect ids (the contract's maximum). */
const ID_PAGE = 5000;
/** The contract's limit on ids per edit. */
export const MAX_EDIT_IDS = 200_000;

/** Null when nothing is selected. */
export async function selectionTarget(
  client: Client,
  selection: Pick<SelectionState, 'all' | 'ids' | 'id'>,
  view: AssetsView,
): Promise<EditTarget | null> {
  if (!selection.all) {
    const ids =
      selection.ids.size > 0 ? [...selection.ids] : selection.id !== null ? [selection.id] : [];
    return ids.length > 0 ? { kind: 'ids', ids } : null;
  }
  const query = viewAsQuery(view);
  if (query !== null) return { kind: 'query', query };
  const ids: number[] = [];
  for (let offset = 0; ; offset += ID_PAGE) {
    const page = await client.call('assets.list', listArgs(view, offset, ID_PAGE));
    if (page.total > MAX_EDIT_IDS) {
      throw new PackshotError(
        'invalid_argument',
        `${page.total} assets are more than one edit takes (${MAX_EDIT_IDS}); narrow the list first`,
      );
    }
    for (const asset of page.items) ids.push(asset.id);
    if (offset + ID_PAGE >= page.total) break;
  }
  return ids.length > 0 ? { kind: 'ids', ids } : null;
}
