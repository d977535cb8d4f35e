import type { ImageAnalysis } from '../analysis/analyze-pixels';
import type { Db } from '../db/open-database';
import { statements } from '../db/statement-cache';

interface Row {
  placeholder: string;
  colors: string;
  white_bg: number;
  fill: number;
  sharpness: number;
  phash: string;
  pure_white_border: number | null;
}

/**
 * What an earlier asset with this content already learned from its pixels (placeholder
 * and analysis). A copy has the same pixels, so it takes them instead of decoding its
 * thumbnail again: in a library of exports copied to several folders, most files are copies.
 */
export function analysedContent(
  db: Db,
  hash: string,
): { placeholder: string; analysis: ImageAnalysis } | null {
  const row = statements(db)
    .prepare<[string], Row>(
      `SELECT placeholder, colors, white_bg, fill, sharpness, phash, pure_white_border FROM assets
       WHERE hash = ? AND placeholder IS NOT NULL AND phash IS NOT NULL AND colors IS NOT NULL
         AND white_bg IS NOT NULL AND fill IS NOT NULL AND sharpness IS NOT NULL
       LIMIT 1`,
    )
    .get(hash);
  if (!row) return null;
  const colors = JSON.parse(row.colors) as ImageAnalysis['colors'];
  return {
    placeholder: row.placeholder,
    analysis: {
      colors,
      whiteBackground: row.white_bg,
      fill: row.fill,
      sharpness: row.sharpness,
      phash: row.phash,
      // Null for a row indexed before it was measured: export then looks at the source.
      pureWhiteBorder: row.pure_white_border === null ? null : row.pure_white_border === 1,
    },
  };
}
