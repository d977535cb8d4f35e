// Where a drop lands in a slot's ordered list, and what links.move needs to put it there.

/** Insertion index when dropping on the tile at `tileIndex`: before it, or after on its right half. */
export function insertionIndex(tileIndex: number, afterTile: boolean): number {
  return afterTile ? tileIndex + 1 : tileIndex;
}

/**
 * links.move takes the final position. A link moving later within its own slot leaves a gap
 * behind it, so the insertion index shifts down by one; from another slot it does not.
 */
export function movePosition(from: number | null, insertAt: number): number {
  return from !== null && from < insertAt ? insertAt - 1 : insertAt;
}

/** Whether the pointer is over the right half of a tile (drops after it). */
export function isRightHalf(clientX: number, rect: { left: number; width: number }): boolean {
  return clientX > rect.left + rect.width / 2;
}
