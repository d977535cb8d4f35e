// What each route of the table (src/shared/api-v1/api-routes.ts) does, by operationId.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationId } from '../../../../shared/api-v1/api-routes';
import type { Engine } from '../../../engine';
import type { RouteMatch } from './api-router';
import { getAsset, listCollectionAssets, listCollections, searchAssets } from './asset-endpoints';
import { serveAssetMedia } from './asset-media-route';
import { ApiFailure } from './channel-rights';
import { bodyEtag, etagMatches } from './http-caching';
import { getProduct, getProductMedia, listProducts } from './product-endpoints';
import type { UrlSigner } from './url-signer';

type Endpoint = (
  engine: Engine,
  params: Record<string, unknown>,
  query: Record<string, unknown>,
  sign: UrlSigner,
) => Promise<unknown>;

// The router parsed params and query with the route's own schemas: the casts name their shapes.

const JSON_ENDPOINTS: Partial<Record<OperationId, Endpoint>> = {
  listProducts: (e, _p, q) => listProducts(e, q as Parameters<typeof listProducts>[1]),
  getProduct: (e, p) => getProduct(e, p.sku as string),
  getProductMedia: (e, p, q, sign) =>
    getProductMedia(e, p.sku as string, q.channel as string | undefined, sign),
  searchAssets: (e, _p, q) => searchAssets(e, q as Parameters<typeof searchAssets>[1]),
  getAsset: (e, p, q) => getAsset(e, p.id as number, q.channel as string | undefined),
  listCollections: (e) => listCollections(e),
  listCollectionAssets: (e, p, q) =>
    listCollectionAssets(e, p.id as number, q as Parameters<typeof listCollectionAssets>[2]),
};

export async function runEndpoint(
  req: IncomingMessage,
  res: ServerResponse,
  engine: Engine,
  { route, params, query }: RouteMatch,
  sign: UrlSigner,
): Promise<void> {
  const id = route.operationId as OperationId;
  if (id === 'getAssetMedia') {
    return serveAssetMedia(
      req,
      res,
      engine,
      params as Parameters<typeof serveAssetMedia>[3],
      query,
    );
  }
  const endpoint = JSON_ENDPOINTS[id];
  if (!endpoint) throw new ApiFailure(404, 'not_found', `No such endpoint: ${route.path}`);
  sendJsonWithEtag(req, res, await endpoint(engine, params, query, sign));
}

/**
 * JSON answers carry a strong ETag of their bytes, and a client that sends it back gets a
 * 304: a front end polling a product's media transfers nothing while nothing changed.
 * `no-cache`, not `no-store`: keep it, but ask again (rights and links change).
 */
function sendJsonWithEtag(req: IncomingMessage, res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  const etag = bodyEtag(text);
  const headers = { etag, 'cache-control': 'private, no-cache' };
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}
