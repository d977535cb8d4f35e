import { LABELS } from '../../../shared/dto';
import type { IntakeRepo } from '../repositories/intake-repo';
import type { IntakeFields, IntakeResult, IntakeRules } from '../../../shared/intake-dto';
import { splitTagPath } from '../../../shared/tag-path';
import { compileGlob } from '../../../shared/patterns/glob';
import { compileUserRegex } from '../../../shared/patterns/user-regex';

/** What the rules look at: where the file sits in its catalog, and its EXIF. */
export interface IntakeSample {
  /** Relative to the catalog, '/' separated. */
  relPath: string;
  camera: string | null;
  lens: string | null;
}

export type IntakeEvaluator = (sample: IntakeSample) => IntakeResult;

/** File names are at most 255 bytes on every file system; a longer input is not a name. */
const MAX_NAME = 255;
const FIELD_GROUPS = new Set(['title', 'description', 'rating', 'label']);

/**
 * Compiles a catalog's rules once (regular expressions, globs, all on the linear-time engine)
 * into a function that says what one file gets. Pure: reads nothing, writes nothing. The
 * rules must have passed the contract's checks (readRules drops stored ones that do not).
 */
export function compileIntake(rules: IntakeRules): IntakeEvaluator {
  const folderParent = splitTagPath(rules.folders.parent);
  const folderMap = rules.folderMap.map((m) => ({ matches: compileGlob(m.glob), tag: m.tag }));
  const filename = rules.filename.map((r) => ({
    regex: compileUserRegex(r.pattern, r.ignoreCase),
    tags: r.tags,
  }));
  const naming = rules.naming && {
    regex: compileUserRegex(rules.naming.pattern, rules.naming.ignoreCase),
    source: rules.naming.pattern,
  };

  return ({ relPath, camera, lens }) => {
    const { folder, stem } = splitName(relPath);
    const tags = new TagSet();
    const fields: IntakeFields = {};

    if (rules.folders.enabled && folder !== '') {
      const levels = folder.split('/').map(level);
      if (rules.folders.nested) tags.add([...folderParent, ...levels]);
      else for (const l of levels) tags.add([...folderParent, l]);
    }
    for (const m of folderMap) if (m.matches(folder)) tags.add(splitTagPath(m.tag));

    const name = stem.slice(0, MAX_NAME);
    for (const rule of filename) {
      const match = rule.regex.exec(name);
      if (!match) continue;
      for (const tag of rule.tags) tags.add(splitTagPath(tag));
      for (const [group, value] of Object.entries(match.groups)) {
        if (value === undefined || value.trim() === '') continue;
        if (FIELD_GROUPS.has(group.toLowerCase())) setField(fields, group.toLowerCase(), value);
        else tags.add([groupTag(group), level(value)]);
      }
    }

    if (rules.exif.camera && camera) tags.add(['Camera', level(camera)]);
    if (rules.exif.lens && lens) tags.add(['Lens', level(lens)]);

    const violation =
      naming && !naming.regex.matchesWhole(name)
        ? `'${stem}' does not match the naming convention ${naming.source}`
        : null;
    return { tags: tags.paths(), fields, violation };
  };
}

/** 'Shoes/Sneakers/ABC-123_01.jpg' → folder 'Shoes/Sneakers', stem 'ABC-123_01'. */
export function splitName(relPath: string): { folder: string; stem: string } {
  const slash = relPath.lastIndexOf('/');
  const folder = slash < 0 ? '' : relPath.slice(0, slash);
  const name = relPath.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return { folder, stem: dot > 0 ? name.slice(0, dot) : name };
}

/** A group named sku makes SKU|…; any other name N makes N|… with a capital first letter. */
function groupTag(group: string): string {
  if (group.toLowerCase() === 'sku') return 'SKU';
  return group.charAt(0).toUpperCase() + group.slice(1);
}

/** One level of a tag path: '|' would split it, so it becomes '-'. */
function level(value: string): string {
  return value.replaceAll('|', '-').trim().replace(/\s+/g, ' ');
}

function setField(fields: IntakeFields, name: string, value: string): void {
  if (name === 'title') fields.title ??= value.trim();
  else if (name === 'description') fields.description ??= value.trim();
  else if (name === 'rating') {
    const rating = Number(value);
    if (Number.isInteger(rating) && rating >= 0 && rating <= 5) fields.rating ??= rating;
  } else if (name === 'label') {
    const label = value.trim().toLowerCase();
    if ((LABELS as readonly string[]).includes(label)) fields.label ??= label;
  }
}

/** Tag paths without duplicates (ignoring case) or empty levels, in the order found. */
class TagSet {
  private readonly byKey = new Map<string, string>();

  add(levels: readonly string[]): void {
    const clean = levels.map((l) => l.trim()).filter((l) => l !== '');
    if (clean.length === 0) return;
    const path = clean.join('|');
    const key = path.toLowerCase();
    if (!this.byKey.has(key)) this.byKey.set(key, path);
  }

  paths(): string[] {
    return [...this.byKey.values()];
  }
}

/** Each catalog's stored rules, compiled by compileIntake once per change. */
export type CatalogIntake = IntakeRepo<IntakeEvaluator>;
