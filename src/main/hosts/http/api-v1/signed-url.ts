// Signed URLs: a `/api/v1/` GET path a front end can embed (an <img src>) without a key.
// `?expires=<unix s>&key=<keyId>&sig=<base64url HMAC-SHA256>`; the HMAC (with the keys
// file's signing secret) covers the path and every other query parameter, expires and key
// included, so neither the path, the channel, nor the expiry can be changed.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What is signed: the path, a newline, the query without `sig` in one sorted order. */
export function canonicalRequest(url: URL): string {
  const pairs = [...url.searchParams]
    .filter(([name]) => name !== 'sig')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .sort();
  return `${url.pathname}\n${pairs.join('&')}`;
}

function hmac(secret: string, url: URL): Buffer {
  return createHmac('sha256', Buffer.from(secret, 'base64url'))
    .update(canonicalRequest(url))
    .digest();
}

/**
 * `path` (with its own query, if any) signed for key `keyId` until `expiresS` (unix
 * seconds). Returns the path and query to hand out.
 */
export function signPath(path: string, keyId: string, expiresS: number, secret: string): string {
  const url = new URL(path, 'http://signed.invalid');
  for (const name of ['expires', 'key', 'sig']) url.searchParams.delete(name);
  url.searchParams.set('expires', String(expiresS));
  url.searchParams.set('key', keyId);
  url.searchParams.set('sig', hmac(secret, url).toString('base64url'));
  return `${url.pathname}${url.search}`;
}

export type SignedCheck =
  { ok: true; keyId: string } | { ok: false; status: 401 | 403; message: string };

/**
 * Checks a signed request. `secretFor(keyId)` is the signing secret when the key exists.
 * A forged or altered URL (or an unknown key) is 403; a genuine one past its expiry is 401.
 */
export function checkSignedUrl(
  url: URL,
  nowMs: number,
  secretFor: (keyId: string) => string | undefined,
): SignedCheck {
  const one = (name: string): string | undefined => {
    const values = url.searchParams.getAll(name);
    return values.length === 1 ? values[0] : undefined;
  };
  const expires = one('expires');
  const keyId = one('key');
  const sig = one('sig');
  if (!expires || !/^\d{1,12}$/.test(expires) || !keyId || !sig) {
    return { ok: false, status: 401, message: 'A signed URL needs one expires, key and sig' };
  }
  const secret = secretFor(keyId);
  const given = Buffer.from(sig, 'base64url');
  const expected = hmac(secret ?? '', url);
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 403, message: 'The URL signature does not match' };
  }
  if (Number(expires) * 1000 <= nowMs) {
    return {
      ok: false,
      status: 401,
      message: `The signed URL expired at ${new Date(Number(expires) * 1000).toISOString()}`,
    };
  }
  return { ok: true, keyId };
}

/** `30s`, `15m`, `1h`, `7d`, or an ISO date/time: the expiry as unix seconds after `nowMs`. */
export function parseExpiry(text: string, nowMs: number): number {
  const relative = /^(\d{1,9})([smhd])$/.exec(text.trim());
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
  const at = relative
    ? nowMs + Number(relative[1]) * unit[relative[2] as keyof typeof unit] * 1000
    : /^\d{4}-\d{2}-\d{2}/.test(text)
      ? Date.parse(text)
      : Number.NaN;
  if (!Number.isFinite(at)) {
    throw new Error(`--expires takes 30s, 15m, 1h, 7d or an ISO date, not '${text}'`);
  }
  if (at <= nowMs) throw new Error(`--expires ${text} is not in the future`);
  return Math.ceil(at / 1000);
}
