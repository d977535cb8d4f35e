// What a drag inside Packshot carries, on native HTML5 drag-and-drop (the same mechanism
// that brings OS files in): asset ids from the grid or the asset strip, or one link being
// moved on a product's board. Payloads are read back defensively: a drop can come from
// anywhere, including another app that made up our type.

/** A JSON array of asset ids. */
export const ASSET_MIME = 'application/x-packshot-assets';
/** A JSON {productId, assetId}: a link dragged within (or between slots of) a board. */
export const LINK_MIME = 'application/x-packshot-link';

const MAX_IDS = 10_000;

export interface DraggedLink {
  productId: number;
  assetId: number;
}

/** What was dropped, as far as a product cares. */
export type DropPayload =
  | { kind: 'link'; link: DraggedLink }
  | { kind: 'assets'; ids: number[] }
  | { kind: 'files'; files: File[] }
  | { kind: 'none' };

export function writeAssetDrag(data: DataTransfer, ids: readonly number[], label: string): void {
  data.setData(ASSET_MIME, JSON.stringify(ids));
  // Other apps get something readable.
  data.setData('text/plain', label);
  data.effectAllowed = 'copyMove';
}

export function writeLinkDrag(data: DataTransfer, link: DraggedLink, label: string): void {
  data.setData(LINK_MIME, JSON.stringify(link));
  // Dropped on another product (list row), it links the asset there too.
  data.setData(ASSET_MIME, JSON.stringify([link.assetId]));
  data.setData('text/plain', label);
  data.effectAllowed = 'copyMove';
}

/**
 * Whether a drag in progress is one a product takes. During dragover only the types can be
 * read (the data is protected until the drop), so this looks at types alone.
 */
export function carriesDroppable(data: DataTransfer, withFiles: boolean): boolean {
  const types = [...data.types];
  return (
    types.includes(ASSET_MIME) ||
    types.includes(LINK_MIME) ||
    (withFiles && types.includes('Files'))
  );
}

export function readDrop(data: DataTransfer): DropPayload {
  const link = parseLink(data.getData(LINK_MIME));
  if (link !== null) return { kind: 'link', link };
  const ids = parseIds(data.getData(ASSET_MIME));
  if (ids !== null) return { kind: 'assets', ids };
  const files = [...data.files];
  if (files.length > 0) return { kind: 'files', files };
  return { kind: 'none' };
}

/** Dragging a selected asset drags the whole selection; any other drags alone. */
export function dragIdsFor(draggedId: number, selectedIds: readonly number[]): number[] {
  return selectedIds.includes(draggedId) ? [...selectedIds] : [draggedId];
}

export function parseIds(text: string): number[] | null {
  const value = parseJson(text);
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_IDS) return null;
  if (!value.every(isId)) return null;
  return [...new Set(value)];
}

function parseLink(text: string): DraggedLink | null {
  const value = parseJson(text);
  if (typeof value !== 'object' || value === null) return null;
  const { productId, assetId } = value as Record<string, unknown>;
  return isId(productId) && isId(assetId) ? { productId, assetId } : null;
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
