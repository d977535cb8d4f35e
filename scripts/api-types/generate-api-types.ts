// TypeScript types of /api/v1/ from its OpenAPI document (openapi-typescript's Node API),
// formatted as the repository formats TypeScript. `npm run api:types` writes them to
// src/shared/api-v1/generated/openapi-types.ts, a build output (git ignores it): `npm
// install` (prepare) and `npm test` (its first step) write it, so it cannot go stale.
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { buildOpenApiDocument } from '../../src/shared/api-v1/openapi-document';

export const TYPES_FILE = fileURLToPath(
  new URL('../../src/shared/api-v1/generated/openapi-types.ts', import.meta.url),
);

const HEADER = `// Generated from the OpenAPI document of /api/v1/ by \`npm run api:types\`: do not edit.
`;

export async function generateApiTypes(): Promise<string> {
  const document = buildOpenApiDocument() as unknown as OpenAPI3;
  const text = HEADER + astToString(await openapiTS(document, { alphabetize: false }));
  const config = (await resolveConfig(TYPES_FILE)) ?? {};
  return format(text, { ...config, filepath: TYPES_FILE });
}
