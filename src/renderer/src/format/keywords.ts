// Hierarchical keywords as paths.

/** Lightroom's "Places|Europe|Amsterdam" → "Places › Europe › Amsterdam". */
export function formatKeywordPath(hierarchical: string): string {
  return hierarchical
    .split('|')
    .map((level) => level.trim())
    .filter((level) => level !== '')
    .join(' › ');
}
