import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../../../engine';
import type { ApiAccess } from './api-access';
import { sendApiError } from './api-responses';
import { serveRendition } from './render-route';

export interface ApiV1Context {
  engine: Engine;
  access: ApiAccess;
}

/** Everything under `/api/v1/`: read-only, GET (and HEAD) only. */
export async function handleApiV1(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: ApiV1Context,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendApiError(res, 405, 'method_not_allowed', 'The API is read-only: use GET');
  }
  const rest = url.pathname.slice('/api/v1/'.length);
  const scope = rest.startsWith('render/') ? 'render' : 'read';
  const decision = ctx.access.authorize(req, url, scope);
  if (!decision.ok) {
    if (decision.retryAfterS) res.setHeader('retry-after', String(decision.retryAfterS));
    return sendApiError(res, decision.status, decision.code, decision.message);
  }
  if (scope === 'render') {
    return serveRendition(
      req,
      res,
      url,
      ctx.engine,
      decision.principal,
      rest.slice('render/'.length),
    );
  }
  sendApiError(res, 404, 'not_found', `No such endpoint: /api/v1/${rest.slice(0, 200)}`);
}
