// What the Electron host hands to webContents.startDrag when the page asks to drag an asset
// out of the window. The page names an asset id, never a path: the file is the one the
// engine has registered for that id, and only while it is on disk.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { MediaKind } from '../../../shared/bridge';
import type { Handlers } from '../../../shared/contract';
import type { AssetState } from '../../../shared/dto';
import { invoke } from '../dispatch';

const assetId = z.number().int().positive();

/** Missing and offline assets have no file to hand over. */
const ON_DISK: ReadonlySet<AssetState> = new Set(['ok', 'pending', 'error']);

export interface DragItem {
  /** The asset's original file. */
  file: string;
  /** Its cached thumbnail, for the drag image; null when none is rendered yet. */
  icon: string | null;
}

export interface DragSource {
  readonly handlers: Handlers;
  resolveMedia(kind: MediaKind, hash: string): string | null;
}

/** The file to drag for `rawAssetId`, or null when the id is invalid or has no file on disk. */
export async function resolveDragItem(
  engine: DragSource,
  rawAssetId: unknown,
): Promise<DragItem | null> {
  const parsed = assetId.safeParse(rawAssetId);
  if (!parsed.success) return null;
  let asset;
  try {
    // Through the validating edge, like every other call from the page.
    asset = await invoke(engine.handlers, 'assets.get', { id: parsed.data });
  } catch {
    return null;
  }
  if (!ON_DISK.has(asset.state) || !existsSync(asset.path)) return null;
  const icon = asset.hash !== null ? engine.resolveMedia('thumb', asset.hash) : null;
  return { file: asset.path, icon };
}
