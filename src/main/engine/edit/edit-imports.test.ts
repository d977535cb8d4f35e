// The edit log knows no domain: nothing edit/ imports, directly or through the files it
// imports inside the engine, lives in a domain folder. Domains register their undo kinds.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(__dirname, '..');
/** Folders below the domains: the log may use them. */
const ALLOWED = new Set(['edit', 'db', 'repositories']);

/** Relative import specifiers of a TypeScript source (static, type-only and dynamic). */
function importsOf(source: string): string[] {
  const found = source.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g);
  return [...found].map((m) => m[1] ?? '');
}

function resolveSource(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  return base.endsWith('.ts') ? base : `${base}.ts`;
}

/** Every engine file reachable from `start` through relative imports. */
function reachable(start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file) || !file.startsWith(ENGINE)) continue;
    seen.add(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) queue.push(resolveSource(file, spec));
  }
  return seen;
}

describe('edit/ imports', () => {
  it('finds static, type-only and dynamic imports (so the check below can fail)', () => {
    const sample = `import { a } from '../repositories/tag-repo';\nimport type { B } from "./b";\nconst c = await import('../products/x');`;
    expect(importsOf(sample)).toEqual(['../tags/tag-repo', './b', '../products/x']);
  });

  it('reaches no domain folder', () => {
    const dir = join(ENGINE, 'edit');
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => join(dir, f));
    const files = [...reachable(sources)].map((f) => relative(ENGINE, f));
    expect(files).toContain('repositories/edit-step-repo.ts');
    const domains = files.filter((f) => !ALLOWED.has(f.split('/')[0] ?? ''));
    expect(domains).toEqual([]);
  });
});
