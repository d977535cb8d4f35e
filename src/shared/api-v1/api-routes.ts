// The one route table of /api/v1/: the router matches and parses requests with it, and
// openapi-document.ts describes the same routes. Add a route here, its handler in
// hosts/http/api-v1/api-endpoints.ts, and both follow.
import type { z } from 'zod';
import {
  assetSearchQuery,
  channelQuery,
  idPath,
  mediaPath,
  mediaQuery,
  pageQuery,
  productListQuery,
  skuPath,
} from './api-params';
import { assetDetailSchema, assetPageSchema, collectionListSchema } from './asset-schemas';
import { productDetailSchema, productMediaSchema, productPageSchema } from './product-schemas';
import { RENDER_DESCRIPTION, RENDER_ERRORS, renderPath, renderQuery } from './render-route-doc';

/** json: a registered schema; image, binary: bytes; html, javascript: the docs page. */
export type ApiContent = 'json' | 'image' | 'binary' | 'html' | 'none';

export interface ApiResponseSpec {
  description: string;
  content: ApiContent;
  schema?: z.ZodType;
}

export interface ApiRoute {
  operationId: string;
  /** Under /api/v1, with `{name}` path parameters (a parameter is one path segment). */
  path: string;
  summary: string;
  description: string;
  tag: 'products' | 'assets' | 'collections' | 'renditions' | 'documentation';
  params?: z.ZodObject;
  query?: z.ZodObject;
  responses: Record<number, ApiResponseSpec>;
  /** none: holds no data, no credentials needed; read / render: the scope asked for. */
  scope: 'none' | 'read' | 'render';
}

const ok = (description: string, schema: z.ZodType): ApiResponseSpec => ({
  description,
  content: 'json',
  schema,
});
const err = (description: string): ApiResponseSpec => ({ description, content: 'json' });
const NOT_FOUND = (what: string): ApiResponseSpec => err(`No such ${what}.`);
const BLOCKED = err("The asset's rights block that channel: error.reasons says why.");

export const API_ROUTES: readonly ApiRoute[] = [
  {
    operationId: 'listProducts',
    path: '/products',
    summary: 'List products',
    description:
      'Products by SKU order, a page at a time, optionally filtered by words or channel.',
    tag: 'products',
    query: productListQuery,
    responses: { 200: ok('A page of products.', productPageSchema) },
    scope: 'read',
  },
  {
    operationId: 'getProduct',
    path: '/products/{sku}',
    summary: 'Get a product by SKU',
    description: 'One product with its attributes, channels, variants and the media linked to it.',
    tag: 'products',
    params: skuPath,
    responses: { 200: ok('The product.', productDetailSchema), 404: NOT_FOUND('SKU') },
    scope: 'read',
  },
  {
    operationId: 'getProductMedia',
    path: '/products/{sku}/media',
    summary: "A product's media for a front end",
    description:
      "The product's linked files in board order (main, gallery, detail, lifestyle, swatch, spin, video, document, model; then position) with alt text, credit, licence end, size, placeholder and URLs. With `channel`, each file goes through the rights check for that channel: blocked files are left out and listed in `withheld` with the reasons.",
    tag: 'products',
    params: skuPath,
    query: channelQuery,
    responses: { 200: ok("The product's media.", productMediaSchema), 404: NOT_FOUND('SKU') },
    scope: 'read',
  },
  {
    operationId: 'searchAssets',
    path: '/assets',
    summary: 'Search assets',
    description:
      'Assets matching a query in the search language (as the app and `packshot assets` take it), by name.',
    tag: 'assets',
    query: assetSearchQuery,
    responses: { 200: ok('A page of assets.', assetPageSchema) },
    scope: 'read',
  },
  {
    operationId: 'getAsset',
    path: '/assets/{id}',
    summary: 'Get an asset',
    description:
      "One asset's facts, media facts and versions. With `channel`, the rights check for that channel: a block answers 451 with the reasons.",
    tag: 'assets',
    params: idPath,
    query: channelQuery,
    responses: {
      200: ok('The asset.', assetDetailSchema),
      404: NOT_FOUND('asset'),
      451: BLOCKED,
    },
    scope: 'read',
  },
  {
    operationId: 'getAssetMedia',
    path: '/assets/{id}/media/{which}',
    summary: "An asset's poster or file",
    description:
      'poster: a still standing for a video, model or document (its preview, else its thumbnail). file: a video, a 3D model (as GLB) or a PDF itself; byte ranges are honoured. With `v` equal to the content version the answer is immutable.',
    tag: 'assets',
    params: mediaPath,
    query: mediaQuery,
    responses: {
      200: { description: 'The bytes.', content: 'binary' },
      206: { description: 'The byte range asked for.', content: 'binary' },
      404: NOT_FOUND('asset, or it has none of that'),
      451: BLOCKED,
    },
    scope: 'read',
  },
  {
    operationId: 'listCollections',
    path: '/collections',
    summary: 'List collections',
    description: 'Every collection: saved searches (smart) and hand-ordered lists (manual).',
    tag: 'collections',
    responses: { 200: ok('The collections.', collectionListSchema) },
    scope: 'read',
  },
  {
    operationId: 'listCollectionAssets',
    path: '/collections/{id}/assets',
    summary: "A collection's assets",
    description:
      "A page of a collection's assets: a manual one's own order, a smart one's by name.",
    tag: 'collections',
    params: idPath,
    query: pageQuery,
    responses: { 200: ok('A page of assets.', assetPageSchema), 404: NOT_FOUND('collection') },
    scope: 'read',
  },
  {
    operationId: 'renderAsset',
    path: '/render/{assetId}/{transform}.{ext}',
    summary: 'A rendition by URL',
    description: RENDER_DESCRIPTION,
    tag: 'renditions',
    params: renderPath,
    query: renderQuery,
    responses: {
      200: { description: 'The image (Content-Type image/*).', content: 'image' },
      304: { description: 'Not modified (If-None-Match matched the ETag).', content: 'none' },
      ...Object.fromEntries(Object.entries(RENDER_ERRORS).map(([s, d]) => [s, err(d)])),
    },
    scope: 'render',
  },
  {
    operationId: 'getOpenApi',
    path: '/openapi.json',
    summary: 'This document',
    description: 'The OpenAPI 3.1 document of /api/v1/. Needs no credentials: it holds no data.',
    tag: 'documentation',
    responses: { 200: { description: 'The OpenAPI document.', content: 'json' } },
    scope: 'none',
  },
  {
    operationId: 'getDocs',
    path: '/docs',
    summary: 'The docs page',
    description: 'Swagger UI over this document, served offline. Needs no credentials.',
    tag: 'documentation',
    responses: { 200: { description: 'An HTML page.', content: 'html' } },
    scope: 'none',
  },
];

export type OperationId =
  | 'listProducts'
  | 'getProduct'
  | 'getProductMedia'
  | 'searchAssets'
  | 'getAsset'
  | 'getAssetMedia'
  | 'listCollections'
  | 'listCollectionAssets'
  | 'renderAsset'
  | 'getOpenApi'
  | 'getDocs';
