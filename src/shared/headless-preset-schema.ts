// The zod schema of a preset's optional `headless` section (HeadlessRules).
import { z } from 'zod';
import { OUTPUT_FORMATS } from './export-dto';

// One header value: printable ASCII, no line break (_headers is one header per line).
const headerValue = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x20-\x7e]+$/, 'printable ASCII on one line');

export const headlessRulesSchema = z
  .object({
    sizes: z
      .string()
      .min(1)
      .max(500)
      .regex(/^[^\n\r"<>]+$/, 'no quotes, angle brackets or line breaks')
      .default('(min-width: 1024px) 50vw, 100vw'),
    fallback: z.enum(OUTPUT_FORMATS).default('jpeg'),
    spinWidth: z.number().int().min(16).max(8192).default(960),
    mediaCache: headerValue.default('public, max-age=31536000, immutable'),
    jsonCache: headerValue.default('public, max-age=60, must-revalidate'),
  })
  .strict();
