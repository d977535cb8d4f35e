// Stripe-like signatures: `x-packshot-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
// "<t>.<body>" with the subscription's secret>`. The time inside what is signed lets a
// receiver refuse an old request replayed (README, "Webhooks", shows the check).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new subscription's secret: 32 random bytes, base64url, with a prefix that names it. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * What a receiver does: true when `header` signs `body` with `secret` and its time is within
 * `toleranceSeconds` of `nowSeconds`.
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(
    header.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
  );
  const t = Number(parts.get('t'));
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
