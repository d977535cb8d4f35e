// `npm run api:types`: regenerates src/shared/api-v1/openapi-types.ts from the OpenAPI
// document. The generator is TypeScript; vite's runner loads it (Node 20 runs no .ts).
import { writeFile } from 'node:fs/promises';
import { runnerImport } from 'vite';

const { module } = await runnerImport(
  new URL('./generate-api-types.ts', import.meta.url).pathname,
  { configFile: false, logLevel: 'error' },
);
await writeFile(module.TYPES_FILE, await module.generateApiTypes());
console.log(`wrote ${module.TYPES_FILE}`);
