// `npm run api:types`: writes src/shared/api-v1/generated/openapi-types.ts from the OpenAPI
// document. The generator is TypeScript; vite's runner loads it (Node 20 runs no .ts).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runnerImport } from 'vite';

const { module } = await runnerImport(
  new URL('./generate-api-types.ts', import.meta.url).pathname,
  { configFile: false, logLevel: 'error' },
);
await mkdir(dirname(module.TYPES_FILE), { recursive: true });
await writeFile(module.TYPES_FILE, await module.generateApiTypes());
console.log(`wrote ${module.TYPES_FILE}`);
