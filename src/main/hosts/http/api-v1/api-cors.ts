// CORS for `/api/v1/`: any front end's page may call it, since what admits a call is a bearer
// token or a signed URL, never a cookie (`*` sends no credentials). The rest of the bridge
// keeps its same-origin rules.
import type { IncomingMessage, ServerResponse } from 'node:http';

const EXPOSED = 'ETag, Retry-After, Content-Length, Content-Type, Cache-Control, Vary';

/** Sets the CORS headers; answers a preflight itself (returns true then). */
export function applyApiCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader('access-control-allow-origin', '*');
  res.setHeader('access-control-expose-headers', EXPOSED);
  // Renditions are meant to be embedded in other sites' pages.
  res.setHeader('cross-origin-resource-policy', 'cross-origin');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'access-control-allow-methods': 'GET, HEAD',
    'access-control-allow-headers': 'Authorization, If-None-Match, If-Modified-Since',
    'access-control-max-age': '600',
    'content-length': '0',
  });
  res.end();
  return true;
}
