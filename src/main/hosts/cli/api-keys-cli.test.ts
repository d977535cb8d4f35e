// `packshot api-keys`, `sign-url` and `serve --host --api-keys`, run as a user runs them:
// the key is printed once and never stored, the file is 0600, and a running `serve`
// admits the printed key and signed path, and stops admitting a removed key.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../http/api-v1/access-test-kit';
import { hashKey } from '../http/api-v1/keys-file';
import { packshotBin, runPackshot } from '../../test-support/run-cli';
import { tempDir } from '../../test-support/sample-images';

let dataDir: string;
let keysFile: string;

beforeAll(async () => {
  dataDir = await tempDir('api-keys-cli');
  keysFile = join(dataDir, 'keys', 'api-keys.json');
  await mkdir(join(dataDir, 'keys'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runPackshot(dataDir, args);

/** `packshot serve` until `stop()`; resolves once it has printed where the API is. */
function serve(args: string[]): Promise<{ port: number; output: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [packshotBin, '--data', dataDir, 'serve', ...args], {
    env: { ...process.env, PACKSHOT_DATA: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const port = /Headless API at http:\/\/127\.0\.0\.1:(\d+)\/api\/v1\//.exec(output)?.[1];
      if (port && output.includes('Press Ctrl+C')) {
        resolve({
          port: Number(port),
          output,
          stop: async () => {
            child.kill('SIGTERM');
            await closed;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
}

describe('packshot api-keys and sign-url', () => {
  it('print a new key once, keep only its hash in a 0600 file, and sign URLs a server admits', async () => {
    const added = cli(
      'api-keys',
      'add',
      'shop',
      '--scopes',
      'read,render',
      '--rate',
      '5',
      '--file',
      keysFile,
    );
    expect(added.stderr).toContain('only time');
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/^psk_shop_[\w-]{43}\n$/);
    const token = added.stdout.trim();
    expect((await stat(keysFile)).mode & 0o777).toBe(0o600);
    const text = await readFile(keysFile, 'utf8');
    expect(text).not.toContain(token.slice('psk_shop_'.length));
    expect(text).toContain(hashKey(token));

    const listed = cli('api-keys', 'list', '--file', keysFile);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^shop\tread,render\t5\/s burst 10\tcreated \d{4}-/);
    expect(listed.stdout + listed.stderr).not.toContain(token);
    expect(cli('api-keys', 'add', 'shop', '--scopes', 'read', '--file', keysFile).status).toBe(1);
    expect(cli('api-keys', 'add', 'feed', '--scopes', 'write', '--file', keysFile).status).toBe(2);

    const signedRun = cli(
      'sign-url',
      '/api/v1/products?channel=shopify',
      '--expires',
      '1h',
      '--key',
      'shop',
      '--file',
      keysFile,
    );
    expect(signedRun.status).toBe(0);
    const signed = signedRun.stdout.trim();
    expect(signed).toMatch(
      /^\/api\/v1\/products\?channel=shopify&expires=\d+&key=shop&sig=[\w-]{43}$/,
    );
    expect(
      cli('sign-url', '/media/thumb/x', '--expires', '1h', '--key', 'shop', '--file', keysFile)
        .status,
    ).toBe(2);

    const server = await serve(['--host', '127.0.0.1', '--api-keys', keysFile, '--port', '0']);
    try {
      expect(server.output).toContain('API keys required');
      const bearer = { authorization: `Bearer ${token}` };
      const byKey = await send(server.port, '/api/v1/products', { headers: bearer });
      // Admitted: the products route answers (an empty library's page).
      expect([byKey.status, byKey.code]).toEqual([200, undefined]);
      const bySignature = await send(server.port, signed);
      expect([bySignature.status, bySignature.code]).toEqual([200, undefined]);
      expect((await send(server.port, signed.replace('shopify', 'amazon'))).status).toBe(403);
      expect((await send(server.port, '/api/v1/products')).status).toBe(401);

      const removed = cli('api-keys', 'remove', 'shop', '--file', keysFile);
      expect(removed.status).toBe(0);
      expect((await send(server.port, '/api/v1/products', { headers: bearer })).status).toBe(401);
      expect((await send(server.port, signed)).status).toBe(403);
    } finally {
      await server.stop();
    }
  });

  it('name the bad entry of a broken keys file', async () => {
    const broken = join(dataDir, 'broken.json');
    const entry = {
      id: 'feed',
      sha256: 'ab'.repeat(32),
      scopes: ['write'],
      created: '2026-12-05T00:00:00Z',
    };
    await writeFile(
      broken,
      JSON.stringify({ version: 1, signingSecret: 'A'.repeat(43), keys: [entry] }),
    );
    const run = cli('api-keys', 'list', '--file', broken);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`API keys file ${broken}: keys[0] (id "feed") scopes.0:`);
    const serveRun = cli('serve', '--host', '127.0.0.1', '--api-keys', broken);
    expect(serveRun.status).toBe(1);
    expect(serveRun.stderr).toContain('keys[0] (id "feed")');
  });

  it('refuse to serve beyond loopback without --api-keys', () => {
    const run = cli('serve', '--host', '0.0.0.0', '--port', '0');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'serve --host 0.0.0.0 would open Packshot to the network: it needs --api-keys FILE',
    );
  });
});
