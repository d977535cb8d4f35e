import type { IncomingMessage } from 'node:http';
import { headerToken, sameToken } from '../http-auth';

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
}

/** `Authorization: Bearer <token>`, else undefined. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** Loopback default: the session token, as `Authorization: Bearer` or the token header. */
export function sessionAccess(token: string): ApiAccess {
  return {
    authorize(req) {
      if (sameToken(bearerToken(req), token) || sameToken(headerToken(req), token)) {
        return {
          ok: true,
          principal: { kind: 'session', id: 'session', scopes: ['read', 'render'] },
        };
      }
      return {
        ok: false,
        status: 401,
        code: 'unauthorized',
        message: 'Missing or wrong token: send Authorization: Bearer <token>',
      };
    },
  };
}
