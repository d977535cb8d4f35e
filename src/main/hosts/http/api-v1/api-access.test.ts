// API keys, scopes, signed URLs and rate limits on a real bridge over real HTTP. Any answer
// but 401, 403 or 429 means "admitted" (`admitted`: the library here is empty, so routes
// answer 200 or 404); the clock is the test's, so expiries and refills need no waiting.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../bridge-server';
import { newToken } from '../http-auth';
import { admitted, send, startKit, startLanBridge, type AccessKit } from './access-test-kit';
import { keyAccess, sessionAccess, type ApiPrincipal } from './api-access';
import { loadKeyStore } from './key-store';
import { readKeysFile, writeKeysFile } from './keys-file';
import { signPath } from './signed-url';

let kit: AccessKit;
let bridge: Bridge;

beforeAll(async () => {
  kit = await startKit([
    { id: 'reader', scopes: ['read'] },
    { id: 'shop', scopes: ['read', 'render'] },
    { id: 'slow', scopes: ['read'], rate: { perSecond: 1, burst: 2 } },
  ]);
});

afterAll(async () => {
  await kit.close();
});

afterEach(async () => {
  await bridge.close();
});

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const get = (path: string, headers: Record<string, string> = {}) =>
  send(bridge.port, path, { headers });
const signed = (path: string, key: string, inSeconds: number) =>
  signPath(path, key, Math.floor(kit.clock.ms / 1000) + inSeconds, kit.file.signingSecret);

describe('API keys', () => {
  it('admit a key to what its scopes allow, and nothing else', async () => {
    bridge = await startLanBridge(kit);
    const read = await get('/api/v1/products', bearer(kit.tokens.reader!));
    expect([read.status, admitted(read)]).toEqual([200, true]);
    const render = await get('/api/v1/render/1/w_100.jpg', bearer(kit.tokens.reader!));
    expect(render.status).toBe(403);
    expect(render.code).toBe('forbidden');
    expect(render.body).toContain("'render' scope");
    expect(admitted(await get('/api/v1/render/1/w_100.jpg', bearer(kit.tokens.shop!)))).toBe(true);
  });

  it('refuse a missing, wrong or malformed key with 401', async () => {
    bridge = await startLanBridge(kit);
    const missing = await get('/api/v1/products');
    expect([missing.status, missing.code]).toEqual([401, 'unauthorized']);
    // The right id and shape with another secret: the hash decides.
    const forged = kit.tokens.reader!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await get('/api/v1/products', bearer(forged))).status).toBe(401);
    expect((await get('/api/v1/products', bearer('psk_nobody_x'))).status).toBe(401);
    expect((await get('/api/v1/products', { authorization: kit.tokens.reader! })).status).toBe(401);
  });

  it('still admit the session token, as Bearer or as the header', async () => {
    bridge = await startLanBridge(kit);
    expect(admitted(await get('/api/v1/render/1/w_1.png', bearer(bridge.token)))).toBe(true);
    expect(admitted(await get('/api/v1/products', { 'x-packshot-token': bridge.token }))).toBe(
      true,
    );
  });

  it('stop admitting a key once it is removed from the file, without a restart', async () => {
    bridge = await startLanBridge(kit);
    const url = signed('/api/v1/products', 'shop', 60);
    expect(admitted(await get('/api/v1/products', bearer(kit.tokens.shop!)))).toBe(true);
    expect(admitted(await get(url))).toBe(true);
    const before = await readKeysFile(kit.keysPath);
    await writeKeysFile(kit.keysPath, {
      ...before,
      keys: before.keys.filter((k) => k.id !== 'shop'),
    });
    try {
      expect((await get('/api/v1/products', bearer(kit.tokens.shop!))).status).toBe(401);
      expect((await get(url)).status).toBe(403);
    } finally {
      await writeKeysFile(kit.keysPath, before);
    }
  });
});

describe('signed URLs', () => {
  it('admit the signed path, with its query, until it expires', async () => {
    bridge = await startLanBridge(kit);
    const url = signed('/api/v1/products/AB-1/media?channel=shopify', 'reader', 3600);
    expect(url).toMatch(
      /^\/api\/v1\/products\/AB-1\/media\?channel=shopify&expires=\d+&key=reader&sig=[\w-]{43}$/,
    );
    const ok = await get(url);
    expect([ok.status, ok.code]).toEqual([404, 'not_found']); // admitted: no product AB-1
    kit.clock.ms += 3600_000;
    const expired = await get(url);
    expect([expired.status, expired.code]).toEqual([401, 'unauthorized']);
    expect(expired.body).toContain('expired');
    kit.clock.ms -= 3600_000;
  });

  it('refuse a tampered query, expiry or key, and another path, with 403', async () => {
    bridge = await startLanBridge(kit);
    const url = signed('/api/v1/products/AB-1/media?channel=shopify', 'reader', 3600);
    const tampered = [
      url.replace('channel=shopify', 'channel=amazon'),
      url.replace(/expires=(\d+)/, (_, s: string) => `expires=${Number(s) + 86_400}`),
      url.replace('key=reader', 'key=shop'),
      url.replace('/AB-1/', '/AB-2/'),
      `${url}&extra=1`,
      url.replace(/sig=[\w-]+/, 'sig=AAAA'),
    ];
    for (const path of tampered) {
      const reply = await get(path);
      expect([reply.status, reply.code], path).toEqual([403, 'forbidden']);
    }
    // Missing parts: not a signed URL at all.
    expect((await get(url.replace(/&key=reader/, ''))).status).toBe(401);
  });

  it("carry the key's scopes, and are for GET only", async () => {
    bridge = await startLanBridge(kit);
    const render = await get(signed('/api/v1/render/1/w_200.webp', 'reader', 60));
    expect([render.status, render.code]).toEqual([403, 'forbidden']);
    expect(admitted(await get(signed('/api/v1/render/1/w_200.webp', 'shop', 60)))).toBe(true);
    const post = await send(bridge.port, signed('/api/v1/products', 'shop', 60), {
      method: 'POST',
    });
    expect(post.status).toBe(405);
  });
});

