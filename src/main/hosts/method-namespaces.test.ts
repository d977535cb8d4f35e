// The contract's naming rule: a method is `<namespace>.<verb>`, the namespace a plural noun
// naming what it acts on, declared in methods/<namespace>-methods.ts and nowhere else.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/contract';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'methods');
const files = readdirSync(dir).filter((f) => f.endsWith('-methods.ts'));
const namespaceOf = (file: string): string =>
  file.replace(/-methods\.ts$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('method namespaces', () => {
  it('declares each namespace in the file named for it, and only there', async () => {
    const declared: string[] = [];
    for (const file of files) {
      const module = (await import(join(dir, file))) as Record<string, () => object>;
      const namespace = namespaceOf(file);
      const map = module[`${namespace}Methods`];
      expect(map, `${file} exports ${namespace}Methods`).toBeDefined();
      for (const name of Object.keys(map?.() ?? {})) {
        expect(name.split('.')[0], `${name} in ${file}`).toBe(namespace);
        declared.push(name);
      }
    }
    expect(declared.sort()).toEqual(methodNames().sort());
  });

  it('names every namespace with a plural noun and every method namespace.verb', () => {
    for (const name of methodNames()) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*s\.[a-z][a-zA-Z]*$/);
    }
  });
});
