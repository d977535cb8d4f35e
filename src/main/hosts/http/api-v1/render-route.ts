import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../../../engine';
import type { ApiPrincipal } from './api-access';
import { sendApiError } from './api-responses';

/**
 * `GET /api/v1/render/{assetId}/{transform}.{ext}`: a rendition by URL. `rest` is the path
 * after `/api/v1/render/`. Not built yet.
 */
export async function serveRendition(
  _req: IncomingMessage,
  res: ServerResponse,
  _url: URL,
  _engine: Engine,
  _principal: ApiPrincipal,
  _rest: string,
): Promise<void> {
  await Promise.resolve();
  sendApiError(res, 404, 'not_found', 'Renditions by URL are not built yet');
}
