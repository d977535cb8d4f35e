// Fuzzing the names a pack writes: any template over any product data gives a relative path
// of safe segments that, resolved against the pack's root, stays inside it; a template
// naming an unknown field (or a built-in object property) is refused as documented.
import { join, relative, resolve, sep, isAbsolute } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackshotError } from '../../../../shared/errors';
import {
  renderPath,
  validateTemplate,
  type NameValues,
} from '../../../../shared/naming/name-template';
import {
  byteLength,
  MAX_SEGMENT_BYTES,
  sanitizeSegment,
} from '../../../../shared/naming/sanitize-name';
import { fuzzRuns } from '../../../test-support/fuzz-runs';
import { PackPaths } from './pack-paths';

const ROOT = resolve('/packs/amazon');
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

const HOSTILE = [
  '..',
  '.',
  '/',
  '\\',
  '../',
  '..\\',
  'C:',
  'C:\\',
  '\0',
  ' ',
  '.hidden',
  'CON',
  'nul.jpg',
  '%2e%2e',
  '\u202e',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'prototype',
];
const text = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...HOSTILE), { maxLength: 6 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', minLength: 200, maxLength: 400 }),
  // A reserved name the byte limit would cut back to.
  fc.constantFrom('CON', 'aux', 'LPT1').map((n) => `${n}${' '.repeat(250)}x`),
);
const FIELDS = [
  'sku',
  'name',
  'position',
  'position:3',
  'role',
  'channel',
  'preset',
  'key',
  'width',
  'height',
  'ext',
  'parent',
  'asset',
  'nope',
];
const attrName = fc.oneof(
  fc.constantFrom(...HOSTILE, 'color', 'Color', 'size'),
  fc.string({ maxLength: 8 }),
);
const templatePart = fc.oneof(
  fc.constantFrom(...FIELDS).map((f) => `{${f}}`),
  attrName.map((a) => `{attr.${a}}`),
  attrName.map((a) => `{variant.${a}}`),
  text,
);
const template = fc.array(templatePart, { maxLength: 8 }).map((p) => p.join(''));
const values: fc.Arbitrary<NameValues> = fc.record({
  sku: text,
  name: text,
  position: fc.integer({ min: 0, max: 10_000 }),
  role: text,
  channel: text,
  preset: text,
  key: text,
  width: fc.option(fc.integer({ min: 1, max: 100_000 })),
  height: fc.option(fc.integer({ min: 1, max: 100_000 })),
  ext: fc.constantFrom('jpg', 'png', 'webp', 'tif'),
  parent: text,
  asset: text,
  attributes: fc.dictionary(attrName, text, { maxKeys: 6 }),
});

function inside(root: string, abs: string): boolean {
  const rel = relative(root, abs);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

describe('pack names fuzzing', () => {
  it('renders safe segments that stay inside the pack, or refuses the template', async () => {
    const paths = await PackPaths.open(ROOT, false);
    fc.assert(
      fc.property(template, template, values, (folder, file, v) => {
        let path: string;
        try {
          // Rendered whether or not it would be saved: presets saved by older versions exist.
          try {
            validateTemplate(folder);
            validateTemplate(file);
          } catch (error) {
            expect(error).toBeInstanceOf(PackshotError);
          }
          path = renderPath(folder, file, v);
        } catch (error) {
          expect(error).toBeInstanceOf(PackshotError);
          expect((error as PackshotError).code).toBe('invalid_argument');
          return;
        }
        for (const segment of path.split('/')) {
          expect(segment).not.toMatch(ILLEGAL);
          expect(segment).not.toMatch(RESERVED);
          expect(segment).not.toMatch(/^[\s.]|[\s.]$/);
          expect(byteLength(segment)).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
          // Nothing from an object's prototype leaks into a name.
          expect(segment).not.toContain('[native code]');
        }
        expect(inside(ROOT, resolve(ROOT, ...path.split('/')))).toBe(true);
        expect(inside(ROOT, paths.resolve(path))).toBe(true);
      }),
      fuzzRuns(1000),
    );
  });

  it('keeps any string the sanitiser gets to one safe segment', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 8, max: 255 }), (raw, max) => {
        const segment = sanitizeSegment(raw, max);
        expect(segment).not.toMatch(ILLEGAL);
        expect(segment).not.toMatch(RESERVED);
        expect(['', '.', '..']).not.toContain(segment);
        expect(byteLength(segment)).toBeLessThanOrEqual(max);
        expect(inside(ROOT, join(ROOT, segment))).toBe(true);
      }),
      fuzzRuns(2000),
    );
  });

  it('lets no path outside the pack through PackPaths.resolve', async () => {
    const paths = await PackPaths.open(ROOT, false);
    const pathText = fc.array(fc.oneof(text, fc.constantFrom('/', '//', '../', '/..')), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(pathText, (parts) => {
        const file = parts.join('');
        try {
          expect(inside(ROOT, paths.resolve(file))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(PackshotError);
        }
      }),
      fuzzRuns(2000),
    );
  });
});

describe("attributes in templates are the product's own", () => {
  const base: NameValues = {
    sku: 'SKU-1',
    name: 'Mug',
    position: 1,
    role: 'main',
    channel: 'shop',
    preset: 'p',
    key: '',
    width: null,
    height: null,
    ext: 'jpg',
    parent: '',
    asset: 'IMG',
    attributes: { color: 'Red' },
  };

  it('refuses a built-in property name when the template is saved, with the reason', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])
      expect(() => validateTemplate(`{sku}_{attr.${name}}`)).toThrow(
        `{attr.${name}}: '${name}' is a name every object has built in, not an attribute; rename the attribute`,
      );
    expect(() => validateTemplate('{variant.Constructor}')).toThrow(/built in/);
    expect(() => validateTemplate('{sku}_{attr.color}')).not.toThrow();
  });

  it('renders only own string values: inherited or odd values are empty', () => {
    expect(renderPath('', '{sku}_{attr.color}.{ext}', base)).toBe('SKU-1_Red.jpg');
    expect(renderPath('', '{sku}_{attr.Color}.{ext}', base)).toBe('SKU-1_Red.jpg');
    expect(renderPath('', '{sku}_{attr.size}.{ext}', base)).toBe('SKU-1_.jpg');
    // A template saved before the check: prototype names render empty.
    expect(renderPath('', '{sku}{attr.constructor}{attr.__proto__}.{ext}', base)).toBe('SKU-1.jpg');
    // Attributes parsed from JSON may hold an own __proto__ key; it is never read.
    const parsed = JSON.parse('{"__proto__": "x", "n": 5}') as Record<string, string>;
    expect(renderPath('', '{sku}{attr.n}.{ext}', { ...base, attributes: parsed })).toBe(
      'SKU-1.jpg',
    );
  });
});
