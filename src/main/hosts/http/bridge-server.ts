import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { isMediaKey, parsePageRequest, SERVED_KINDS } from '../../../shared/bridge';
import type { ErrorPayload } from '../../../shared/errors';
import type { Engine } from '../../engine';
import { dispatch, toErrorPayload } from '../dispatch';
import { bearerToken, keyAccess, sessionAccess, type ApiAccess } from './api-v1/api-access';
import { applyApiCors } from './api-v1/api-cors';
import { sendApiError } from './api-v1/api-responses';
import type { KeyStore } from './api-v1/key-store';
import {
  hostIsServed,
  isLoopbackClient,
  isLoopbackHost,
  isWildcardHost,
  servedHostNames,
} from './api-v1/lan-hosts';
import type { Rate } from './api-v1/rate-limit';
import { handleApiV1 } from './api-v1/handle-api-v1';
import { streamEvents } from './event-stream';
import { cookieToken, headerToken, isFromUs, newToken, sameToken, tokenCookie } from './http-auth';
import { refusedOverHttp } from './http-only-policy';
import { readJsonBody } from './read-json-body';
import {
  applyServerLimits,
  DEFAULT_LIMITS,
  type ConnectionCount,
  type ServerLimits,
} from './server-limits';
import { sendMedia } from './send-media';
import { resolveInside, sendFile } from './static-files';
import { statusFor } from './status-for';

export interface BridgeOptions {
  engine: Engine;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  /** Timeouts and the connection cap; tests shorten them. */
  limits?: Partial<ServerLimits>;
  /** Who may call `/api/v1/` (default: the session token, as a Bearer token or the header). */
  apiAccess?: ApiAccess;
  /**
   * The address to listen on (default 127.0.0.1); any other needs `lan`. On one network
   * address the bridge also listens on 127.0.0.1 at the same port, for the app.
   */
  host?: string;
  /**
   * LAN mode: `/api/v1/` on `host` admits API keys and signed URLs; the UI, media, events
   * and every editing method stay answered to loopback clients with the session token only.
   */
  lan?: { keys: KeyStore; now?: () => number; failedAttempts?: Rate };
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  connections: ConnectionCount;
  close(): Promise<void>;
}

/** model-viewer's shadow-root <style> (its template, v4.4), allowed by its hash alone. */
export const MODEL_VIEWER_STYLE = "'sha256-PXtZZkJMMyc18o/DN1ZEFOJ2qEGq95IQbVaJFMOXOb0='";

