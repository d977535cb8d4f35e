// The search language's rich-media terms (issue #15), compiled over `assets a`:
//   duration>30 (seconds; the parser reads 30s, 2m, 1h)  pages>10  fps>=50  triangles<100000
//   bitrate  meshes  materials  textures                  numbers from media_facts
//   frames                                                a spin's (spin_frames)
//   codec:h264 (avc, h265/hevc, …)  audio:yes|no          a video's stream
//   text:"quick start"  text:quick                        a document's full text, or the
//                                                         text OCR read in an image (FTS5)
// media_facts holds a row only for rich media, few beside the photos: each term builds its
// assets once as a set, which the grid's index walk filters by (as free words do).
import { ftsTerm } from './fts-term';

/** `+a.id`: see ID_FILTER in compile-query.ts (filter the walk, do not drive it). */
const IN_SET = '+a.id IN';

const COLUMNS: Record<string, string> = {
  duration: 'duration_ms',
  pages: 'pages',
  fps: 'fps',
  bitrate: 'bitrate',
  meshes: 'meshes',
  triangles: 'triangles',
  materials: 'materials',
  textures: 'textures',
  frames: 'frames', // a spin's, counted from spin_frames below
};
export const MEDIA_NUMBERS = Object.keys(COLUMNS);
export const MEDIA_FIELDS = ['codec', 'audio', 'text'] as const;

// ffprobe's codec names; what people also call them.
const CODEC_ALIASES: Record<string, string> = {
  avc: 'h264',
  avc1: 'h264',
  'h.264': 'h264',
  x264: 'h264',
  h265: 'hevc',
  'h.265': 'hevc',
  x265: 'hevc',
  hvc1: 'hevc',
  av01: 'av1',
};

const facts = (condition: string): string =>
  `${IN_SET} (SELECT f.asset_id FROM media_facts f WHERE ${condition})`;

/** SQL for a number term over media facts, or undefined when `name` is not one. */
export function mediaCompare(
  name: string,
  op: string,
  value: number,
  params: unknown[],
): string | undefined {
  const column = Object.hasOwn(COLUMNS, name) ? COLUMNS[name] : undefined;
  if (!column) return undefined;
  if (name === 'frames') {
    // A spin's frame count lives with the spin (spin_frames), not in media_facts: the
    // cover stands for the spin in every list.
    params.push(value);
    return `${IN_SET} (SELECT s.cover_asset_id FROM spins s
      WHERE (SELECT count(*) FROM spin_frames sf WHERE sf.spin_id = s.id) ${op} ?)`;
  }
  if (name === 'duration') {
    // Seconds as the preview shows them (m:ss): duration=30 is 30.000 to 30.999 s.
    if (op === '=') {
      params.push(value * 1000, (value + 1) * 1000);
      return facts('f.duration_ms >= ? AND f.duration_ms < ?');
    }
    params.push(value * 1000);
    return facts(`f.duration_ms ${op} ?`);
  }
  params.push(value);
  // fps=30 finds 29.97 (NTSC) too.
  if (name === 'fps' && op === '=') return facts('abs(f.fps - ?) < 0.5');
  return facts(`f.${column} ${op} ?`);
}

/** SQL for codec:, audio: or text:, or undefined when `name` is not one. */
export function mediaField(
  name: string,
  raw: string,
  quoted: boolean,
  params: unknown[],
  fail: (message: string) => never,
): string | undefined {
  const value = raw.toLowerCase();
  switch (name) {
    case 'codec':
      params.push(Object.hasOwn(CODEC_ALIASES, value) ? CODEC_ALIASES[value] : value);
      return facts('lower(f.codec) = ?');
    case 'audio':
      if (['yes', 'true', '1'].includes(value)) return facts('f.audio = 1');
      if (['no', 'false', '0'].includes(value)) return facts('f.audio = 0');
      return fail('audio: is yes or no');
    case 'text':
      // An image's OCR text is ai_words' `text` column (the AI job writes it), searched
      // with the same term; its `labels` column is for free words and ai:, not text:.
      params.push(ftsTerm(raw, quoted), `{text} : ${ftsTerm(raw, quoted)}`);
      return `${IN_SET} (SELECT rowid FROM document_text WHERE document_text MATCH ?
        UNION ALL SELECT rowid FROM ai_words WHERE ai_words MATCH ?)`;
    default:
      return undefined;
  }
}
