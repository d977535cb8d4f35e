// Generated from the OpenAPI document of /api/v1/ by `npm run api:types`: do not edit.
// hosts/http/api-v1/openapi-types.test.ts fails when this file differs from a fresh generation.
export interface paths {
  '/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List products
     * @description Products by SKU order, a page at a time, optionally filtered by words or channel.
     */
    get: operations['listProducts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products/{sku}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a product by SKU
     * @description One product with its attributes, channels, variants and the media linked to it.
     */
    get: operations['getProduct'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products/{sku}/media': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A product's media for a front end
     * @description The product's linked files in board order (main, gallery, detail, lifestyle, swatch, spin, video, document, model; then position) with alt text, credit, licence end, size, placeholder and URLs. With `channel`, each file goes through the rights check for that channel: blocked files are left out and listed in `withheld` with the reasons.
     */
    get: operations['getProductMedia'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search assets
     * @description Assets matching a query in the search language (as the app and `packshot assets` take it), by name.
     */
    get: operations['searchAssets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get an asset
     * @description One asset's facts, media facts and versions. With `channel`, the rights check for that channel: a block answers 451 with the reasons.
     */
    get: operations['getAsset'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/assets/{id}/media/{which}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An asset's poster or file
     * @description poster: a still standing for a video, model or document (its preview, else its thumbnail). file: a video, a 3D model (as GLB) or a PDF itself; byte ranges are honoured. With `v` equal to the content version the answer is immutable.
     */
    get: operations['getAssetMedia'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/collections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List collections
     * @description Every collection: saved searches (smart) and hand-ordered lists (manual).
     */
    get: operations['listCollections'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/collections/{id}/assets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A collection's assets
     * @description A page of a collection's assets: a manual one's own order, a smart one's by name.
     */
    get: operations['listCollectionAssets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/render/{assetId}/{transform}.{ext}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A rendition by URL
     * @description A rendition of an asset, made by the export engine and cached on disk by (content, normalised transform).
     *
     *     **Transform grammar**: comma-separated `key_value` parts, each key at most once:
     *
     *     | part | values | meaning |
     *     | --- | --- | --- |
     *     | `w_<n>` | 1–8192 | width in pixels |
     *     | `h_<n>` | 1–8192 | height in pixels |
     *     | `c_<mode>` | `fill`, `fit`, `pad` | crop to fill the box, fit inside it, or fit and pad to it |
     *     | `g_<gravity>` | `auto`, `focal`, `center` | what `c_fill` keeps: found by content, the asset's focal point, or the centre |
     *     | `b_<colour>` | `white`, `black`, 6 hex digits | background for `c_pad` and flattened transparency (`transparent` is refused with a 400: renditions are flattened onto a colour) |
     *     | `q_<n>` | 1–100 | encoder quality |
     *     | `f_<format>` | `auto`, `jpeg`, `webp`, `avif`, `png` | output format; `auto` follows the Accept header (AVIF, else WebP, else JPEG) |
     *     | `p_<presetId>` | a preset id | a channel preset's size and format; implies that preset's channel for the rights check |
     *
     *     Example: `/api/v1/render/42/w_800,h_800,c_pad,b_white,f_webp.webp`.
     *
     *     `{ext}` is `jpg`, `jpeg`, `webp`, `avif` or `png` and must agree with `f_` unless `f_auto`.
     *     `?v=<content version>` (the first 16 hex digits of the content's SHA-256, as media items give it) makes
     *     the answer immutable (`Cache-Control: public, max-age=31536000, immutable`; `max-age` ends sooner, with the
     *     last day its licences allow, when they end within the year); without it the answer
     *     is revalidated with its strong ETag (`If-None-Match` → 304). `?channel=` names the use for the rights
     *     check: a block answers 451 with the reasons. Concurrent requests for one new rendition render it once.
     */
    get: operations['renderAsset'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This document
     * @description The OpenAPI 3.1 document of /api/v1/. Needs no credentials: it holds no data.
     */
    get: operations['getOpenApi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The docs page
     * @description Swagger UI over this document, served offline. Needs no credentials.
     */
    get: operations['getDocs'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    RightsReason: {
      code: string;
      /** @enum {string} */
      level: 'warn' | 'block';
      message: string;
    };
    Error: {
      error: {
        /** @enum {string} */
        code:
          | 'unauthorized'
          | 'forbidden'
          | 'not_found'
          | 'invalid_argument'
          | 'method_not_allowed'
          | 'rate_limited'
          | 'rights_blocked'
          | 'unsupported_media'
          | 'internal';
        message: string;
        reasons?: unknown[];
      };
    };
    AssetSummary: {
      id: number;
      name: string;
      /** @enum {string} */
      kind: 'image' | 'raw' | 'vector' | 'video' | 'document' | 'model' | 'spin' | 'other';
      format: string | null;
      mime: string;
      width: number | null;
      height: number | null;
      bytes: number;
      contentVersion: string | null;
      /** @enum {string} */
      state: 'pending' | 'ok' | 'error' | 'missing' | 'offline';
      capturedAt: string | null;
      /** Format: date-time */
      addedAt: string;
      rating: number;
      placeholder: string | null;
    };
    AssetPage: {
      total: number;
      offset: number;
      limit: number;
      items: components['schemas']['AssetSummary'][];
    };
    MediaFacts: {
      durationMs: number | null;
      codec: string | null;
      fps: number | null;
      bitrate: number | null;
      audio: boolean | null;
      rotation: number | null;
      pages: number | null;
      title: string | null;
      author: string | null;
      meshes: number | null;
      triangles: number | null;
      materials: number | null;
      textures: number | null;
      frames: number | null;
    };
    AssetVersion: {
      n: number;
      contentVersion: string;
      bytes: number;
      width: number | null;
      height: number | null;
      /** Format: date-time */
      recordedAt: string;
      current: boolean;
    };
    AssetRights: {
      channel: string;
      /** @enum {string} */
      verdict: 'allow' | 'warn';
      reasons: components['schemas']['RightsReason'][];
    };
    Asset: {
      id: number;
      name: string;
      /** @enum {string} */
      kind: 'image' | 'raw' | 'vector' | 'video' | 'document' | 'model' | 'spin' | 'other';
      format: string | null;
      mime: string;
      width: number | null;
      height: number | null;
      bytes: number;
      contentVersion: string | null;
      /** @enum {string} */
      state: 'pending' | 'ok' | 'error' | 'missing' | 'offline';
      capturedAt: string | null;
      /** Format: date-time */
      addedAt: string;
      rating: number;
      placeholder: string | null;
      title: string | null;
      description: string | null;
      keywords: string[];
      facts: components['schemas']['MediaFacts'] | null;
      versions: components['schemas']['AssetVersion'][];
      rights: components['schemas']['AssetRights'] | null;
    };
    Collection: {
      id: number;
      name: string;
      /** @enum {string} */
      kind: 'smart' | 'manual';
      query: string | null;
      count: number;
      /** Format: date-time */
      createdAt: string;
    };
    CollectionList: {
      items: components['schemas']['Collection'][];
    };
    ProductSummary: {
      id: number;
      sku: string;
      name: string;
      parentSku: string | null;
      productType: string | null;
      attributes: {
        [key: string]: string;
      };
      channels: string[];
      variantCount: number;
      mediaCount: number;
      mainAssetId: number | null;
      /** Format: date-time */
      updatedAt: string;
    };
    ProductPage: {
      total: number;
      offset: number;
      limit: number;
      items: components['schemas']['ProductSummary'][];
    };
    Product: {
      id: number;
      sku: string;
      name: string;
      parentSku: string | null;
      productType: string | null;
      attributes: {
        [key: string]: string;
      };
      channels: string[];
      variantCount: number;
      mediaCount: number;
      mainAssetId: number | null;
      /** Format: date-time */
      updatedAt: string;
      variants: components['schemas']['ProductSummary'][];
      media: {
        assetId: number;
        /** @enum {string} */
        role:
          | 'main'
          | 'gallery'
          | 'detail'
          | 'lifestyle'
          | 'swatch'
          | 'spin'
          | 'video'
          | 'document'
          | 'model';
        position: number;
      }[];
    };
    MediaItem: {
      assetId: number;
      /** @enum {string} */
      kind: 'image' | 'raw' | 'vector' | 'video' | 'document' | 'model' | 'spin' | 'other';
      /** @enum {string} */
      role:
        | 'main'
        | 'gallery'
        | 'detail'
        | 'lifestyle'
        | 'swatch'
        | 'spin'
        | 'video'
        | 'document'
        | 'model';
      /** @description 0-based order within its role. */
      position: number;
      /** @description Alt text: the file's description, else its title, else product name and role. */
      alt: string;
      /** @description The credit lines of its licences (required ones first), joined by "; ". */
      credit: string | null;
      /** @description The earliest end of its licences; null when none ends. */
      licenceEnd: string | null;
      /** @description As shown (after EXIF orientation). */
      width: number | null;
      height: number | null;
      /** @description ThumbHash (base64), painted until the image arrives. */
      placeholder: string | null;
      /** @description The first 16 hex digits of the content's SHA-256, as `?v=` in its URLs. */
      contentVersion: string | null;
      /** @description The original file's media type. */
      mime: string;
      /** @description Stills: a render URL at a default width (at most 1280); null for other kinds. */
      src: string | null;
      /** @description Stills: render URLs at several widths, as an HTML srcset ("<url> 640w, …"). */
      srcset: string | null;
      /** @description Video, model, document: a still standing for it (/assets/{id}/media/poster). */
      poster: string | null;
      /** @description Video, model (GLB), document (PDF): the file itself (/assets/{id}/media/file). */
      file: string | null;
      /** @description Spins: every frame in turning order, as render URLs at the item's src width; frames whose rights block the channel are left out. Null for other kinds. */
      frames: string[] | null;
    };
    Withheld: {
      assetId: number;
      reasons: components['schemas']['RightsReason'][];
    };
    ProductMedia: {
      sku: string;
      channel: string | null;
      items: components['schemas']['MediaItem'][];
      withheld: components['schemas']['Withheld'][];
    };
  };
  responses: never;
  parameters: {
    /** @description Signed URL: when it stops working, in Unix seconds. */
    expires: number;
    /** @description Signed URL: the id of the API key whose secret signed it. */
    key: string;
    /** @description Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret. */
    sig: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listProducts: {
    parameters: {
      query?: {
        /** @description Items to skip. */
        offset?: number;
        /** @description Items per page (at most 500). */
        limit?: number;
        /** @description Words that SKU, name or attributes must all match (the search language). */
        query?: string;
        /** @description Only products that sell on this channel. */
        channel?: string;
        /** @description Signed URL: when it stops working, in Unix seconds. */
        expires?: components['parameters']['expires'];
        /** @description Signed URL: the id of the API key whose secret signed it. */
        key?: components['parameters']['key'];
        /** @description Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret. */
        sig?: components['parameters']['sig'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of products. */
      200: {
        headers: {
          /** @description A strong tag of these bytes: send it as If-None-Match to get a 304 while unchanged. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductPage'];
        };
      };
      /** @description Not modified: If-None-Match named the current ETag. No body. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is refused (error.reasons lists the fields), or an unknown one was sent. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No credentials, wrong ones, or a signed URL that has expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The key lacks the scope, or a signed URL's path, query, key or signature was changed. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests for this key: see Retry-After. */
      429: {
        headers: {
          /** @description Seconds to wait. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Something failed on the server. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getProduct: {
    parameters: {
      query?: {
        /** @description Signed URL: when it stops working, in Unix seconds. */
        expires?: components['parameters']['expires'];
        /** @description Signed URL: the id of the API key whose secret signed it. */
        key?: components['parameters']['key'];
        /** @description Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret. */
        sig?: components['parameters']['sig'];
      };
      header?: never;
      path: {
        /** @description The SKU, URL-encoded (encodeURIComponent). */
        sku: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The product. */
      200: {
        headers: {
          /** @description A strong tag of these bytes: send it as If-None-Match to get a 304 while unchanged. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Product'];
        };
      };
      /** @description Not modified: If-None-Match named the current ETag. No body. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is refused (error.reasons lists the fields), or an unknown one was sent. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No credentials, wrong ones, or a signed URL that has expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The key lacks the scope, or a signed URL's path, query, key or signature was changed. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such SKU. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests for this key: see Retry-After. */
      429: {
        headers: {
          /** @description Seconds to wait. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Something failed on the server. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getProductMedia: {
    parameters: {
      query?: {
        /** @description A channel id (amazon, shopify, …): the use the rights check judges; blocked media are withheld (or answer 451). */
        channel?: string;
        /** @description Signed URL: when it stops working, in Unix seconds. */
        expires?: components['parameters']['expires'];
        /** @description Signed URL: the id of the API key whose secret signed it. */
        key?: components['parameters']['key'];
        /** @description Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret. */
        sig?: components['parameters']['sig'];
      };
      header?: never;
      path: {
        /** @description The SKU, URL-encoded (encodeURIComponent). */
        sku: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The product's media. */
      200: {
        headers: {
          /** @description A strong tag of these bytes: send it as If-None-Match to get a 304 while unchanged. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProductMedia'];
        };
      };
      /** @description Not modified: If-None-Match named the current ETag. No body. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is refused (error.reasons lists the fields), or an unknown one was sent. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No credentials, wrong ones, or a signed URL that has expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The key lacks the scope, or a signed URL's path, query, key or signature was changed. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such SKU. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests for this key: see Retry-After. */
      429: {
        headers: {
          /** @description Seconds to wait. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Something failed on the server. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  searchAssets: {
    parameters: {
      query?: {
        /** @description Items to skip. */
        offset?: number;
        /** @description Items per page (at most 500). */
        limit?: number;
        /** @description The search language: words, field:value, width>=2000, AND / OR / NOT, ( ). Empty: every asset. */
        q?: string;
        /** @description Signed URL: when it stops working, in Unix seconds. */
        expires?: components['parameters']['expires'];
        /** @description Signed URL: the id of the API key whose secret signed it. */
        key?: components['parameters']['key'];
        /** @description Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret. */
        sig?: components['parameters']['sig'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of assets. */
      200: {
        headers: {
          /** @description A strong tag of these bytes: send it as If-None-Match to get a 304 while unchanged. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssetPage'];
        };
      };
      /** @description Not modified: If-None-Match named the current ETag. No body. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is refused (error.reasons lists the fields), or an unknown one was sent. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No credentials, wrong ones, or a signed URL that has expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The key lacks the scope, or a signed URL's path, query, key or signature was changed. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests for this key: see Retry-After. */
      429: {
        headers: {
          /** @description Seconds to wait. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Something failed on the server. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAsset: {
    parameters: {
      query?: {
        /** @description A channel id (amazon, shopify, …): the use the rights check judges; blocked media are withheld (or answer 451). */
        channel?: string;
        /** @description Signed URL: when it stops working, in Unix seconds. */
        expires?: components['parameters']['expires'];
        /** @description Signed URL: the id of the API key whose secret signed it. */
        key?: components['parameters']['key'];
        /** @description Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret. */
        sig?: components['parameters']['sig'];
      };
      header?: never;
      path: {
        /** @description The id. */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The asset. */
      200: {
        headers: {
          /** @description A strong tag of these bytes: send it as If-None-Match to get a 304 while unchanged. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Asset'];
        };
      };
      /** @description Not modified: If-None-Match named the current ETag. No body. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is refused (error.reasons lists the fields), or an unknown one was sent. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No credentials, wrong ones, or a signed URL that has expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The key lacks the scope, or a signed URL's path, query, key or signature was changed. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such asset. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests for this key: see Retry-After. */
      429: {
        headers: {
          /** @description Seconds to wait. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The asset's rights block that channel: error.reasons says why. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Something failed on the server. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getAssetMedia: {
    parameters: {
      query?: {
        /** @description A channel id (amazon, shopify, …): the use the rights check judges; blocked media are withheld (or answer 451). */
        channel?: string;
        /** @description The content version: when it matches, the answer is cached as immutable. */
        v?: string;
        /** @description Signed URL: when it stops working, in Unix seconds. */
        expires?: components['parameters']['expires'];
        /** @description Signed URL: the id of the API key whose secret signed it. */
        key?: components['parameters']['key'];
        /** @description Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret. */
        sig?: components['parameters']['sig'];
      };
      header?: never;
      path: {
        /** @description The asset's id. */
        id: number;
        /** @description poster: a still standing for it; file: the file itself (video, GLB model, PDF). */
        which: 'poster' | 'file';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The bytes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description The byte range asked for. */
      206: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description A parameter is refused (error.reasons lists the fields), or an unknown one was sent. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No credentials, wrong ones, or a signed URL that has expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The key lacks the scope, or a signed URL's path, query, key or signature was changed. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such asset, or it has none of that. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests for this key: see Retry-After. */
      429: {
        headers: {
          /** @description Seconds to wait. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The asset's rights block that channel: error.reasons says why. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Something failed on the server. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listCollections: {
    parameters: {
      query?: {
        /** @description Signed URL: when it stops working, in Unix seconds. */
        expires?: components['parameters']['expires'];
        /** @description Signed URL: the id of the API key whose secret signed it. */
        key?: components['parameters']['key'];
        /** @description Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret. */
        sig?: components['parameters']['sig'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The collections. */
      200: {
        headers: {
          /** @description A strong tag of these bytes: send it as If-None-Match to get a 304 while unchanged. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollectionList'];
        };
      };
      /** @description Not modified: If-None-Match named the current ETag. No body. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is refused (error.reasons lists the fields), or an unknown one was sent. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No credentials, wrong ones, or a signed URL that has expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The key lacks the scope, or a signed URL's path, query, key or signature was changed. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests for this key: see Retry-After. */
      429: {
        headers: {
          /** @description Seconds to wait. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Something failed on the server. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  listCollectionAssets: {
    parameters: {
      query?: {
        /** @description Items to skip. */
        offset?: number;
        /** @description Items per page (at most 500). */
        limit?: number;
        /** @description Signed URL: when it stops working, in Unix seconds. */
        expires?: components['parameters']['expires'];
        /** @description Signed URL: the id of the API key whose secret signed it. */
        key?: components['parameters']['key'];
        /** @description Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret. */
        sig?: components['parameters']['sig'];
      };
      header?: never;
      path: {
        /** @description The id. */
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of assets. */
      200: {
        headers: {
          /** @description A strong tag of these bytes: send it as If-None-Match to get a 304 while unchanged. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssetPage'];
        };
      };
      /** @description Not modified: If-None-Match named the current ETag. No body. */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description A parameter is refused (error.reasons lists the fields), or an unknown one was sent. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No credentials, wrong ones, or a signed URL that has expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The key lacks the scope, or a signed URL's path, query, key or signature was changed. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such collection. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests for this key: see Retry-After. */
      429: {
        headers: {
          /** @description Seconds to wait. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Something failed on the server. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  renderAsset: {
    parameters: {
      query?: {
        /** @description The content version: makes the answer immutable. */
        v?: string;
        /** @description The use the rights check judges (451 when blocked). */
        channel?: string;
        /** @description Signed URL: when it stops working, in Unix seconds. */
        expires?: components['parameters']['expires'];
        /** @description Signed URL: the id of the API key whose secret signed it. */
        key?: components['parameters']['key'];
        /** @description Signed URL: base64url HMAC-SHA256 over the path and `expires`, with the key's secret. */
        sig?: components['parameters']['sig'];
      };
      header?: never;
      path: {
        /** @description The asset's id. */
        assetId: number;
        /** @description Comma-separated key_value parts (see the grammar above), e.g. w_800,c_fit,f_auto. */
        transform: string;
        /** @description The file extension. */
        ext: 'jpg' | 'jpeg' | 'webp' | 'avif' | 'png';
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The image (Content-Type image/*). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'image/jpeg': string;
          'image/webp': string;
          'image/avif': string;
          'image/png': string;
        };
      };
      /** @description Not modified (If-None-Match matched the ETag). */
      304: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The transform or extension does not parse, or disagrees with f_. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No credentials, wrong ones, or a signed URL that has expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The key lacks the render scope, or a signed URL's path, query, key or signature was changed. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description No such asset, or it has no pixels to render. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The asset is of a kind that renders to no image. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests for this key: see Retry-After. */
      429: {
        headers: {
          /** @description Seconds to wait. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The asset's rights block the channel: error.reasons says why. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Something failed on the server. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getOpenApi: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
    };
  };
  getDocs: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description An HTML page. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
    };
  };
}
