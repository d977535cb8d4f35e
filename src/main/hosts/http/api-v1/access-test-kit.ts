// Test support for the access tests: a real engine, a keys file, a bridge in LAN mode on a
// clock the test moves, and raw HTTP requests with any Host, Origin or source address.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../../engine';
import { tempDir } from '../../../test-support/sample-images';
import { startBridge, type Bridge } from '../bridge-server';
import { loadKeyStore } from './key-store';
import {
  emptyKeysFile,
  newApiKey,
  writeKeysFile,
  type ApiKeyEntry,
  type KeysFile,
} from './keys-file';
import type { Rate } from './rate-limit';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** `error.code` of an API error body, when there is one. */
  code: string | undefined;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Connect to this address (default 127.0.0.1). */
  address?: string;
  localAddress?: string;
}

export function send(port: number, path: string, options: SendOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
        localAddress: options.localAddress,
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          let code: string | undefined;
          try {
            code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
          } catch {
            code = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, code });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Authorised: past the access check (no 401, 403 or 429). */
export function admitted(reply: Reply): boolean {
  return ![401, 403, 429].includes(reply.status);
}

export interface KitKey {
  id: string;
  scopes: ApiKeyEntry['scopes'];
  rate?: Rate;
}

export interface AccessKit {
  engine: Engine;
  rendererDir: string;
  keysPath: string;
  tokens: Record<string, string>;
  file: KeysFile;
  clock: { ms: number };
  close(): Promise<void>;
}

export async function startKit(keys: readonly KitKey[]): Promise<AccessKit> {
  const dataDir = await tempDir('access-data');
  const rendererDir = await tempDir('access-ui');
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Packshot</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("ui")');
  const keysPath = join(dataDir, 'api-keys.json');
  const tokens: Record<string, string> = {};
  const file = emptyKeysFile();
  for (const key of keys) {
    const made = newApiKey(key.id);
    tokens[key.id] = made.token;
    file.keys.push({
      id: key.id,
      sha256: made.sha256,
      scopes: key.scopes,
      ...(key.rate ? { rate: key.rate } : {}),
      created: '2026-12-05T00:00:00.000Z',
    });
  }
  await writeKeysFile(keysPath, file);
  const engine = createEngine({ dataDir, concurrency: 1 });
  return {
    engine,
    rendererDir,
    keysPath,
    tokens,
    file,
    clock: { ms: Date.parse('2026-12-05T06:00:00Z') },
    async close() {
      await engine.close();
      for (const dir of [dataDir, rendererDir]) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A bridge in LAN mode on `host` (default 127.0.0.1), timed by the kit's clock. */
export function startLanBridge(
  kit: AccessKit,
  options: { host?: string; failedAttempts?: Rate } = {},
): Promise<Bridge> {
  return startBridge({
    engine: kit.engine,
    rendererDir: kit.rendererDir,
    port: 0,
    host: options.host,
    lan: {
      keys: loadKeyStore(kit.keysPath),
      now: () => kit.clock.ms,
      failedAttempts: options.failedAttempts,
    },
  });
}
