import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlobs } from '../../../shared/patterns/glob';
import { DEFAULT_IGNORE, ignoredByDefault, ignoreRules } from './ignore-rules';

const globs = compileGlobs(DEFAULT_IGNORE);

// Pieces that make the default rules match, or nearly: case, dots, folders, endings, and
// characters RE2's case-blind match folds (ſ is s, the Kelvin sign K is k).
const PIECES = [
  ...['a', 'B', '.', '/', '~', '$', '_', ' ', '-', 'ſ', 'K', 'é'],
  ...['Thumbs.db', 'THUMBS.DB', 'thumbs.dB', 'desktop.ini', 'Desktop.INI', '$RECYCLE.BIN'],
  ...['$recycle.bin', 'System Volume Information', 'system volume information', '.xmp'],
  ...['.XMP', '.tmp', '_exiftool_tmp', '_EXIFTOOL_TMP', '.part', '.crdownload', '.download'],
  ...['~$', 'photo.jpg', '.git', 'xmp', 'thumbſ.db', 'desKtop.ini', '.tmp.jpg'],
];

describe('the default ignore rules', () => {
  it('answer as the globs do, for any path', () => {
    const path = fc
      .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(path, (p) => ignoredByDefault(p) === globs(p)),
      { numRuns: 20_000 },
    );
  });

  it('ignore what they should and keep the rest', () => {
    const ignored = ignoreRules(['**/drafts/**']);
    for (const p of [
      '.DS_Store',
      'shoot/.hidden/a.jpg',
      'Thumbs.db',
      'a/desktop.INI',
      '$RECYCLE.BIN/x.jpg',
      'a/System Volume Information',
      'a.jpg.xmp',
      'b.PART',
      'c.jpg_exiftool_tmp',
      '~$sheet.xlsx',
      'thumbſ.db',
      'shoot/drafts/a.jpg',
    ])
      expect(ignored(p), p).toBe(true);
    for (const p of ['a.jpg', 'shoot/thumbs.db.jpg', 'x/xmp.jpg', 'photo~$.jpg', 'é/a.jpg', ''])
      expect(ignored(p), p).toBe(false);
  });
});
