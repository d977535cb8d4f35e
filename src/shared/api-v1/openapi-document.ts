// The OpenAPI 3.1 document of /api/v1/, built from the route table and the zod schemas the
// router parses with: one source, so the document cannot drift from what is served.
import { z } from 'zod';
import { apiRegistry } from './api-registry';
import { API_ROUTES, type ApiResponseSpec, type ApiRoute } from './api-routes';
// Imported for their registration in apiRegistry (each module registers its components).
import './asset-schemas';
import './product-schemas';

type Json = Record<string, unknown>;

export const COMPONENT_PREFIX = '#/components/schemas/';
const ERROR_REF = { $ref: `${COMPONENT_PREFIX}Error` };
const IMAGE_TYPES = ['image/jpeg', 'image/webp', 'image/avif', 'image/png'];

/** A zod schema as a plain JSON Schema (no $schema/$id: it sits inside the document). */
function jsonSchema(schema: z.ZodType): Json {
  // Parameters only: none is a registered component, so none becomes a $ref.
  const out = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Json;
  delete out.$schema;
  delete out.$id;
  return out;
}

function componentSchemas(): Record<string, Json> {
  const { schemas } = z.toJSONSchema(apiRegistry, {
    uri: (id) => `${COMPONENT_PREFIX}${id}`,
    unrepresentable: 'any',
  }) as { schemas: Record<string, Json> };
  for (const s of Object.values(schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return schemas;
}

function parameters(route: ApiRoute): Json[] {
  const out: Json[] = [];
  const add = (where: 'path' | 'query', object: z.ZodObject | undefined): void => {
    for (const [name, field] of Object.entries(object?.shape ?? {}) as [string, z.ZodType][]) {
      const schema = jsonSchema(field);
      const required = where === 'path' || !field.safeParse(undefined).success;
      out.push({
        name,
        in: where,
        required,
        ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
        schema,
      });
    }
  };
  add('path', route.params);
  add('query', route.query);
  if (route.scope !== 'none') {
    for (const name of ['expires', 'key', 'sig'])
      out.push({ $ref: `#/components/parameters/${name}` });
  }
  return out;
}

function response(spec: ApiResponseSpec, status: number): Json {
  const headers =
    status === 429
      ? { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } }
      : undefined;
  const base = { description: spec.description, ...(headers ? { headers } : {}) };
  switch (spec.content) {
    case 'json': {
      const registered = spec.schema ? apiRegistry.get(spec.schema)?.id : undefined;
      const schema = registered
        ? { $ref: `${COMPONENT_PREFIX}${registered}` }
        : spec.schema
          ? jsonSchema(spec.schema)
          : status >= 400
            ? ERROR_REF
            : { type: 'object' };
      return { ...base, content: { 'application/json': { schema } } };
    }
    case 'image':
      return {
        ...base,
        content: Object.fromEntries(
          IMAGE_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
        ),
      };
    case 'binary':
      return {
        ...base,
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      };
    case 'html':
      return { ...base, content: { 'text/html': { schema: { type: 'string' } } } };
    case 'none':
      return base;
  }
}

/** Errors every route with credentials may answer, besides its own. */
const COMMON_ERRORS: Record<number, string> = {
  400: 'A parameter is refused (error.reasons lists the fields), or an unknown one was sent.',
  401: 'No credentials, wrong ones, or a signed URL that has expired.',
  403: "The key lacks the scope, or a signed URL's path, query, key or signature was changed.",
  429: 'Too many requests for this key: see Retry-After.',
  500: 'Something failed on the server.',
};

const NOT_MODIFIED = 'Not modified: If-None-Match named the current ETag. No body.';
const ETAG_HEADER = {
  description:
    'A strong tag of these bytes: send it as If-None-Match to get a 304 while unchanged.',
  schema: { type: 'string' },
};

function operation(route: ApiRoute): Json {
  const responses: Record<string, Json> = {};
  const all: Record<number, ApiResponseSpec> = { ...route.responses };
  if (route.scope !== 'none') {
    for (const [status, description] of Object.entries(COMMON_ERRORS))
      all[Number(status)] ??= { description, content: 'json' };
  }
  // JSON data carries a strong ETag; If-None-Match with it gets a 304 (api-endpoints.ts).
  const etagged = route.scope !== 'none' && route.responses[200]?.content === 'json';
  if (etagged) all[304] ??= { description: NOT_MODIFIED, content: 'none' };
  for (const [status, spec] of Object.entries(all))
    responses[status] = response(spec, Number(status));
  if (etagged) responses['200'] = { ...responses['200'], headers: { ETag: ETAG_HEADER } };
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: [route.tag],
    parameters: parameters(route),
    responses,
    security: route.scope === 'none' ? [] : [{ bearer: [] }, { signedUrl: [] }],
  };
}

const SIGNED_PARAMS: Record<string, Json> = {
  expires: {
    name: 'expires',
    in: 'query',
    required: false,
    description: 'Signed URL: when it stops working, in Unix seconds.',
    schema: { type: 'integer', minimum: 0 },
  },
  key: {
    name: 'key',
    in: 'query',
    required: false,
    description: 'Signed URL: the id of the API key whose secret signed it.',
    schema: { type: 'string' },
  },
  sig: {
    name: 'sig',
    in: 'query',
    required: false,
    description:
      "Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret.",
    schema: { type: 'string' },
  },
};

/** The API's own version (the path says v1; this moves with additions). */
export const API_VERSION = '1.0.0';

/** The whole document, as `/api/v1/openapi.json` serves it. */
export function buildOpenApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const route of API_ROUTES) paths[route.path] = { get: operation(route) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Packshot headless API',
      version: API_VERSION,
      description:
        'Read-only access to products, their media, assets and collections, and renditions by URL. Every answer that is not a success carries the one error body (components/schemas/Error). URLs in answers are paths on this origin.',
    },
    servers: [{ url: '/api/v1' }],
    tags: [
      { name: 'products', description: 'Products (SKUs) and their media.' },
      { name: 'assets', description: 'Files, their facts and versions; search.' },
      { name: 'collections', description: 'Saved searches and hand-ordered lists.' },
      { name: 'renditions', description: 'Images rendered on request, cached by content.' },
      { name: 'documentation', description: 'This document and its page.' },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      parameters: SIGNED_PARAMS,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'The session token that `packshot serve` printed, or an API key (LAN serving, `--api-keys`).',
        },
        signedUrl: {
          type: 'apiKey',
          in: 'query',
          name: 'sig',
          description:
            'A signed URL: `?expires=<unix seconds>&key=<keyId>&sig=<base64url HMAC-SHA256>` appended to any GET path, for front ends to embed without a key.',
        },
      },
    },
  };
}
