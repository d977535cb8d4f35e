// The contract's method schemas, built per namespace on first use: a lookup builds its own
// namespace only, and every method's schema accepts and refuses what the eager schemas it
// replaced did (digests of each one's JSON Schema and its answers to probe arguments, first
// taken from the eager map at 4e7a46c; a deliberate schema change updates them with -u).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { allMethods, isMethodName, methodNames, methodSpec } from '../../shared/contract';
import type { LazyMethods } from '../../shared/methods/lazy-methods';
import { schemaDigests } from '../test-support/method-schemas-dump';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'methods');

describe('lazy method schemas', () => {
  it('builds nothing on import, and one namespace per lookup', async () => {
    vi.resetModules();
    const fresh = await import('../../shared/contract');
    const files = readdirSync(dir).filter((f) => f.endsWith('-methods.ts'));
    const maps = await Promise.all(
      files.map(async (file) => {
        const module = (await import(join(dir, file))) as Record<string, LazyMethods<object>>;
        return Object.entries(module).find(([name]) => name.endsWith('Methods'))?.[1];
      }),
    );
    const built = (): number => maps.filter((m) => m?.built === true).length;
    expect(maps.length).toBeGreaterThan(30);
    expect(built()).toBe(0);
    expect(fresh.methodSpec('presets.list').args.safeParse({}).success).toBe(true);
    expect(built()).toBe(1);
    expect(fresh.isMethodName('nope.list')).toBe(false);
    expect(fresh.isMethodName('toString')).toBe(false);
    expect(built()).toBe(1);
    expect(fresh.isMethodName('jobs.nope')).toBe(false); // looked up in jobs: built
    expect(built()).toBe(2);
  });

  it('hands every method the schema the full map has, and knows no other names', () => {
    const all = allMethods();
    for (const name of methodNames()) {
      expect(isMethodName(name), name).toBe(true);
      expect(methodSpec(name).args, name).toBe(all[name].args);
    }
    for (const name of ['assets.toString', 'assets.__proto__', '__proto__.x', 'constructor', ''])
      expect(isMethodName(name), name).toBe(false);
  });

  it('validates every method as the eager schemas did', async () => {
    const digests = schemaDigests(allMethods());
    expect(Object.keys(digests)).toHaveLength(methodNames().length);
    await expect(`${JSON.stringify(digests, null, 2)}\n`).toMatchFileSnapshot(
      './method-schemas.snapshot.json',
    );
  });
});
