// The assets an audit row names: its subject when that is an asset, and the ids its
// before/after hold under `assetId`, or in an array under `assetIds`, `attached` or
// `detached`. The same rule as migration 20's backfill (db/audit-assets-schema.ts): keep
// the two in step.
const ID_LISTS = new Set(['assetIds', 'attached', 'detached']);

export function namedAssets(
  subject: { kind: string; id: string | number },
  before: unknown,
  after: unknown,
): Set<number> {
  const ids = new Set<number>();
  if (subject.kind === 'asset') {
    const id = Number(subject.id);
    if (Number.isSafeInteger(id)) ids.add(id);
  }
  walk(before, ids);
  walk(after, ids);
  return ids;
}

function walk(value: unknown, ids: Set<number>): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) walk(v, ids);
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'assetId' && Number.isSafeInteger(v)) ids.add(v as number);
    else if (ID_LISTS.has(key) && Array.isArray(v))
      for (const id of v) if (Number.isSafeInteger(id)) ids.add(id as number);
    walk(v, ids);
  }
}
