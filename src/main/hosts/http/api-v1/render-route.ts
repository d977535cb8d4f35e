import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderQuery } from '../../../../shared/api-v1/render-route-doc';
import { parseRenditionPath } from '../../../../shared/transform-grammar';
import type { Engine } from '../../../engine';
import type { ApiPrincipal } from './api-access';
import { sendApiError } from './api-responses';
import { etagMatches, immutableUntil } from './http-caching';

const REVALIDATE = 'private, no-cache';

/**
 * `GET|HEAD /api/v1/render/{assetId}/{transform}.{ext}`: a rendition by URL (README
 * "Renditions by URL"). `rest` is the path after `/api/v1/render/`. The ETag is the cache
 * key (content, renderer version, normalised transform, format), so it is strong.
 *
 * Caching: `?v=` equal to the asset's current content version makes the answer immutable.
 * Without it, or with a stale one, the current content is sent with `private, no-cache`: a
 * page embedding an old `v` still shows the product (not a 404), and a cache must come back
 * (a cheap 304 by ETag) rather than keep the old picture for a year under the old URL.
 * An immutable answer lives a year, or until its licences' last day if sooner.
 */
export async function serveRendition(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  engine: Engine,
  _principal: ApiPrincipal,
  rest: string,
): Promise<void> {
  const parsed = parseRenditionPath(rest);
  if (!parsed.ok) return sendApiError(res, 400, 'invalid_argument', parsed.message);
  // The document's own query schema, as the router parses every other route's: a repeated
  // `channel` would leave the rights check to judge one use while a proxy saw another.
  const query = renderQueryOf(url.searchParams);
  if (typeof query === 'string') return sendApiError(res, 400, 'invalid_argument', query);
  const channel = query.channel ?? null;
  const { assetId, transform, canonical } = parsed.value;
  const started = performance.now();
  const answer = await engine.rendition({
    assetId,
    transform,
    canonical,
    accept: req.headers.accept,
    channel,
  });
  switch (answer.kind) {
    case 'not_found':
      return sendApiError(res, 404, 'not_found', answer.message);
    case 'invalid':
      return sendApiError(res, 400, 'invalid_argument', answer.message);
    case 'unsupported':
      return sendApiError(res, 415, 'unsupported_media', answer.message);
    case 'blocked':
      return sendApiError(res, 451, 'rights_blocked', answer.message, {
        reasons: answer.reasons.map(({ code, level, message }) => ({ code, level, message })),
      });
    case 'file':
      break;
  }
  const etag = `"${answer.etag}"`;
  const headers: Record<string, string> = {
    etag,
    'cache-control':
      url.searchParams.get('v') === answer.version ? immutableUntil(answer.until) : REVALIDATE,
    'x-packshot-render': answer.cache,
    // The engine's share of the answer (the bench tells it from the round trip).
    'server-timing': `engine;dur=${(performance.now() - started).toFixed(2)}`,
    'x-content-type-options': 'nosniff',
  };
  if (transform.format === 'auto') headers.vary = 'Accept';
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  const stream = createReadStream(answer.file);
  // Opened before the head is written: a file trimmed meanwhile is an error, not a torn body.
  const opened = await new Promise<Error | null>((resolve) => {
    stream.once('open', () => resolve(null));
    stream.once('error', resolve);
  });
  if (opened) return sendApiError(res, 500, 'internal', 'The rendition vanished; ask again');
  res.writeHead(200, {
    ...headers,
    'content-type': answer.contentType,
    'content-length': String(answer.bytes),
  });
  if (req.method === 'HEAD') {
    stream.destroy();
    return void res.end();
  }
  stream.pipe(res);
  await new Promise<void>((resolve) => {
    res.once('close', resolve);
    stream.once('error', () => {
      res.destroy();
      resolve();
    });
  });
}

/** If-None-Match: `*`, or a list of tags (a weak match is enough for a 304). */
/** `?v` and `?channel` (signing parameters aside), each at most once; else what is wrong. */
function renderQueryOf(params: URLSearchParams): { v?: string; channel?: string } | string {
  const raw = new Map<string, string>();
  for (const [key, value] of params) {
    if (key === 'expires' || key === 'key' || key === 'sig') continue;
    if (raw.has(key)) return `Query parameter ${key.slice(0, 40)} given twice`;
    raw.set(key, value);
  }
  const parsed = renderQuery.safeParse(Object.fromEntries(raw));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `Bad query parameter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`.trim();
}
