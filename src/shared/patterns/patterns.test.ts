// The pattern engine on its own: hostile patterns from issue 12 on long names give the right
// answer (a hang would fail the test through vitest's timeout), benign ones mean what they
// meant as JavaScript RegExps, and what RE2 cannot bound is refused with the reason.
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compileGlob, globProblem } from './glob';
import { compileUserRegex, patternProblem } from './user-regex';

const LENGTHS = [30, 31, 40, 60, 100, 200];

describe('hostile patterns on names of 30 to 200 characters', () => {
  it('the naming rule ([A-Z0-9]+-?)+_\\d{2} says yes or no at once', () => {
    const naming = compileUserRegex(String.raw`([A-Z0-9]+-?)+_\d{2}`);
    for (const n of LENGTHS) {
      expect(naming.matchesWhole(`${'AB-'.repeat(n / 3)}X`)).toBe(false);
      expect(naming.matchesWhole(`${'A'.repeat(n - 3)}_01`)).toBe(true);
    }
  });

  it('(a|a)*b, (\\w|\\d)+$ and (.*a){12}$ find what is there and only that', () => {
    const alternation = compileUserRegex('(a|a)*b');
    const words = compileUserRegex(String.raw`(\w|\d)+$`);
    const twelve = compileUserRegex('(.*a){12}$');
    for (const n of LENGTHS) {
      const as = 'a'.repeat(n);
      expect(alternation.exec(as)).toBeNull();
      expect(alternation.exec(`${as}b`)).not.toBeNull();
      expect(words.exec(`${as}!`)).toBeNull();
      expect(words.exec(`!${as}`)).not.toBeNull();
      expect(twelve.exec(`${as}b`)).toBeNull();
      expect(twelve.exec(as)).not.toBeNull();
    }
  });

  it('the link rule ^(?<sku>(a+)+)_x$ is accepted and still reads its group', () => {
    expect(patternProblem('^(?<sku>(a+)+)_x$')).toBeNull();
    const rule = compileUserRegex('^(?<sku>(a+)+)_x$');
    for (const n of LENGTHS) {
      expect(rule.exec(`${'a'.repeat(n)}_y`)).toBeNull();
      expect(rule.exec(`${'a'.repeat(n)}_x`)?.groups.sku).toBe('a'.repeat(n));
    }
  });

  it('the folder glob *a*a*a*a*a*a*a*a*b', () => {
    const glob = compileGlob('*a*a*a*a*a*a*a*a*b');
    for (const n of LENGTHS) {
      expect(glob('a'.repeat(n))).toBe(false);
      expect(glob(`${'a'.repeat(n)}b`)).toBe(true);
      expect(glob(`${'a'.repeat(n)}/b`)).toBe(false);
    }
  });
});

describe('benign patterns mean what they meant as JavaScript', () => {
  const patterns: [string, string][] = [
    [String.raw`^(?<sku>.+?)_(?<position>\d{1,3})(?:_(?<role>[A-Za-z]\w*|360|3[dD]))?\.\w+$`, ''],
    [String.raw`(?<sku>[A-Z0-9-]+)_(?<position>\d{2})(?:_(?<role>[a-z]+))?\.\w+`, ''],
    [
      String.raw`^(?<sku>[A-Z]+-\d+)_(?<shot>\d{2})(?:_r(?<rating>[0-5]))?(?:_(?<title>[a-z ]+))?$`,
      '',
    ],
    [String.raw`(?<season>SS|FW)\d{2}`, 'i'],
    [String.raw`^(?<title>[^\s_]+)\s+(?<rest>\S.*)$`, ''],
    [String.raw`caf\u00e9|\u{1F600}|[\u00c0-\u00ff]+x`, 'u'],
    [String.raw`^(?<word>\p{L}+)_\d`, 'u'],
    [String.raw`\bIMG\b|[^]x|a{2,}|\/|\x41\cJ`, ''],
    ['(?<kind>é+)', 'i'],
  ];
  const names = [
    'SNK-100-RED_01.jpg',
    'SNK-100-RED_03_detail.tif',
    'ab_12_34_02.png',
    '8712345000011_1_manual.pdf',
    'ABC-123_02_r4_side view',
    'XYZ-9_03_r5_front',
    'ss24 lookbook',
    'Fw19',
    'Summer\u00a0shoot 03',
    'Café_1',
    'Ünïcode_2 x',
    '\u{1F600}',
    'MY IMG here',
    'aaa/A\n',
    'ÉÉé',
    '',
  ];

  it('the same matches and groups as RegExp on realistic names', () => {
    for (const [pattern, flags] of patterns) {
      const native = new RegExp(pattern, flags);
      const re2 = compileUserRegex(pattern, flags.includes('i'));
      for (const name of names) {
        const want = native.exec(name);
        const got = re2.exec(name);
        expect({ pattern, name, groups: got && { ...got.groups } }).toEqual({
          pattern,
          name,
          groups: want && { ...want.groups },
        });
      }
    }
  });

  it('globs match as picomatch matched them', () => {
    const globs = [
      '**/.*',
      '**/Thumbs.db',
      '**/$RECYCLE.BIN/**',
      '**/*.xmp',
      '**/~$*',
      'Shoes/**',
      '**/Sneakers',
      '*',
      'Shoes/*',
      'a/**/b',
      '*.{jpg,png}',
      'IMG_{1..3}*',
      '@(x|y)/*',
      '+(a|b)c',
      'Sh?es',
    ];
    const paths = [
      '.git',
      'a/.git/x',
      'x/thumbs.db',
      '$RECYCLE.BIN/a',
      'a/b.XMP',
      '~$x',
      'Shoes',
      'shoes/a',
      'Shoes/a/b',
      'x/Sneakers',
      'a/b',
      'a/x/y/b',
      'x.PNG',
      'IMG_2a',
      'IMG_4',
      'y/z',
      'abac',
      'Shxes',
      '',
    ];
    for (const glob of globs) {
      const want = picomatch(glob, { dot: true, nocase: true });
      const got = compileGlob(glob);
      for (const path of paths)
        expect({ glob, path, is: got(path) }).toEqual({ glob, path, is: want(path) });
    }
  });
});

describe('what RE2 cannot bound is refused with the reason', () => {
  it('regular expressions', () => {
    const refused: [string, RegExp][] = [
      [String.raw`^(\w+)_\1$`, /Backreferences .* not supported/],
      [String.raw`(?<sku>\w+)-\k<sku>`, /Backreferences .* not supported/],
      ['^(?=IMG)', /Lookaround .* not supported/],
      ['^(?!IMG)', /Lookaround .* not supported/],
      ['(?<=_)\\d+', /Lookaround .* not supported/],
      ['(?<!_)\\d+', /Lookaround .* not supported/],
      ['a{2000}', /repeat count may be at most 1000/],
      ['((a{100}){100}){100}', /repeat count may be at most 1000/],
      ['(?<sku>[A-Z', /Not a valid regular expression/],
      ['(?<1x>a)', /Group name '1x'/],
    ];
    for (const [pattern, why] of refused) expect(patternProblem(pattern)).toMatch(why);
  });

  it('globs', () => {
    expect(globProblem('!(raw)/**')).toMatch(/!\(…\) cannot be matched by the linear-time engine/);
    expect(globProblem('IMG_{1..5000}')).toMatch(/at most 1000 values/);
    expect(globProblem('@(a|b')).toMatch(/'\)' is missing/);
    expect(globProblem('!*.jpg')).toBeNull();
    expect(compileGlob('!*.jpg')('a.png')).toBe(true);
  });
});