export const CSP = [
  "default-src 'none'",
  // 'wasm-unsafe-eval': the 3D viewer's three.js compiles its WebAssembly decoders when it
  // loads (WebAssembly only: eval() of JavaScript stays refused).
  "script-src 'self' 'wasm-unsafe-eval'",
  `style-src 'self' ${MODEL_VIEWER_STYLE}`,
  // blob: for the 3D viewer: three.js's glTF loader reads a GLB's embedded textures
  // through object URLs (fetched, or drawn as images).
  "img-src 'self' data: blob:",
  // The loupe's <video>: a registered video's file under /media/video/, nothing else.
  "media-src 'self'",
  "connect-src 'self' blob:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/**
 * Browser mode: the built UI and the contract over HTTP, on loopback only. The page URL
 * carries a random token; serving the page sets it as an HttpOnly cookie for media and
 * events, and API calls must also send it in a header, which no other origin can.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? newToken();
  let port = 0;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.lan) {
    throw new Error(`Refusing to serve ${host} without API keys: pass --api-keys FILE`);
  }
  const apiAccess =
    options.apiAccess ??
    (options.lan
      ? keyAccess({ ...options.lan, sessionToken: token, lan: true })
      : sessionAccess(token));
  let apiHosts = new Set<string>();

  const newServer = (): Server =>
    createServer({ connectionsCheckingInterval: limits.checkIntervalMs }, (req, res) => {
      for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendError(res, toErrorPayload(error));
        else res.destroy();
      });
    });
  const server = newServer();
  const connections = applyServerLimits(server, limits);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname;

    // The public, read-only API for front ends: its own access rules (api-v1/api-access.ts),
    // any Origin (CORS), and the served address as Host, besides loopback, in LAN mode.
    if (path.startsWith('/api/v1/')) {
      if (!hostIsServed(req, apiHosts)) {
        return sendApiError(res, 403, 'forbidden', 'Request refused: not an address this serves');
      }
      if (applyApiCors(req, res)) return;
      return handleApiV1(req, res, url, { engine: options.engine, access: apiAccess });
    }

    if (!isFromUs(req, port)) return refuseHost(res);
    // Everything else edits the library or shows it: this machine's session only.
    if (options.lan && !isLoopbackClient(req)) {
      return forbid(res, 'The app and its editing are served to this machine only');
    }
    const bearer = bearerToken(req);
    if (bearer !== undefined && !sameToken(bearer, token)) {
      return forbid(res, 'API keys reach /api/v1/ only');
    }

    if (path === '/' || path === '/index.html') {
      const fromQuery = sameToken(url.searchParams.get('token'), token);
      if (!fromQuery && !sameToken(cookieToken(req), token)) return refuse(res);
      if (fromQuery) res.setHeader('set-cookie', tokenCookie(token));
      res.setHeader('content-security-policy', CSP);
      res.setHeader('cache-control', 'no-store');
      if (!(await sendFile(res, join(options.rendererDir, 'index.html')))) {
        sendError(res, { code: 'internal', message: 'The UI is not built: run `npm run build`' });
      }
      return;
    }

    if (path.startsWith('/api/')) {
      if (
        !sameToken(headerToken(req), token) &&
        !(path === '/api/events' && sameToken(cookieToken(req), token))
      ) {
        return refuse(res);
      }
      if (path === '/api/events' && req.method === 'GET') return streamEvents(options.engine, res);
      if (req.method !== 'POST')
        return sendError(res, { code: 'invalid_argument', message: 'Use POST' }, 405);
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, { code: 'invalid_argument', message: 'Send application/json' }, 415);
      }
      const body = await readJsonBody(req);
      const method = path.slice('/api/'.length);
      const refused = refusedOverHttp(method, body);
      if (refused) return sendError(res, { code: 'invalid_argument', message: refused }, 400);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const outcome = await dispatch(options.engine.handlers, method, body);
      // The engine's own time (validation + handler), apart from HTTP and JSON, and the
      // process's CPU time meanwhile (steady on a busy machine): devtools show them, the
      // bench reads them.
      const used = process.cpuUsage(cpu);
      res.setHeader(
        'server-timing',
        `engine;dur=${(performance.now() - started).toFixed(2)}, cpu;dur=${((used.user + used.system) / 1000).toFixed(2)}`,
      );
      const status = outcome.ok ? 200 : statusFor(outcome.error.code);
      return sendJson(res, status, outcome);
    }

    if (!sameToken(cookieToken(req), token) && !sameToken(headerToken(req), token))
      return refuse(res);

    // A document's page: `/media/page/<sha256>/<page>?w=<width>`, painted on first request.
    if (path.startsWith('/media/page/')) {
      const request = parsePageRequest(
        path.slice('/media/page/'.length),
        url.searchParams.get('w'),
      );
      const file = request ? await options.engine.resolvePage(request) : null;
      if (
        file &&
        (await sendFile(res, file, { 'cache-control': 'private, max-age=31536000, immutable' }))
      )
        return;
      return sendError(res, { code: 'not_found', message: 'No such page' });
    }

    const media = /^\/media\/([a-z]+)\/([0-9a-f-]{64,129})$/.exec(path);
    const kind = SERVED_KINDS.find((k) => k === media?.[1]);
    if (kind && media?.[2] && isMediaKey(kind, media[2])) {
      const file = await options.engine.mediaFile(kind, media[2]);
      // Cached media never changes under its key; a video's file is read where it lies.
      const caching =
        kind === 'video' ? 'private, no-cache' : 'private, max-age=31536000, immutable';
      if (file && (await sendMedia(req, res, file, { 'cache-control': caching }))) return;
      return sendError(res, { code: 'not_found', message: 'No such media' });
    }

    const file = resolveInside(options.rendererDir, path);
    if (file && (await sendFile(res, file, { 'cache-control': 'no-cache' }))) return;
    sendError(res, { code: 'not_found', message: `Not found: ${path.slice(0, 200)}` });
  }

  await listen(server, options.port ?? 0, host);
  port = (server.address() as AddressInfo).port;
  apiHosts = servedHostNames(options.lan ? host : '127.0.0.1', port);
  // On one network address, the app still needs loopback: a second socket, same port.
  const servers = [server];
  if (!isLoopbackHost(host) && !isWildcardHost(host)) {
    const loopback = newServer();
    applyServerLimits(loopback, limits);
    try {
      await listen(loopback, port, '127.0.0.1');
    } catch (error) {
      server.close();
      throw error;
    }
    servers.push(loopback);
  }

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    connections,
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

function refuseHost(res: ServerResponse): void {
  sendError(res, { code: 'unauthorized', message: 'Request refused: not from this app' }, 403);
}

function forbid(res: ServerResponse, message: string): void {
  sendError(res, { code: 'unauthorized', message }, 403);
}

function refuse(res: ServerResponse): void {
  sendError(res, {
    code: 'unauthorized',
    message: 'Missing or wrong access token: open the address that `packshot serve` printed',
  });
}

function sendError(res: ServerResponse, error: ErrorPayload, status = statusFor(error.code)): void {
  sendJson(res, status, { ok: false, error });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}
