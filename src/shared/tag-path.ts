/** Levels of a tag path: 'Product | Shoes|Sneakers' → ['Product', 'Shoes', 'Sneakers']. */
export function splitTagPath(path: string): string[] {
  return path
    .split('|')
    .map((level) => level.trim().replace(/\s+/g, ' '))
    .filter((level) => level !== '');
}

/**
 * The tags a file's own keywords stand for. Lightroom writes every level of a hierarchical
 * keyword into dc:subject as a flat word too; those are not tags of their own.
 */
export function fileTagPaths(flat: readonly string[], hierarchical: readonly string[]): string[] {
  const levels = new Set(hierarchical.flatMap((h) => splitTagPath(h).map((l) => l.toLowerCase())));
  const paths = hierarchical.map((h) => splitTagPath(h).join('|')).filter((p) => p !== '');
  for (const word of flat) {
    const name = splitTagPath(word).join('|');
    if (name !== '' && !levels.has(name.toLowerCase())) paths.push(name);
  }
  return [...new Set(paths)];
}

/**
 * A keyword list as Lightroom exports it: one keyword per line, children indented by tabs
 * under their parent. [Bracketed] names are categories; {braced} lines are synonyms (kept
 * as they are). Returns full paths.
 */
export function parseKeywordList(text: string): string[] {
  const stack: string[] = [];
  const paths: string[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (raw.trim() === '') continue;
    const depth = /^\t*/.exec(raw)?.[0].length ?? 0;
    const name = raw.trim().replace(/^\[(.*)\]$/, '$1');
    if (name.startsWith('{') && name.endsWith('}')) continue; // synonym of the line above
    stack.length = Math.min(depth, stack.length);
    stack.push(name);
    paths.push(stack.join('|'));
  }
  return paths;
}
