// The Node we declare (package.json engines.node) against what every runtime dependency in
// the lock file asks: a user on our lowest Node must get a working install. Dev tooling
// (electron, @electron/get, vite…) is apart: it runs on the developer's and CI's Node.
// semver is only a transitive package here, so the few range forms the lock file holds are
// read by a small comparator that refuses any form it does not know.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './test-support/run-cli';

type Version = [number, number, number];

function parseVersion(text: string): Version {
  const match = /^v?(\d+)(?:\.(\d+|x))?(?:\.(\d+|x))?$/.exec(text.trim());
  if (!match) throw new Error(`unknown version form: '${text}'`);
  const n = (part: string | undefined): number => (part && part !== 'x' ? Number(part) : 0);
  return [n(match[1]), n(match[2]), n(match[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** `v` against one `||` alternative: *, >=X[.Y[.Z]], ^X.Y.Z, X, X.x. */
function satisfiesOne(v: Version, range: string): boolean {
  const text = range.trim();
  if (text === '*' || text === '') return true;
  const ge = /^>=\s*(.+)$/.exec(text);
  if (ge?.[1]) return compare(v, parseVersion(ge[1])) >= 0;
  const caret = /^\^(.+)$/.exec(text);
  if (caret?.[1]) {
    const floor = parseVersion(caret[1]);
    return v[0] === floor[0] && compare(v, floor) >= 0;
  }
  const major = /^(\d+)(?:\.x)?$/.exec(text);
  if (major?.[1]) return v[0] === Number(major[1]);
  throw new Error(`unknown range form: '${text}'`);
}

export function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  return range.split('||').some((part) => satisfiesOne(v, part));
}

/** The lowest version a declared `>=X.Y[.Z]` allows. */
function floorOf(declared: string): string {
  const match = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(declared.trim());
  if (!match?.[1]) throw new Error(`engines.node should be '>=X.Y', not '${declared}'`);
  return parseVersion(match[1]).join('.');
}

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  engines?: { node?: string } | string[];
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

describe('Node engines', () => {
  it('reads the range forms it meets and refuses others', () => {
    expect(satisfies('20.19.0', '>=20.19.0')).toBe(true);
    expect(satisfies('20.18.9', '>= 20.19.0')).toBe(false);
    expect(satisfies('20.19.0', '^20.9.0')).toBe(true);
    expect(satisfies('22.12.0', '^20.9.0')).toBe(false);
    expect(satisfies('21.0.0', '20.x || 22.x')).toBe(false);
    expect(satisfies('20.19.0', '>=v12.22.7')).toBe(true);
    expect(() => satisfies('20.19.0', '~20.1')).toThrow(/unknown range form/);
  });

  it('every runtime dependency runs on the lowest Node we declare', () => {
    const floor = floorOf(pkg.engines.node);
    const runtime = Object.entries(lock.packages).filter(([path, entry]) => path && !entry.dev);
    expect(runtime.length).toBeGreaterThan(10);
    const refused = runtime
      .map(([path, entry]) => ({
        path,
        range: Array.isArray(entry.engines) ? undefined : entry.engines?.node,
      }))
      .filter((dep): dep is { path: string; range: string } => dep.range !== undefined)
      .filter((dep) => !satisfies(floor, dep.range))
      .map((dep) => `${dep.path.replace(/^node_modules\//, '')} asks ${dep.range}`);
    expect(refused, `on Node ${floor}`).toEqual([]);
  });

  it('and on the later LTS lines, but for 32-bit Windows binaries', () => {
    // sharp's win32-ia32 binary asks ^20.9.0: Node 22 and later ship no 32-bit Windows build.
    const runtime = Object.entries(lock.packages).filter(
      ([path, entry]) => path && !entry.dev && !entry.cpu?.includes('ia32'),
    );
    for (const version of ['22.12.0', '24.0.0']) {
      const refused = runtime
        .filter(([, entry]) => !Array.isArray(entry.engines) && entry.engines?.node)
        .filter(([, entry]) => !satisfies(version, (entry.engines as { node: string }).node))
        .map(([path]) => path);
      expect(refused, `on Node ${version}`).toEqual([]);
    }
  });
});
