// The client types are a build output (src/shared/api-v1/generated/, written by `npm install`
// and by `npm test` first): what the generator makes from the document must name every
// operation and every component, so a client can type each call and answer.
import { describe, expect, it } from 'vitest';
import { generateApiTypes } from '../../../../../scripts/api-types/generate-api-types';
import { API_ROUTES } from '../../../../shared/api-v1/api-routes';
import { buildOpenApiDocument } from '../../../../shared/api-v1/openapi-document';

describe('the generated client types', () => {
  it('name every operation of the route table and every component', async () => {
    const types = await generateApiTypes();
    for (const route of API_ROUTES) expect(types).toContain(`${route.operationId}: {`);
    const { components } = buildOpenApiDocument() as { components: { schemas: object } };
    for (const name of Object.keys(components.schemas)) expect(types).toContain(`${name}: {`);
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
