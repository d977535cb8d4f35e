// A channel's rules for product manuals (PDF documents linked in role 'document'). Part of a
// preset (PresetBody.document); the zod schema is in document-preset-schema.ts. A manual is
// copied as it is: what breaks a rule fails pre-flight, export never rewrites a PDF.

/** Document formats a preset takes, as file extensions. */
export const DOCUMENT_FORMATS = ['pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface DocumentRules {
  formats: DocumentFormat[];
  /** The largest file the channel takes; null: no published limit. */
  maxBytes: number | null;
  /** The most pages the channel takes; null: any. */
  maxPages: number | null;
  /** Whether a password-protected or encrypted PDF may go out (a customer may not open it). */
  allowEncrypted: boolean;
  /** The manual's file name in the preset's folder ({position}: its place among the product's
   *  manuals). */
  file: string;
  /** Where each figure comes from and when it was checked. */
  notes: string;
}
