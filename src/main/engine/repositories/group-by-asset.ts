/** Rows of (asset, thing) as each asset's things, in row order; assets without any are absent. */
export function groupByAsset<R extends { asset_id: number }, T>(
  rows: readonly R[],
  to: (row: R) => T,
): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const held = out.get(r.asset_id);
    if (held) held.push(to(r));
    else out.set(r.asset_id, [to(r)]);
  }
  return out;
}
