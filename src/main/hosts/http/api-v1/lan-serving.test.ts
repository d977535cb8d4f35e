// LAN mode on a real bridge: keys reach `/api/v1/` only; the UI, media, events and every
// editing method answer this machine's session alone; the Host rules; CORS for front ends.
import { hostname, networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../bridge-server';
import { admitted, send, startKit, startLanBridge, type AccessKit } from './access-test-kit';
import { sessionAccess, type ApiPrincipal } from './api-access';

const SESSION: ApiPrincipal = { kind: 'session', id: 'session', scopes: ['read', 'render'] };

let kit: AccessKit;
let bridge: Bridge | undefined;

beforeAll(async () => {
  kit = await startKit([{ id: 'shop', scopes: ['read', 'render'] }]);
});

afterAll(async () => {
  await kit.close();
});

afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const key = (): Record<string, string> => ({ authorization: `Bearer ${kit.tokens.shop!}` });

/** This machine's first non-loopback IPv4 address, if it has one. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

describe('LAN mode', () => {
  it('never answers the UI, media, events or an editing method to a key', async () => {
    bridge = await startLanBridge(kit);
    const port = bridge.port;
    const json = { 'content-type': 'application/json' };
    const refused = [
      await send(port, '/', { headers: key() }),
      await send(port, `/?token=${bridge.token}`, { headers: key() }),
      await send(port, '/assets/app.js', { headers: key() }),
      await send(port, `/media/thumb/${'a'.repeat(64)}`, { headers: key() }),
      await send(port, '/api/events', { headers: key() }),
      await send(port, '/api/catalogs.list', {
        method: 'POST',
        headers: { ...key(), ...json },
        body: '{}',
      }),
      await send(port, '/api/catalogs.add', {
        method: 'POST',
        headers: { ...key(), ...json, 'x-packshot-token': bridge.token },
        body: '{"path":"/tmp"}',
      }),
    ];
    for (const reply of refused) expect(reply.status).toBe(403);
    // The same key is good on the API.
    expect(admitted(await send(port, '/api/v1/products', { headers: key() }))).toBe(true);
    // This machine's session keeps the app.
    expect((await send(port, `/?token=${bridge.token}`)).status).toBe(200);
    const call = await send(port, '/api/catalogs.list', {
      method: 'POST',
      headers: { ...json, 'x-packshot-token': bridge.token },
      body: '{}',
    });
    expect(call.status).toBe(200);
  });

  it('answers /api/v1/ to the served address only, and the rest to loopback names only', async () => {
    bridge = await startLanBridge(kit, { host: '0.0.0.0' });
    const port = bridge.port;
    const named = { ...key(), host: `${hostname()}:${port}` };
    expect(admitted(await send(port, '/api/v1/products', { headers: named }))).toBe(true);
    const rebound = await send(port, '/api/v1/products', {
      headers: { ...key(), host: `evil.example:${port}` },
    });
    expect(rebound.status).toBe(403);
    // The served name opens the API, not the app.
    const page = await send(port, `/?token=${bridge.token}`, {
      headers: { host: `${hostname()}:${port}` },
    });
    expect(page.status).toBe(403);
    expect((await send(port, `/?token=${bridge.token}`)).status).toBe(200);
  });

  it.skipIf(!lanAddress)(
    'refuses the app and the session token to a client on the network',
    async () => {
      bridge = await startLanBridge(kit, { host: '0.0.0.0' });
      const port = bridge.port;
      // From this machine's LAN address: the server sees a non-loopback client.
      const lan = { address: lanAddress!, localAddress: lanAddress! };
      const host = { host: `${lanAddress!}:${port}` };
      const viaKey = await send(port, '/api/v1/products', {
        ...lan,
        headers: { ...host, ...key() },
      });
      expect(viaKey.status).toBe(200);
      const viaSession = await send(port, '/api/v1/products', {
        ...lan,
        headers: { ...host, authorization: `Bearer ${bridge.token}` },
      });
      expect([viaSession.status, viaSession.code]).toEqual([403, 'forbidden']);
      // Nor a URL the session signed (its secret derives from the token).
      const ownUrl = sessionAccess(bridge.token).sign(SESSION, '/api/v1/products', 4_000_000_000)!;
      expect((await send(port, ownUrl, { ...lan, headers: host })).status).toBe(403);
      expect(admitted(await send(port, ownUrl))).toBe(true);
      // Even naming loopback in Host, the app and editing are not for the network.
      const loopbackHost = { host: `127.0.0.1:${port}` };
      expect(
        (await send(port, `/?token=${bridge.token}`, { ...lan, headers: loopbackHost })).status,
      ).toBe(403);
      const edit = await send(port, '/api/catalogs.list', {
        ...lan,
        method: 'POST',
        headers: {
          ...loopbackHost,
          'content-type': 'application/json',
          'x-packshot-token': bridge.token,
        },
        body: '{}',
      });
      expect(edit.status).toBe(403);
    },
  );

  it.skipIf(!lanAddress)(
    'on one network address, keeps the app on loopback at the same port',
    async () => {
      bridge = await startLanBridge(kit, { host: lanAddress });
      const port = bridge.port;
      const lan = { address: lanAddress!, localAddress: lanAddress! };
      const api = await send(port, '/api/v1/products', {
        ...lan,
        headers: { host: `${lanAddress!}:${port}`, ...key() },
      });
      expect(api.status).toBe(200);
      expect(
        (
          await send(port, `/?token=${bridge.token}`, {
            ...lan,
            headers: { host: `127.0.0.1:${port}` },
          })
        ).status,
      ).toBe(403);
      expect((await send(port, `/?token=${bridge.token}`)).status).toBe(200);
      expect(admitted(await send(port, '/api/v1/products', { headers: key() }))).toBe(true);
    },
  );

  it('will not listen beyond loopback without API keys', async () => {
    await expect(
      startBridge({ engine: kit.engine, rendererDir: kit.rendererDir, port: 0, host: '0.0.0.0' }),
    ).rejects.toThrow(/without API keys: pass --api-keys FILE/);
  });
});

describe('CORS on /api/v1/', () => {
  it('answers a preflight for GET with Authorization, and lets any page read the answer', async () => {
    bridge = await startLanBridge(kit);
    const origin = { origin: 'https://shop.example', 'sec-fetch-site': 'cross-site' };
    const preflight = await send(bridge.port, '/api/v1/products', {
      method: 'OPTIONS',
      headers: {
        ...origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toContain('GET');
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Authorization/);
    const reply = await send(bridge.port, '/api/v1/products', { headers: { ...origin, ...key() } });
    expect(admitted(reply)).toBe(true);
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    expect(reply.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(String(reply.headers['access-control-expose-headers'])).toContain('Retry-After');
    // The editing API keeps its same-origin rule.
    const edit = await send(bridge.port, '/api/catalogs.list', {
      method: 'POST',
      headers: { ...origin, 'content-type': 'application/json', 'x-packshot-token': bridge.token },
      body: '{}',
    });
    expect(edit.status).toBe(403);
    expect(edit.headers['access-control-allow-origin']).toBeUndefined();
  });
});
