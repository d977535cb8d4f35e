import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { headerToken, sameToken } from '../http-auth';
import { findKey, type ApiKeyEntry } from './keys-file';
import type { KeyStore } from './key-store';
import { isLoopbackClient } from './lan-hosts';
import { TokenBuckets, type Rate } from './rate-limit';
import { checkSignedUrl, signPath } from './signed-url';

/** What a caller of `/api/v1/` may do: read data, or have renditions made. */
export type ApiScope = 'read' | 'render';

/** Who is asking: the session (the token `serve` printed), an API key, or a signed URL. */
export interface ApiPrincipal {
  kind: 'session' | 'key' | 'signed';
  /** The key's id (rate limits and logs); 'session' for the token. */
  id: string;
  scopes: readonly ApiScope[];
}

export type ApiDecision =
  | { ok: true; principal: ApiPrincipal }
  | { ok: false; status: 401 | 403 | 429; code: string; message: string; retryAfterS?: number };

/** Decides each `/api/v1/` request; the bridge holds one. */
export interface ApiAccess {
  authorize(req: IncomingMessage, url: URL, scope: ApiScope): ApiDecision;
  /**
   * `path` (a `/api/v1/` GET path with its query) signed for `principal` until `expiresS`
   * (unix seconds): for URLs the API hands out, since an `<img src>` sends no header.
   * Undefined when the principal can no longer sign (its key was removed).
   */
  sign?(principal: ApiPrincipal, path: string, expiresS: number): string | undefined;
}

/** An access that can sign (both of this file's). */
export type SigningAccess = ApiAccess & Required<Pick<ApiAccess, 'sign'>>;

/** The `key` of URLs the session signs; no API key can have this id (no '_' in ids). */
export const SESSION_SIGNER = '_session';

const SESSION: ApiPrincipal = { kind: 'session', id: 'session', scopes: ['read', 'render'] };
const SESSION_SIGNED: ApiPrincipal = { ...SESSION, kind: 'signed' };

/** The session's signing secret: derived from its token, so it lives and dies with it. */
function sessionSecret(token: string): string {
  return createHmac('sha256', token).update('packshot signed URLs').digest('base64url');
}

const isSession = (p: ApiPrincipal): boolean => p.id === 'session' && p.kind !== 'key';

/** `Authorization: Bearer <token>`, else undefined. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

type Refusal = Extract<ApiDecision, { ok: false }>;

const refuse = (status: 401 | 403, message: string): Refusal => ({
  ok: false,
  status,
  code: status === 401 ? 'unauthorized' : 'forbidden',
  message,
});

/**
 * Loopback default: the session token, as `Authorization: Bearer` or the token header, and
 * URLs the session signed.
 */
export function sessionAccess(token: string, now: () => number = Date.now): SigningAccess {
  const secret = sessionSecret(token);
  return {
    authorize(req, url) {
      if (sameToken(bearerToken(req), token) || sameToken(headerToken(req), token)) {
        return { ok: true, principal: SESSION };
      }
      if (url.searchParams.has('sig') && bearerToken(req) === undefined) {
        const check = checkSignedUrl(url, now(), (id) =>
          id === SESSION_SIGNER ? secret : undefined,
        );
        return check.ok
          ? { ok: true, principal: SESSION_SIGNED }
          : refuse(check.status, check.message);
      }
      return refuse(401, 'Missing or wrong token: send Authorization: Bearer <token>');
    },
    sign(principal, path, expiresS) {
      return isSession(principal) ? signPath(path, SESSION_SIGNER, expiresS, secret) : undefined;
    },
  };
}

/** A key without its own `rate`. */
export const DEFAULT_KEY_RATE: Rate = { perSecond: 20, burst: 40 };
/** Wrong keys and forged signatures one client address may try before it must wait. */
export const FAILED_ATTEMPTS_RATE: Rate = { perSecond: 0.2, burst: 10 };

