// The flags of `api-keys`, `sign-url` and `serve --host --api-keys` (README "Headless API
// access"). `--file` and `--expires` are shared with `release add` (rights-flags.ts).
export const API_ACCESS_OPTIONS = {
  scopes: { type: 'string' },
  rate: { type: 'string' },
  key: { type: 'string' },
  host: { type: 'string' },
  'api-keys': { type: 'string' },
} as const;
