// The zod schema of a preset's optional `document` section (DocumentRules).
import { z } from 'zod';
import { DOCUMENT_FORMATS } from './document-rules';

export const documentRulesSchema = z
  .object({
    formats: z.array(z.enum(DOCUMENT_FORMATS)).min(1),
    maxBytes: z.number().int().min(1024).max(10_000_000_000).nullable().default(null),
    maxPages: z.number().int().min(1).max(1_000_000).nullable().default(null),
    allowEncrypted: z.boolean().default(false),
    file: z
      .string()
      .min(1)
      .max(500)
      .refine((t) => !t.includes('\\'), 'use / between folders, not \\')
      .default('{sku}-manual-{position}.pdf'),
    notes: z.string().max(5000).default(''),
  })
  .strict();
