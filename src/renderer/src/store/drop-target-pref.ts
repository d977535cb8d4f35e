// Where files dropped from the OS go: the catalog and folder chosen last time, remembered in
// the page's storage so the next drop asks with the same answer ready.
import type { PrefsStorage } from './prefs-store';

const KEY = 'packshot.dropTarget';

export interface DropTargetPref {
  catalogId: number;
  /** Relative to the catalog; '' is its root. */
  folder: string;
}

export function readDropTarget(storage: PrefsStorage | null): DropTargetPref | null {
  try {
    const value = JSON.parse(storage?.getItem(KEY) ?? 'null') as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { catalogId, folder } = value as Record<string, unknown>;
    if (typeof catalogId !== 'number' || typeof folder !== 'string') return null;
    return { catalogId, folder };
  } catch {
    return null;
  }
}

export function writeDropTarget(storage: PrefsStorage | null, pref: DropTargetPref): void {
  try {
    storage?.setItem(KEY, JSON.stringify(pref));
  } catch {
    // Asked again next time.
  }
}
