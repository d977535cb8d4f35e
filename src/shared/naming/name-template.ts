// Names and folders from a preset's templates: {sku} {name} {position} {position:2} {role}
// {channel} {preset} {key} {width} {height} {ext} {parent} {asset} {attr.X} {variant.X}.
// Every value is sanitised as part of one path segment; a template cannot add a separator
// through its values, and '..' segments are impossible.
import { PackshotError } from '../errors';
import { sanitizeSegment } from './sanitize-name';

export interface NameValues {
  sku: string;
  name: string;
  position: number;
  role: string;
  channel: string;
  preset: string;
  key: string;
  width: number | null;
  height: number | null;
  ext: string;
  parent: string;
  /** The source file's name without its extension. */
  asset: string;
  attributes: Readonly<Record<string, string>>;
}

/**
 * Names an attribute lookup must never reach through to the prototype: `{attr.constructor}`
 * once named files `function Object() { [native code] }.jpg`. Refused in templates when saved.
 */
const INHERITED: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'prototype',
]);

/** A string the record holds itself: inherited keys, and values that are not text, are not attributes. */
function own(record: Readonly<Record<string, string>>, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  const value: unknown = record[key];
  return typeof value === 'string' ? value : undefined;
}

const FIELD = /\{([a-zA-Z]+)(?:\.([^}:]+))?(?::(\d{1,2}))?\}/g;

function valueOf(
  values: NameValues,
  field: string,
  sub: string | undefined,
  saving = false,
): string {
  if (field === 'attr' || field === 'variant') {
    if (sub === undefined)
      throw new PackshotError('invalid_argument', `{${field}.NAME} needs a name`);
    // Refused when saved; a template saved before renders them as the product's own or ''.
    if (saving && (INHERITED.has(sub) || INHERITED.has(sub.toLowerCase())))
      throw new PackshotError(
        'invalid_argument',
        `{${field}.${sub}}: '${sub}' is a name every object has built in, not an attribute; rename the attribute`,
      );
    return own(values.attributes, sub) ?? own(values.attributes, sub.toLowerCase()) ?? '';
  }
  switch (field) {
    case 'sku':
    case 'name':
    case 'role':
    case 'channel':
    case 'preset':
    case 'key':
    case 'ext':
    case 'parent':
    case 'asset':
      return values[field];
    case 'position':
      return String(values.position);
    case 'width':
    case 'height':
      return values[field] === null ? '' : String(values[field]);
    default:
      throw new PackshotError('invalid_argument', `unknown name field {${field}}`);
  }
}

/** Fills one segment's template; a pad like {position:2} gives 01, 02… */
function fill(segment: string, values: NameValues): string {
  return segment.replace(FIELD, (_m, field: string, sub: string | undefined, pad?: string) => {
    const value = valueOf(values, field, sub);
    return pad ? value.padStart(Number(pad), '0') : value;
  });
}

/** Throws invalid_argument when a template uses a field that does not exist. */
export function validateTemplate(template: string): void {
  for (const m of template.matchAll(FIELD)) {
    valueOf(SAMPLE, m[1] ?? '', m[2], true);
  }
}

const SAMPLE: NameValues = {
  sku: 's',
  name: 'n',
  position: 1,
  role: 'main',
  channel: 'c',
  preset: 'p',
  key: '',
  width: 1,
  height: 1,
  ext: 'jpg',
  parent: '',
  asset: 'a',
  attributes: new Proxy(
    {},
    {
      get: () => 'x',
      getOwnPropertyDescriptor: () => ({ value: 'x', configurable: true, enumerable: true }),
    },
  ),
};

/**
 * The path of one file in the pack, '/'-separated, each segment filled and sanitised on
 * its own. Empty folder segments (a missing attribute) are dropped.
 */
export function renderPath(folder: string, file: string, values: NameValues): string {
  const folders = folder
    .split('/')
    .filter((s) => s.trim() !== '')
    .map((s) => fill(s, values))
    .filter((s) => s.trim() !== '')
    .map((s) => sanitizeSegment(s));
  return [...folders, sanitizeSegment(fill(file, values))].join('/');
}
