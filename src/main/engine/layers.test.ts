// The engine's layering, checked apart from lint: the table in eslint/engine-layers.json
// lets each folder import only folders below it (so it can hold no cycle), every folder
// has its place, and the real import graph between folders has no cycle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engine = dirname(fileURLToPath(import.meta.url));
const repo = resolve(engine, '..', '..', '..');
const table = JSON.parse(readFileSync(join(repo, 'eslint', 'engine-layers.json'), 'utf8')) as {
  order: string[];
  imports: Record<string, string[]>;
};

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

const folderOf = (file: string): string | null => {
  const rel = relative(engine, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  return parts.length === 1 ? '' : (parts[0] ?? null);
};

/** folder → folders it imports, from every non-test source file's relative imports. */
function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(engine)) {
    const from = folderOf(file);
    if (!from) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)) {
      const to = folderOf(resolve(dirname(file), m[1] ?? ''));
      if (to === null || to === '' || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
    }
  }
  return graph;
}

describe('engine layers', () => {
  it('lets each folder import only folders below it', () => {
    for (const [folder, allowed] of Object.entries(table.imports)) {
      const rank = table.order.indexOf(folder);
      expect(rank, `${folder} is not in the order`).toBeGreaterThanOrEqual(0);
      for (const below of allowed)
        expect(table.order.indexOf(below), `${folder} → ${below}`).toBeGreaterThan(rank);
    }
  });

  it('gives every engine folder its place', () => {
    const folders = readdirSync(engine).filter((n) => statSync(join(engine, n)).isDirectory());
    expect(folders.filter((f) => !(f in table.imports))).toEqual([]);
  });

  it('has no cycle between folders in the real imports', () => {
    const graph = importGraph();
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (node: string, path: string[]): void => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('follows the table in the real imports', () => {
    const broken: string[] = [];
    for (const [from, targets] of importGraph())
      for (const to of targets)
        if (!(table.imports[from] ?? []).includes(to)) broken.push(`${from} → ${to}`);
    expect(broken).toEqual([]);
  });
});
