// Validates answers against the OpenAPI document as served at /api/v1/openapi.json: the
// response schema of a route and status is resolved from the document itself (ajv, JSON
// Schema 2020-12 as OpenAPI 3.1 uses), so a test checks what clients are promised.
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Doc = { paths: Record<string, { get: { responses: Record<string, unknown> } }> };

export interface ResponseValidator {
  /** The errors of `body` against route `path` (a template, e.g. '/products/{sku}') at `status`; [] when valid. */
  errors(path: string, status: number, body: unknown): string[];
}

const pointer = (part: string): string => part.replace(/~/g, '~0').replace(/\//g, '~1');

export function responseValidator(document: unknown): ResponseValidator {
  const doc = document as Doc;
  // strict off: the document holds OpenAPI words (paths, operationId) that are not JSON Schema.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(document as object, 'openapi.json');
  return {
    errors(path, status, body) {
      const responses = doc.paths[path]?.get.responses;
      if (!responses?.[String(status)]) return [`the document has no ${status} answer for ${path}`];
      const ref = `openapi.json#/paths/${pointer(path)}/get/responses/${status}/content/${pointer('application/json')}/schema`;
      const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
      return validate(body)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    },
  };
}
