// A preset's optional `headless` section: the preset writes a static headless pack (content-
// hashed media, products/{sku}.json, index.json, _headers) instead of a channel's folder.
// The zod schema is in headless-preset-schema.ts; the product JSON's in headless-pack-schema.ts.
//
// Why so small: the srcset's widths, formats and qualities are the preset's own renditions
// (one rendition per width × format), video, 3D models and manuals its `video`, `model` and
// `document` sections, and rights its usual fields. A second list of widths here would be a
// second way to say what a rendition already says, and would bypass pre-flight and the render
// key that make a pack incremental. What is new is only what a front end needs beside the files.
import type { OutputFormat } from './export-dto';

export interface HeadlessRules {
  /** The `sizes` attribute given with every image (the page's layout decides it). */
  sizes: string;
  /** The format of `src` and `srcset`, which every browser decodes; the renditions' other
   *  formats go in `sources` (for <picture>), in the order the renditions list them. */
  fallback: OutputFormat;
  /** A 360° spin's frames are rendered once, at the fallback format's rendition nearest
   *  above this width (a viewer swaps frames of one size). */
  spinWidth: number;
  /** Cache-Control for /media/* in _headers: names carry the content, so never revalidated. */
  mediaCache: string;
  /** Cache-Control for /products/* and /index.json: the same names get new content. */
  jsonCache: string;
}
