// What the culling keys and buttons do, on the stores: edits on the frame under focus in the
// compare view, else on the selection; auto-advance; select all; compare.
import type { ColorLabel } from '../../../../shared/dto';
import type { AppServices } from '../../app-context';
import { assetAt, locateAsset } from '../../store/asset-pages';
import { focusedId } from '../../store/compare-store';
import type { CullChange } from '../../store/edits-store';
import { selectionTarget, type EditTarget } from '../../store/selection-target';

/**
 * The compare view's focused frame, else the selection; null when there is nothing, or
 * when the selection could not be resolved (reported to the user).
 */
export async function cullingTarget({ client, stores }: AppServices): Promise<EditTarget | null> {
  const compared = focusedId(stores.compare.getState());
  if (compared !== null) return { kind: 'ids', ids: [compared] };
  try {
    return await selectionTarget(
      client,
      stores.selection.getState(),
      stores.assets.getState().view,
    );
  } catch (cause) {
    stores.notices.getState().report('Could not read the selection', cause);
    return null;
  }
}

/** Rates or flags the target as one undoable step, advancing first if the user wants it. */
export async function cull(services: AppServices, change: CullChange): Promise<void> {
  const target = await cullingTarget(services);
  if (target === null) return;
  if (services.stores.prefs.getState().autoAdvance) advance(services);
  await services.stores.edits.getState().cull(target, change);
}

/** Sets a colour label, or clears it when the focused frame has it already (as Lightroom). */
export async function toggleLabel(services: AppServices, label: ColorLabel): Promise<void> {
  const current = focusedAsset(services)?.label ?? null;
  await cull(services, { label: current === label ? null : label });
}

/** Moves to the next frame: in the compare view, its focus; in the grid, a lone selection. */
export function advance({ stores }: AppServices): void {
  const compare = stores.compare.getState();
  if (compare.open) {
    compare.move(1);
    return;
  }
  const selection = stores.selection.getState();
  if (selection.all || selection.ids.size > 1 || selection.index === null) return;
  const { pages, total } = stores.assets.getState();
  const here =
    selection.id !== null
      ? (locateAsset(pages, selection.id, selection.index)?.index ?? selection.index)
      : selection.index;
  const next = here + 1;
  if (total === null || next >= total) return;
  selection.select(next, assetAt(pages, next)?.id ?? null);
}

/** Opens the compare view on the selected frames (at least two, listed by id). */
export function compareSelection({ stores }: AppServices): boolean {
  const selection = stores.selection.getState();
  if (selection.all) return false;
  // The focused frame first, the rest in the order they were picked.
  const ids = [...selection.ids];
  if (selection.id !== null && ids.includes(selection.id)) {
    ids.splice(ids.indexOf(selection.id), 1);
    ids.unshift(selection.id);
  }
  return stores.compare.getState().show(ids);
}

function focusedAsset({ stores }: AppServices) {
  const id = focusedId(stores.compare.getState()) ?? stores.selection.getState().id;
  if (id === null) return undefined;
  return locateAsset(stores.assets.getState().pages, id, null)?.asset;
}

/** Tags the selection (or the compare view's frame) with a path, as one undoable step. */
export async function tagSelection(services: AppServices, path: string): Promise<void> {
  const target = await cullingTarget(services);
  if (target !== null) await services.stores.edits.getState().tag(target, path);
}

/** Takes a keyword off the selection (or the compare view's frame), as one undoable step. */
export async function untagSelection(
  services: AppServices,
  tag: { id: number; path: string },
): Promise<void> {
  const target = await cullingTarget(services);
  if (target !== null) await services.stores.edits.getState().untag(target, tag);
}
