import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildOpenApiDocument } from '../../../../shared/api-v1/openapi-document';
import type { Engine } from '../../../engine';
import { toErrorPayload } from '../../dispatch';
import type { ApiAccess } from './api-access';
import { sendApiError, sendApiJson } from './api-responses';
import { matchRoute, publicRoute } from './api-router';
import { runEndpoint } from './api-endpoints';
import { ApiFailure } from './channel-rights';
import { serveDocs } from './docs-page';
import { serveRendition } from './render-route';
import { urlSigner } from './url-signer';

export interface ApiV1Context {
  engine: Engine;
  access: ApiAccess;
}

let document: string | undefined;

/** Everything under `/api/v1/`: read-only, GET (and HEAD) only. */
export async function handleApiV1(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: ApiV1Context,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendApiError(res, 405, 'method_not_allowed', 'The API is read-only: use GET');
  }
  const rest = url.pathname.slice('/api/v1/'.length);
  // The document and its docs page hold no data: no credentials asked.
  if (publicRoute(`/${rest}`)?.operationId === 'getOpenApi') {
    document ??= JSON.stringify(buildOpenApiDocument());
    return sendApiJson(res, 200, JSON.parse(document), { 'cache-control': 'no-cache' });
  }
  if (rest === 'docs' || rest.startsWith('docs/')) {
    await serveDocs(res, `/${rest}`);
    return;
  }
  const scope = rest.startsWith('render/') ? 'render' : 'read';
  const decision = ctx.access.authorize(req, url, scope);
  if (!decision.ok) {
    if (decision.retryAfterS) res.setHeader('retry-after', String(decision.retryAfterS));
    return sendApiError(res, decision.status, decision.code, decision.message);
  }
  try {
    if (scope === 'render') {
      return await serveRendition(
        req,
        res,
        url,
        ctx.engine,
        decision.principal,
        rest.slice('render/'.length),
      );
    }
    const matched = matchRoute(`/${rest}`, url.searchParams);
    if (!matched.ok) {
      const code = matched.status === 400 ? 'invalid_argument' : 'not_found';
      return sendApiError(res, matched.status, code, matched.message, {
        ...(matched.reasons ? { reasons: matched.reasons } : {}),
      });
    }
    await runEndpoint(
      req,
      res,
      ctx.engine,
      matched.match,
      urlSigner(
        ctx.access,
        decision.principal,
        Date.now(),
        // A signed URL (checked: one numeric expires) mints no link that outlives it.
        decision.principal.kind === 'signed' ? Number(url.searchParams.get('expires')) : undefined,
      ),
    );
  } catch (error) {
    // One error body for every route, renditions included; never a raw message with a path.
    if (res.headersSent) return void res.destroy();
    if (error instanceof ApiFailure) {
      return sendApiError(res, error.status, error.code, error.message, {
        ...(error.reasons ? { reasons: error.reasons } : {}),
      });
    }
    const payload = toErrorPayload(error);
    const status =
      payload.code === 'not_found' ? 404 : payload.code === 'invalid_argument' ? 400 : 500;
    const code = status === 500 ? 'internal' : payload.code;
    sendApiError(
      res,
      status,
      code,
      status === 500 ? 'Something failed on the server' : payload.message,
    );
  }
}
