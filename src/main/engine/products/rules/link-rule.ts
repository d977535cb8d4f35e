import { PackshotError } from '../../../../shared/errors';
import { MEDIA_ROLES, type MediaRole } from '../../../../shared/product-dto';
import {
  compileUserRegex,
  groupNames,
  patternProblem,
  type UserRegex,
} from '../../../../shared/patterns/user-regex';

/** What a file name says: which product, which place, which slot. */
export interface NameMatch {
  sku: string;
  /** The number in the name (01, 2 …), or null. */
  position: number | null;
  /** The role word in the name, as written (checked by the plan), or null. */
  role: string | null;
}

export interface CompiledRule {
  name: string;
  match(fileName: string): NameMatch | null;
}

/** Used when no rule is configured: SKU_01.jpg, SKU_02_detail.png, A-12_3.tif. */
export const BUILT_IN_RULE = {
  name: '{sku}_{position}',
  pattern: String.raw`^(?<sku>.+?)_(?<position>\d{1,3})(?:_(?<role>[A-Za-z]\w*|360|3[dD]))?\.\w+$`,
};

/** Words people put in file names for each slot. */
const ROLE_WORDS: Record<string, MediaRole> = {
  ...Object.fromEntries(MEDIA_ROLES.map((r) => [r, r])),
  hero: 'main',
  primary: 'main',
  packshot: 'main',
  alt: 'gallery',
  closeup: 'detail',
  zoom: 'detail',
  mood: 'lifestyle',
  ambiance: 'lifestyle',
  color: 'swatch',
  colour: 'swatch',
  '360': 'spin',
  turntable: 'spin',
  movie: 'video',
  clip: 'video',
  manual: 'document',
  doc: 'document',
  pdf: 'document',
  datasheet: 'document',
  '3d': 'model',
  glb: 'model',
};

export function roleOf(word: string): MediaRole | null {
  // Own keys only: a file named SKU_02_constructor.jpg names no role.
  const key = word.toLowerCase();
  return Object.hasOwn(ROLE_WORDS, key) ? (ROLE_WORDS[key] ?? null) : null;
}

/**
 * A rule's regular expression, checked: it must run on the linear-time engine (it runs on
 * every arriving file) and name a group `sku`; `position` and `role` are optional. It is
 * matched against file names (not folders); names longer than 255 characters are not tried.
 */
export function compileRule(name: string, pattern: string): CompiledRule {
  // The check intake patterns get (length, group names, RE2): a saved rule always runs.
  const problem = patternProblem(pattern);
  if (problem) throw new PackshotError('invalid_argument', `Rule ${name}: ${lowerFirst(problem)}`);
  let regex: UserRegex;
  try {
    regex = compileUserRegex(pattern);
  } catch (error) {
    throw new PackshotError(
      'invalid_argument',
      `Rule ${name}: ${lowerFirst(error instanceof Error ? error.message : String(error))}`,
    );
  }
  if (!groupNames(pattern).includes('sku'))
    throw new PackshotError('invalid_argument', `Rule ${name}: it needs a named group (?<sku>…)`);
  return {
    name,
    match: (fileName) => {
      if (fileName.length > 255) return null;
      const groups = regex.exec(fileName)?.groups;
      const sku = groups?.sku?.trim();
      if (!groups || !sku) return null;
      const position = groups.position ? Number.parseInt(groups.position, 10) : null;
      return {
        sku,
        position: position !== null && Number.isFinite(position) ? position : null,
        role: groups.role || null,
      };
    },
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