export interface KeyAccessOptions {
  keys: KeyStore;
  /** The session token `serve` printed; still admitted (from this machine only when `lan`). */
  sessionToken: string;
  /** Serving a LAN: the session token is honoured from loopback clients only. */
  lan: boolean;
  /** Milliseconds; tests drive rate limits and expiries with their own clock. */
  now?: () => number;
  failedAttempts?: Rate;
}

/**
 * API keys (`Authorization: Bearer psk_…`) and URLs signed with the keys file's secret, each
 * with the key's scopes and rate; the session token as before. Wrong credentials count
 * against the client's address, so keys and signatures cannot be guessed fast.
 */
export function keyAccess(options: KeyAccessOptions): SigningAccess {
  const now = options.now ?? Date.now;
  const perKey = new TokenBuckets(now);
  const perAddress = new TokenBuckets(now);
  const failedRate = options.failedAttempts ?? FAILED_ATTEMPTS_RATE;

  const secret = sessionSecret(options.sessionToken);

  function identify(
    req: IncomingMessage,
    url: URL,
  ): { key: ApiKeyEntry; signed: boolean } | { session: true } | Refusal | undefined {
    const file = options.keys.current();
    const bearer = bearerToken(req);
    if (bearer !== undefined) {
      const key = findKey(file, bearer);
      return key ? { key, signed: false } : refuse(401, 'Unknown API key');
    }
    if (!url.searchParams.has('sig')) return undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(403, 'A signed URL is for GET only');
    }
    const check = checkSignedUrl(url, now(), (id) =>
      id === SESSION_SIGNER
        ? secret
        : file.keys.some((k) => k.id === id)
          ? file.signingSecret
          : undefined,
    );
    if (!check.ok) return refuse(check.status, check.message);
    if (check.keyId === SESSION_SIGNER) return { session: true };
    const key = file.keys.find((k) => k.id === check.keyId);
    return key ? { key, signed: true } : refuse(403, 'The URL signature does not match');
  }

  /** The session is this machine's: in LAN mode, not another's. */
  const sessionFrom = (req: IncomingMessage, principal: ApiPrincipal): ApiDecision =>
    options.lan && !isLoopbackClient(req)
      ? refuse(403, 'The session is accepted from this machine only: use an API key')
      : { ok: true, principal };

  return {
    authorize(req, url, scope) {
      const token = options.sessionToken;
      if (sameToken(bearerToken(req), token) || sameToken(headerToken(req), token)) {
        return sessionFrom(req, SESSION);
      }
      const address = req.socket.remoteAddress ?? 'unknown';
      const wait = perAddress.wait(address, failedRate);
      if (wait > 0) {
        return {
          ok: false,
          status: 429,
          code: 'rate_limited',
          message: 'Too many failed attempts from this address',
          retryAfterS: wait,
        };
      }
      const found = identify(req, url);
      if (found === undefined) {
        return refuse(401, 'Send an API key as Authorization: Bearer <key>, or a signed URL');
      }
      if ('ok' in found) {
        perAddress.take(address, failedRate);
        return found;
      }
      if ('session' in found) return sessionFrom(req, SESSION_SIGNED);
      const { key, signed } = found;
      if (!key.scopes.includes(scope)) {
        return refuse(403, `Key '${key.id}' lacks the '${scope}' scope`);
      }
      const taken = perKey.take(key.id, key.rate ?? DEFAULT_KEY_RATE);
      if (!taken.ok) {
        return {
          ok: false,
          status: 429,
          code: 'rate_limited',
          message: `Key '${key.id}' is over its rate`,
          retryAfterS: taken.retryAfterS,
        };
      }
      return {
        ok: true,
        principal: { kind: signed ? 'signed' : 'key', id: key.id, scopes: key.scopes },
      };
    },
    sign(principal, path, expiresS) {
      if (isSession(principal)) return signPath(path, SESSION_SIGNER, expiresS, secret);
      const file = options.keys.current();
      if (!file.keys.some((k) => k.id === principal.id)) return undefined;
      return signPath(path, principal.id, expiresS, file.signingSecret);
    },
  };
}
