// A naming rule for spins, written as a file-name template: {sku}_spin_{frame} matches
// SHOE-1_spin_07.jpg with sku SHOE-1 and frame 7. Every {field} but {frame} keys the spin
// (one spin per value); {frame} is the frame's number. Compiled to the house's linear-time
// user regex (shared/patterns, as products' filename rules are), matched against the whole
// name before its extension, case-insensitively.
import { PackshotError } from '../../../shared/errors';
import { compileUserRegex, type UserRegex } from '../../../shared/patterns/user-regex';

export interface SpinRule {
  template: string;
  /** The key (other fields' values joined by ' ') and frame number of a name, or null. */
  match(fileName: string): { key: string; fields: Record<string, string>; frame: number } | null;
}

const FIELD = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

export function compileSpinRule(template: string): SpinRule {
  const fields: string[] = [];
  let pattern = '';
  let last = 0;
  for (const m of template.matchAll(FIELD)) {
    const field = (m[1] as string).toLowerCase();
    if (fields.includes(field))
      throw new PackshotError('invalid_argument', `Spin rule ${template}: {${field}} twice`);
    fields.push(field);
    pattern += escape(template.slice(last, m.index));
    pattern += field === 'frame' ? `(?<frame>\\d{1,6})` : `(?<${field}>.+?)`;
    last = (m.index ?? 0) + m[0].length;
  }
  pattern += escape(template.slice(last));
  if (!fields.includes('frame'))
    throw new PackshotError('invalid_argument', `Spin rule ${template}: it needs {frame}`);
  let regex: UserRegex;
  try {
    regex = compileUserRegex(`^${pattern}(?:\\.[A-Za-z0-9]+)?$`, true);
  } catch (error) {
    throw new PackshotError(
      'invalid_argument',
      `Spin rule ${template}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const keys = fields.filter((f) => f !== 'frame');
  return {
    template,
    match: (fileName) => {
      if (fileName.length > 255) return null;
      const groups = regex.exec(fileName)?.groups;
      const frame = groups?.frame;
      if (!groups || frame === undefined) return null;
      const values = Object.fromEntries(keys.map((k) => [k, groups[k] ?? '']));
      return {
        key: keys.map((k) => values[k]).join(' '),
        fields: values,
        frame: Number.parseInt(frame, 10),
      };
    },
  };
}

function escape(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|/-]/g, (ch) => `\\${ch}`);
}
