// Which assets a rights edit from the preview acts on: the whole selection (ids, or the
// list's query for "select all"). Rights methods refuse an empty query (too easy to send
// by mistake), so "all of an unfiltered library" is listed id by id.
import type { AppServices } from '../../../app-context';
import { listArgs } from '../../../store/asset-view';
import { MAX_EDIT_IDS, selectionTarget } from '../../../store/selection-target';

export type RightsTarget = { assetIds: number[] } | { query: string };

export async function rightsTarget({ client, stores }: AppServices): Promise<RightsTarget | null> {
  const view = stores.assets.getState().view;
  const target = await selectionTarget(client, stores.selection.getState(), view);
  if (target === null) return null;
  if (target.kind === 'ids') return { assetIds: target.ids };
  if (target.query.trim() !== '') return { query: target.query };
  const ids: number[] = [];
  for (let offset = 0; offset < MAX_EDIT_IDS; offset += 5000) {
    const page = await client.call('assets.list', listArgs(view, offset, 5000));
    ids.push(...page.items.map((a) => a.id));
    if (offset + 5000 >= page.total) break;
  }
  return ids.length > 0 ? { assetIds: ids } : null;
}

/** How many assets the selection holds, for the "applies to N" line; null: one. */
export function selectionCount({ stores }: AppServices): number | null {
  const s = stores.selection.getState();
  if (s.all) return stores.assets.getState().total;
  return s.ids.size > 1 ? s.ids.size : null;
}
