// The committed client types cannot go stale: they must equal a fresh generation from the
// document (run `npm run api:types` after changing a schema or a route).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, TYPES_FILE } from '../../../../../scripts/api-types/generate-api-types';
import { API_ROUTES } from '../../../../shared/api-v1/api-routes';
import { buildOpenApiDocument } from '../../../../shared/api-v1/openapi-document';

describe('openapi-types.ts', () => {
  it('equals a fresh generation from the document', async () => {
    const committed = await readFile(TYPES_FILE, 'utf8');
    expect(committed === (await generateApiTypes()), 'run `npm run api:types`').toBe(true);
  });

  it('names every operation of the route table', async () => {
    const committed = await readFile(TYPES_FILE, 'utf8');
    for (const route of API_ROUTES) expect(committed).toContain(`${route.operationId}: {`);
  });
});

describe('the document', () => {
  it('has a parameter for every path placeholder, and only $refs to components it has', () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<string, { get: { parameters: { name?: string; in?: string }[] } }>;
      components: { schemas: Record<string, unknown> };
    };
    for (const [path, item] of Object.entries(doc.paths)) {
      const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const inPath = item.get.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      expect(inPath, path).toEqual(placeholders);
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, name] of refs) expect(doc.components.schemas, name).toHaveProperty(name!);
  });
});
