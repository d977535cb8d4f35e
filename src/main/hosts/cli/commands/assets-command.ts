import { once } from 'node:events';
import { emptyFacts, type MediaFacts } from '../../../../shared/media-facts';
import { call, type CliContext } from '../cli-context';

const PAGE = 5000;

/** Every asset, streamed page by page so 100,000 of them never sit in one string. */
export async function assetsCommand(ctx: CliContext): Promise<void> {
  let offset = 0;
  let first = true;
  if (ctx.flags.json) ctx.out.write('[');
  for (;;) {
    const page = await call(ctx.engine, 'assets.list', {
      offset,
      limit: PAGE,
      sort: 'name',
      facts: ctx.flags.json === true,
      ...(ctx.flags.query === undefined ? {} : { query: ctx.flags.query }),
    });
    // What the offline AI found, one call a page (null: never analysed).
    const found = ctx.flags.json
      ? await call(ctx.engine, 'analyses.many', { assetIds: page.items.map((a) => a.id) })
      : [];
    const aiOf = new Map(found.map((ai) => [ai.assetId, ai]));
    for (const a of page.items) {
      const ai = aiOf.get(a.id) ?? null;
      const media = (kind: 'thumb' | 'preview'): string | null =>
        a.hash ? ctx.engine.resolveMedia(kind, a.hash) : null;
      const row = {
        id: a.id,
        path: a.path,
        kind: a.kind,
        state: a.state,
        width: a.width,
        height: a.height,
        displayWidth: a.displayWidth,
        displayHeight: a.displayHeight,
        orientation: a.orientation,
        format: a.format,
        bytes: a.bytes,
        hash: a.hash,
        capturedAt: a.capturedAt,
        camera: a.camera,
        keywords: a.keywords,
        duplicateOf: a.duplicateOf,
        versions: a.versions,
        thumbnail: a.thumb,
        thumbnailPath: media('thumb'),
        previewPath: media('preview'),
        notice: a.notice,
        error: a.error,
        ...factFields(a.facts),
        // A spin's cover stands for the spin: its frame count (MediaFacts.frames) and badge.
        ...(a.spin ? { frames: a.spin.frames, spin: a.spin } : {}),
        ai: ai && ai.runs.length > 0 ? ai : null,
      };
      const text = ctx.flags.json
        ? `${first ? '\n' : ',\n'}  ${JSON.stringify(row)}`
        : `${a.id}\t${a.state}\t${a.width ?? '-'}×${a.height ?? '-'}\t${a.format ?? '-'}\t${a.path}${a.error ? `\t${a.error}` : ''}\n`;
      first = false;
      if (!ctx.out.write(text)) await once(ctx.out, 'drain');
    }
    offset += page.items.length;
    if (page.items.length < PAGE || offset >= page.total) break;
  }
  if (ctx.flags.json) ctx.out.write(first ? ']\n' : '\n]\n');
}

const FACT_KEYS = Object.keys(emptyFacts()) as (keyof MediaFacts)[];

/**
 * A row's media facts as flat fields, only those known: durationMs, codec, fps, pages,
 * triangles, frames, … and `detail` (the kind's other facts). Nothing for a photo.
 */
function factFields(facts: MediaFacts | null | undefined): Partial<MediaFacts> {
  if (!facts) return {};
  const known: Partial<Record<keyof MediaFacts, unknown>> = {};
  for (const key of FACT_KEYS) if (facts[key] !== null) known[key] = facts[key];
  return known as Partial<MediaFacts>;
}
