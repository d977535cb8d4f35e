// How the OpenAPI document describes renditions by URL. The route itself is served by
// hosts/http/api-v1/render-route.ts (the renditions part); this file only documents it, with
// the grammar of the fixed names.
import { z } from 'zod';
import { channelId } from '../channel-id';

export const RENDER_DESCRIPTION = `A rendition of an asset, made by the export engine and cached on disk by (content, normalised transform).

**Transform grammar**: comma-separated \`key_value\` parts, each key at most once:

| part | values | meaning |
| --- | --- | --- |
| \`w_<n>\` | 1–8192 | width in pixels |
| \`h_<n>\` | 1–8192 | height in pixels |
| \`c_<mode>\` | \`fill\`, \`fit\`, \`pad\` | crop to fill the box, fit inside it, or fit and pad to it |
| \`g_<gravity>\` | \`auto\`, \`focal\`, \`center\` | what \`c_fill\` keeps: found by content, the asset's focal point, or the centre |
| \`b_<colour>\` | \`white\`, \`black\`, 6 hex digits | background for \`c_pad\` and flattened transparency (\`transparent\` is refused with a 400: renditions are flattened onto a colour) |
| \`q_<n>\` | 1–100 | encoder quality |
| \`f_<format>\` | \`auto\`, \`jpeg\`, \`webp\`, \`avif\`, \`png\` | output format; \`auto\` follows the Accept header (AVIF, else WebP, else JPEG) |
| \`p_<presetId>\` | a preset id | a channel preset's size and format; implies that preset's channel for the rights check |

Example: \`/api/v1/render/42/w_800,h_800,c_pad,b_white,f_webp.webp\`.

\`{ext}\` is \`jpg\`, \`jpeg\`, \`webp\`, \`avif\` or \`png\` and must agree with \`f_\` unless \`f_auto\`.
\`?v=<content version>\` (the first 16 hex digits of the content's SHA-256, as media items give it) makes
the answer immutable (\`Cache-Control: public, max-age=31536000, immutable\`; \`max-age\` ends sooner, with the
last day its licences allow, when they end within the year); without it the answer
is revalidated with its strong ETag (\`If-None-Match\` → 304). \`?channel=\` names the use for the rights
check: a block answers 451 with the reasons. Concurrent requests for one new rendition render it once.`;

export const renderPath = z.object({
  assetId: z.coerce.number().int().positive().describe("The asset's id."),
  transform: z
    .string()
    .regex(/^(?:[whcgbqfp]_[A-Za-z0-9-]+)(?:,[whcgbqfp]_[A-Za-z0-9-]+)*$/)
    .describe('Comma-separated key_value parts (see the grammar above), e.g. w_800,c_fit,f_auto.'),
  ext: z.enum(['jpg', 'jpeg', 'webp', 'avif', 'png']).describe('The file extension.'),
});

export const renderQuery = z
  .object({
    v: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional()
      .describe('The content version: makes the answer immutable.'),
    channel: channelId.optional().describe('The use the rights check judges (451 when blocked).'),
  })
  .strict();

/** Statuses the render route answers besides 200 (an image), with what each means. */
export const RENDER_ERRORS: Record<number, string> = {
  400: 'The transform or extension does not parse, or disagrees with f_.',
  401: 'No credentials, wrong ones, or a signed URL that has expired.',
  403: "The key lacks the render scope, or a signed URL's path, query, key or signature was changed.",
  404: 'No such asset, or it has no pixels to render.',
  415: 'The asset is of a kind that renders to no image.',
  429: 'Too many requests for this key: see Retry-After.',
  451: "The asset's rights block the channel: error.reasons says why.",
};