describe('rate limits', () => {
  it("answer 429 with Retry-After past a key's burst, and recover as the bucket refills", async () => {
    bridge = await startLanBridge(kit);
    const slow = bearer(kit.tokens.slow!);
    expect(admitted(await get('/api/v1/products', slow))).toBe(true);
    expect(admitted(await get('/api/v1/products', slow))).toBe(true);
    const limited = await get('/api/v1/products', slow);
    expect([limited.status, limited.code]).toEqual([429, 'rate_limited']);
    expect(limited.headers['retry-after']).toBe('1');
    // Another key has its own bucket.
    expect(admitted(await get('/api/v1/products', bearer(kit.tokens.reader!)))).toBe(true);
    kit.clock.ms += 1000;
    expect(admitted(await get('/api/v1/products', slow))).toBe(true);
    expect((await get('/api/v1/products', slow)).status).toBe(429);
  });

  it('slow down an address that keeps sending wrong keys or signatures, even with a good key', async () => {
    bridge = await startLanBridge(kit, { failedAttempts: { perSecond: 0.5, burst: 3 } });
    const wrong = bearer('psk_reader_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    for (let i = 0; i < 2; i++) expect((await get('/api/v1/products', wrong)).status).toBe(401);
    const forged = signed('/api/v1/products', 'reader', 60).replace(/sig=[\w-]+/, 'sig=AAAA');
    expect((await get(forged)).status).toBe(403);
    const locked = await get('/api/v1/products', bearer(kit.tokens.reader!));
    expect([locked.status, locked.code]).toEqual([429, 'rate_limited']);
    expect(locked.headers['retry-after']).toBe('2');
    // Sending nothing is no guess: it does not count.
    kit.clock.ms += 2000;
    for (let i = 0; i < 5; i++) expect((await get('/api/v1/products')).status).toBe(401);
    expect(admitted(await get('/api/v1/products', bearer(kit.tokens.reader!)))).toBe(true);
  });
});

describe('URLs the API hands out', () => {
  const reader: ApiPrincipal = { kind: 'key', id: 'reader', scopes: ['read'] };
  const session: ApiPrincipal = { kind: 'session', id: 'session', scopes: ['read', 'render'] };
  const inAnHour = (): number => Math.floor(kit.clock.ms / 1000) + 3600;

  it("are signed for the key that asked, with that key's scopes", async () => {
    const token = newToken();
    const keys = loadKeyStore(kit.keysPath);
    const access = keyAccess({ keys, sessionToken: token, lan: true, now: () => kit.clock.ms });
    bridge = await startBridge({
      engine: kit.engine,
      rendererDir: kit.rendererDir,
      port: 0,
      token,
      apiAccess: access,
      lan: { keys },
    });
    const read = access.sign(reader, '/api/v1/products/AB-1?channel=web', inAnHour());
    expect(read).toMatch(/&key=reader&sig=/);
    expect(admitted(await get(read!))).toBe(true);
    const render = access.sign(reader, '/api/v1/render/1/w_10.jpg', inAnHour());
    expect((await get(render!)).code).toBe('forbidden');
    // The session's own URLs carry its scopes, under a key id no API key can have.
    const own = access.sign(session, '/api/v1/render/1/w_10.jpg', inAnHour());
    expect(own).toMatch(/&key=_session&sig=/);
    expect(admitted(await get(own!))).toBe(true);
    expect(access.sign({ ...reader, id: 'gone' }, '/api/v1/products', inAnHour())).toBeUndefined();
  });

  it('are signed by the session in loopback mode, and checked like any signed URL', async () => {
    const token = newToken();
    const access = sessionAccess(token, () => kit.clock.ms);
    bridge = await startBridge({
      engine: kit.engine,
      rendererDir: kit.rendererDir,
      port: 0,
      token,
      apiAccess: access,
    });
    const url = access.sign(session, '/api/v1/render/1/w_10.jpg?v=0123456789abcdef', inAnHour())!;
    expect(admitted(await get(url))).toBe(true);
    expect((await get(url.replace('w_10', 'w_20'))).status).toBe(403);
    expect(access.sign(reader, '/api/v1/products', inAnHour())).toBeUndefined();
    // Another session's URL is another secret's.
    expect(
      (await get(sessionAccess(newToken()).sign(session, '/api/v1/products', inAnHour())!)).status,
    ).toBe(403);
    kit.clock.ms += 3600_000;
    expect((await get(url)).status).toBe(401);
    kit.clock.ms -= 3600_000;
  });
});
