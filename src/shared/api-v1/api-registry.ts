// The registry of the API's public response shapes: each schema registered here becomes one
// entry of the OpenAPI document's components/schemas, referenced by `$ref` from the routes.
import { z } from 'zod';

export const apiRegistry = z.registry<{ id: string; description?: string }>();

/** Registers `schema` as the component `id` (the name clients and generated types see). */
export function component<T extends z.ZodType>(id: string, description: string, schema: T): T {
  apiRegistry.add(schema, { id, description });
  return schema;
}

export const intId = z.number().int().positive();
/** ISO 8601 date-time, UTC (`2026-12-05T07:00:00.000Z`). */
export const isoDateTime = z.iso.datetime();
/** 'YYYY-MM-DD'. */
export const isoDay = z.iso.date();
/** The first 16 hex digits of the content's SHA-256: `?v=` on media URLs. */
export const contentVersion = z.string().regex(/^[0-9a-f]{16}$/);

export const rightsReasonSchema = component(
  'RightsReason',
  'Why the rights check warns or blocks (check-rights: code, level, message).',
  z.object({
    code: z.string(),
    level: z.enum(['warn', 'block']),
    message: z.string(),
  }),
);

export const errorBodySchema = component(
  'Error',
  'The one error body of every /api/v1/ answer that is not a success.',
  z.object({
    error: z.object({
      code: z.enum([
        'unauthorized',
        'forbidden',
        'not_found',
        'invalid_argument',
        'method_not_allowed',
        'rate_limited',
        'rights_blocked',
        'unsupported_media',
        'internal',
      ]),
      message: z.string(),
      /** rights_blocked: the rights check's reasons; invalid_argument: the fields refused. */
      reasons: z.array(z.unknown()).optional(),
    }),
  }),
);
export type ApiError = z.infer<typeof errorBodySchema>;
