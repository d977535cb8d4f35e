// What each method's argument schema accepts, as plain data: its JSON Schema (input side)
// and what it answers to a few probe arguments, and a digest of that per method.
// hosts/lazy-methods.test.ts compares the digests with a file snapshot first taken from the
// eager schemas (4e7a46c) the lazy map replaced; a deliberate schema change updates it (-u).
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Arguments every schema is asked about: empty, the common fields, wrong types. */
const PROBES: unknown[] = [
  undefined,
  {},
  { id: 1 },
  { id: '1' },
  { id: 1, extra: true },
  { ids: [1, 2] },
  { assetIds: [1] },
  { query: 'red' },
  { limit: 5, offset: 0 },
  { path: '/tmp/x' },
  { name: ' Name ' },
  { catalogId: 1, folder: 'a' },
  [],
  'text',
];

export function dumpSchemas(specs: Record<string, { args: z.ZodType }>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(specs).sort()) {
    const args = (specs[name] as { args: z.ZodType }).args;
    const probes = PROBES.map((probe) => {
      const r = args.safeParse(probe ?? {});
      return r.success ? { ok: r.data } : { issues: r.error.issues.map((i) => i.message) };
    });
    let json: unknown;
    try {
      json = z.toJSONSchema(args, { io: 'input', unrepresentable: 'any' });
    } catch (error) {
      json = `not representable: ${error instanceof Error ? error.message : String(error)}`;
    }
    out[name] = { json, probes };
  }
  return out;
}

/** Method name → sha256 of its dump (a snapshot file small enough to keep). */
export function schemaDigests(specs: Record<string, { args: z.ZodType }>): Record<string, string> {
  const dump = dumpSchemas(specs);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(dump))
    out[name] = createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
  return out;
}
