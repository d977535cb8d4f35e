// GET /api/v1/docs: Swagger UI over /api/v1/openapi.json, served offline from the installed
// swagger-ui-dist package (its bundle and stylesheet) and our own initializer script.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { sendFile } from '../static-files';
import { sendApiError } from './api-responses';

/**
 * The docs page's own policy, as strict as Swagger UI allows:
 * - script-src 'self': its bundle and our initializer, both files (no inline script). The
 *   bundle's `new Function("return this")` runs only where globalThis is missing, not here.
 * - style-src 'self': its stylesheet. React sets element styles through the CSSOM, which
 *   CSP does not govern, so no 'unsafe-inline'.
 * - img-src 'self' data:: the stylesheet draws its icons as data: SVGs.
 * - connect-src 'self': it fetches the document, and "Try it out" calls this API.
 * Everything else is refused (no fonts, frames, forms, objects or workers).
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const DOCS = '/api/v1/docs';

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Packshot API</title>
    <link rel="stylesheet" href="${DOCS}/swagger-ui.css">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS}/swagger-ui-bundle.js"></script>
    <script src="${DOCS}/initializer.js"></script>
  </body>
</html>
`;

// validatorUrl null: the badge would ask an online validator; this page stays offline.
const INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;

/** The files the page loads from the package, by the name it asks for. */
const PACKAGE_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js']);

let packageDir: string | undefined;
function swaggerDir(): string {
  packageDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return packageDir;
}

function sendText(
  res: ServerResponse,
  type: string,
  text: string,
  headers: Record<string, string>,
): void {
  res.writeHead(200, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** `rest`: the path after `/api/v1` ('/docs' or '/docs/<file>'); false when not the page's. */
export async function serveDocs(res: ServerResponse, rest: string): Promise<boolean> {
  if (rest === '/docs') {
    sendText(res, 'text/html', PAGE, {
      'content-security-policy': DOCS_CSP,
      'cache-control': 'no-cache',
    });
    return true;
  }
  if (!rest.startsWith('/docs/')) return false;
  const name = rest.slice('/docs/'.length);
  if (name === 'initializer.js') {
    sendText(res, 'text/javascript', INITIALIZER, { 'cache-control': 'no-cache' });
    return true;
  }
  if (
    PACKAGE_FILES.has(name) &&
    (await sendFile(res, join(swaggerDir(), name), { 'cache-control': 'no-cache' }))
  )
    return true;
  sendApiError(res, 404, 'not_found', `No such docs file: ${name.slice(0, 100)}`);
  return true;
}
