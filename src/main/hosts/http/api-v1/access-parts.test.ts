// The access parts on their own: key lookup, the keys file's checks, expiry parsing, signing
// and the token buckets, on the test's clock.
import { describe, expect, it } from 'vitest';
import { emptyKeysFile, findKey, newApiKey, parseKeysFile } from './keys-file';
import { isLoopbackAddress } from './lan-hosts';
import { TokenBuckets } from './rate-limit';
import { checkSignedUrl, parseExpiry, signPath } from './signed-url';

const NOW = Date.parse('2026-12-05T06:00:00Z');

describe('keys file', () => {
  it('finds a key by its token only, and never by its hash or a near miss', () => {
    const file = emptyKeysFile();
    const made = newApiKey('shop');
    file.keys.push({
      id: 'shop',
      sha256: made.sha256,
      scopes: ['read'],
      created: '2026-12-05T00:00:00Z',
    });
    expect(findKey(file, made.token)?.id).toBe('shop');
    expect(findKey(file, made.sha256)).toBeUndefined();
    expect(findKey(file, made.token.replace('psk_shop_', 'psk_other_'))).toBeUndefined();
    expect(findKey(file, `${made.token}x`)).toBeUndefined();
    expect(findKey(file, newApiKey('shop').token)).toBeUndefined();
  });

  it('names the file and the entry in its errors', () => {
    const good = {
      id: 'a',
      sha256: '0'.repeat(64),
      scopes: ['read'],
      created: '2026-12-05T00:00:00Z',
    };
    const text = (keys: unknown[]): string =>
      JSON.stringify({ version: 1, signingSecret: 'A'.repeat(43), keys });
    expect(() => parseKeysFile('{', 'k.json')).toThrow(/^API keys file k\.json: not JSON/);
    expect(() =>
      parseKeysFile(text([good, { ...good, id: 'b', rate: { perSecond: 0, burst: 1 } }]), 'k.json'),
    ).toThrow(/^API keys file k\.json: keys\[1\] \(id "b"\) rate\.perSecond: /);
    expect(() => parseKeysFile(text([good, good]), 'k.json')).toThrow(
      /keys\[1\] \(id "a"\) id: id used twice/,
    );
    expect(() => parseKeysFile(text([{ ...good, secret: 'psk_a_x' }]), 'k.json')).toThrow(
      /keys\[0\] \(id "a"\)/,
    );
    expect(() =>
      parseKeysFile(
        JSON.stringify({ version: 2, signingSecret: 'A'.repeat(43), keys: [] }),
        'k.json',
      ),
    ).toThrow(/k\.json: version: /);
    expect(() => parseKeysFile(text([{ ...good, id: 'session' }]), 'k.json')).toThrow(
      /'session' is reserved/,
    );
    expect(parseKeysFile(text([good]), 'k.json').keys[0]?.id).toBe('a');
  });
});

describe('signed URLs', () => {
  const secret = emptyKeysFile().signingSecret;
  const at = (path: string) => new URL(path, 'http://host');

  it('check the signature before the expiry, so only genuine URLs are told they expired', () => {
    const path = signPath('/api/v1/assets/7?channel=web', 'shop', NOW / 1000 + 60, secret);
    const lookup = (id: string) => (id === 'shop' ? secret : undefined);
    expect(checkSignedUrl(at(path), NOW, lookup)).toEqual({ ok: true, keyId: 'shop' });
    expect(checkSignedUrl(at(path), NOW + 60_000, lookup)).toMatchObject({
      ok: false,
      status: 401,
    });
    const altered = path.replace(/expires=\d+/, `expires=${NOW / 1000 + 6000}`);
    expect(checkSignedUrl(at(altered), NOW + 60_000, lookup)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(checkSignedUrl(at(path), NOW, () => undefined)).toMatchObject({
      ok: false,
      status: 403,
    });
    // Re-signing replaces an old signature rather than stacking a second one.
    expect(signPath(path, 'shop', NOW / 1000 + 60, secret)).toBe(path);
  });

  it('parse relative and absolute expiries, and refuse the past', () => {
    expect(parseExpiry('1h', NOW)).toBe(NOW / 1000 + 3600);
    expect(parseExpiry('7d', NOW)).toBe(NOW / 1000 + 7 * 86_400);
    expect(parseExpiry('2027-01-01T00:00:00Z', NOW)).toBe(
      Date.parse('2027-01-01T00:00:00Z') / 1000,
    );
    expect(() => parseExpiry('soon', NOW)).toThrow(/30s, 15m, 1h, 7d or an ISO date/);
    expect(() => parseExpiry('2020-01-01', NOW)).toThrow(/not in the future/);
  });
});

describe('token buckets', () => {
  it('allow the burst, then one per refill, each name apart', () => {
    const clock = { ms: NOW };
    const buckets = new TokenBuckets(() => clock.ms, 2);
    const rate = { perSecond: 2, burst: 3 };
    for (let i = 0; i < 3; i++) expect(buckets.take('a', rate)).toEqual({ ok: true });
    expect(buckets.take('a', rate)).toEqual({ ok: false, retryAfterS: 1 });
    expect(buckets.take('b', rate)).toEqual({ ok: true });
    clock.ms += 500;
    expect(buckets.take('a', rate)).toEqual({ ok: true });
    expect(buckets.wait('a', rate)).toBe(1);
    // Past maxNames, only full buckets and then the oldest are forgotten.
    buckets.take('c', rate);
    expect(buckets.take('a', rate).ok).toBe(false);
  });

  it('knows loopback clients', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['192.0.2.2', '::ffff:10.0.0.1', '1127.0.0.1', 'fd00::1', undefined])
      expect(isLoopbackAddress(a)).toBe(false);
  });
});
