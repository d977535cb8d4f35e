// Users' patterns (issue 12 §1), in this process, on the engine's own pattern module
// (src/shared/patterns, transpiled from src/ with TypeScript, re2js from node_modules).
// 1. Each hostile pattern from the issue: the worst time of one match over names of 30–200
//    characters on RE2, against native RegExp (picomatch for the glob) on names of 20–26
//    characters, stopped at the first length that passes CAP_S: longer ones hang for minutes.
// 2. A typical benign rule set (3 filename rules, a naming convention, 3 folder globs, 2 link
//    rules) over 10,000 realistic paths: the cost per file, native vs RE2.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { log, root } from './lib.mjs';

const CAP_S = 2;
const NEW_LENGTHS = [30, 40, 60, 100, 150, 200];
const NATIVE_LENGTHS = [20, 21, 22, 23, 24, 25, 26];
const FILES = 10_000;
const REPEAT = 5;

const HOSTILE = [
  {
    label: 'naming ([A-Z0-9]+-?)+_\\d{2}',
    kind: 'whole',
    pattern: String.raw`([A-Z0-9]+-?)+_\d{2}`,
    input: (n) => 'A'.repeat(n),
  },
  { label: 'filename (a|a)*b', kind: 'exec', pattern: '(a|a)*b', input: (n) => 'a'.repeat(n) },
  {
    label: 'filename (\\w|\\d)+$',
    kind: 'exec',
    pattern: String.raw`(\w|\d)+$`,
    input: (n) => `${'1'.repeat(n - 1)}!`,
  },
  {
    label: 'filename (.*a){12}$',
    kind: 'exec',
    pattern: '(.*a){12}$',
    input: (n) => `${'a'.repeat(n - 1)}b`,
  },
  {
    label: 'link rule ^(?<sku>(a+)+)_x$',
    kind: 'exec',
    pattern: '^(?<sku>(a+)+)_x$',
    input: (n) => `${'a'.repeat(n - 2)}_y`,
  },
  {
    label: 'glob *a*a*a*a*a*a*a*a*b',
    kind: 'glob',
    pattern: '*a*a*a*a*a*a*a*a*b',
    input: (n) => 'a'.repeat(n),
  },
];

const INTAKE = [
  String.raw`^(?<sku>[A-Z]+-\d+)_(?<shot>\d{2})(?:_r(?<rating>[0-5]))?(?:_(?<title>[a-z ]+))?$`,
  String.raw`(?<season>SS|FW)\d{2}`,
  String.raw`^IMG_(?<frame>\d{4})$`,
];
const NAMING = String.raw`[A-Z]+-\d+_\d{2}(_.*)?`;
const GLOBS = ['Shoes/**', '**/Sneakers', '**/raw/*'];
const LINK = [
  String.raw`^(?<sku>.+?)_(?<position>\d{1,3})(?:_(?<role>[A-Za-z]\w*|360|3[dD]))?\.\w+$`,
  String.raw`(?<sku>[A-Z0-9-]+)_(?<position>\d{2})(?:_(?<role>[a-z]+))?\.\w+`,
];

/** The engine's pattern module: three TypeScript files, one import of re2js. */
async function loadPatterns() {
  const re2js = pathToFileURL(createRequire(join(root, 'package.json')).resolve('re2js')).href;
  const load = (name, replace = {}) => {
    const source = readFileSync(join(root, 'src', 'shared', 'patterns', `${name}.ts`), 'utf8');
    let { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    for (const [from, to] of Object.entries({ re2js, ...replace }))
      outputText = outputText.replaceAll(`from '${from}'`, `from '${to}'`);
    return `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`;
  };
  const base = load('js-to-re2');
  const [regex, glob] = await Promise.all([
    import(load('user-regex', { './js-to-re2': base })),
    import(load('glob', { './js-to-re2': base })),
  ]);
  return { ...regex, ...glob };
}

const seconds = (fn) => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
};
const fmt = (s) =>
  s < 1e-3
    ? `${(s * 1e6).toFixed(0)} µs`
    : s < 1
      ? `${(s * 1e3).toFixed(1)} ms`
      : `${s.toFixed(2)} s`;

function realisticPaths() {
  const folders = ['Shoes/Sneakers', 'Shoes/Boots/raw', 'Bags', 'Campaign/SS24', 'Inbox', ''];
  const roles = ['', '', '_detail', '_back', '_lifestyle', '_r4_side view'];
  const out = [];
  for (let i = 0; i < FILES; i++) {
    const folder = folders[i % folders.length];
    const sku = `${['SNK', 'BAG', 'BT', 'ACC'][i % 4]}-${100 + (i % 900)}`;
    const name = [
      () => `${sku}_${String((i % 8) + 1).padStart(2, '0')}${roles[i % roles.length]}.jpg`,
      () => `IMG_${String(1000 + (i % 9000))}.JPG`,
      () => `DSC0${1000 + (i % 9000)}.NEF`,
      () => `${sku}-RED_${String(i % 12).padStart(2, '0')}.tif`,
      () => `SS${20 + (i % 6)} lookbook ${i % 40}.png`,
      () => `holiday photo ${2000 + (i % 25)}.jpeg`,
    ][i % 6]();
    out.push(folder === '' ? name : `${folder}/${name}`);
  }
  return out;
}

/** One pass of the rule set over every path, as intake and linking run it per file. */
function ruleSet(paths, make) {
  const rules = make();
  return () => {
    let hits = 0;
    for (const path of paths) {
      const slash = path.lastIndexOf('/');
      const folder = slash < 0 ? '' : path.slice(0, slash);
      const name = path.slice(slash + 1);
      const stem = name.slice(0, name.lastIndexOf('.'));
      for (const g of rules.globs) if (g(folder)) hits++;
      for (const r of rules.intake) if (r(stem)) hits++;
      if (rules.naming(stem)) hits++;
      for (const r of rules.link) if (r(name)) hits++;
    }
    return hits;
  };
}

export default {
  key: 'patterns',
  title: "users' patterns on RE2 (micro-bench)",
  async run() {
    const { compileUserRegex, compileGlob } = await loadPatterns();
    const picomatch = (await import('picomatch')).default;
    const rows = [];
    const notes = [];

    for (const h of HOSTILE) {
      const re2 = h.kind === 'glob' ? compileGlob(h.pattern) : compileUserRegex(h.pattern);
      const runNew = (s) =>
        h.kind === 'glob'
          ? re2(s)
          : h.kind === 'whole'
            ? re2.matchesWhole(s)
            : re2.exec(s) !== null;
      const native =
        h.kind === 'glob'
          ? picomatch(h.pattern, { dot: true, nocase: true })
          : new RegExp(h.kind === 'whole' ? `^(?:${h.pattern})$` : h.pattern);
      const runNative = (s) => (h.kind === 'glob' ? native(s) : native.test(s));
      // Per length: the first call (it builds RE2's DFA states, as the first file does) and
      // the median of the next five (every later file).
      let worst = 0;
      let worstFirst = 0;
      for (const n of NEW_LENGTHS) {
        const input = h.input(n);
        worstFirst = Math.max(
          worstFirst,
          seconds(() => runNew(input)),
        );
        const next = Array.from({ length: 5 }, () => seconds(() => runNew(input)));
        worst = Math.max(worst, next.sort((x, y) => x - y)[2]);
      }
      let nativeWorst = 0;
      let reached = 0;
      for (const n of NATIVE_LENGTHS) {
        const input = h.input(n);
        const t = seconds(() => runNative(input));
        nativeWorst = Math.max(nativeWorst, t);
        reached = n;
        if (t > CAP_S) break;
      }
      log(
        `patterns: ${h.label}: RE2 worst ${fmt(worst)} (first call ${fmt(worstFirst)}), native ${fmt(nativeWorst)} at ≤${reached} chars`,
      );
      notes.push(
        `${h.label}: RE2's first call on a name of a new length, worst ${fmt(worstFirst)}`,
      );
      rows.push({
        figure: `hostile ${h.label}, worst of 30–200 chars (median of 5)`,
        value: fmt(worst),
        baseline: `native ${fmt(nativeWorst)} at ${reached} chars`,
        ratio: '—',
        target: '< 10 ms',
        met: worst < 0.01 ? 'yes' : 'NO',
      });
    }

    const paths = realisticPaths();
    const nativeSet = ruleSet(paths, () => ({
      globs: GLOBS.map((g) => picomatch(g, { dot: true, nocase: true })),
      intake: INTAKE.map((p) => {
        const re = new RegExp(p);
        return (s) => re.exec(s);
      }),
      naming: (
        (re) => (s) =>
          re.test(s)
      )(new RegExp(`^(?:${NAMING})$`)),
      link: LINK.map((p) => {
        const re = new RegExp(p, 'u');
        return (s) => re.exec(s)?.groups;
      }),
    }));
    const newSet = ruleSet(paths, () => ({
      globs: GLOBS.map((g) => compileGlob(g)),
      intake: INTAKE.map((p) => {
        const re = compileUserRegex(p);
        return (s) => re.exec(s);
      }),
      naming: (
        (re) => (s) =>
          re.matchesWhole(s)
      )(compileUserRegex(NAMING)),
      link: LINK.map((p) => {
        const re = compileUserRegex(p);
        return (s) => re.exec(s)?.groups;
      }),
    }));
    const hits = [nativeSet(), newSet()];
    const median = (fn) => {
      const times = Array.from({ length: REPEAT }, () => seconds(fn)).sort((a, b) => a - b);
      return times[Math.floor(REPEAT / 2)];
    };
    const nativeS = median(nativeSet);
    const newS = median(newSet);
    const perFile = (s) => `${((s / FILES) * 1e6).toFixed(1)} µs/file`;
    rows.push({
      figure: `benign rule set (9 patterns) over ${FILES.toLocaleString('en')} paths`,
      value: perFile(newS),
      baseline: `native ${perFile(nativeS)}`,
      ratio: `${(newS / nativeS).toFixed(1)}× native`,
      target: '< 100 µs/file',
      met:
        hits[0] === hits[1] && newS / FILES < 1e-4 ? 'yes' : `NO (hits ${hits[0]} vs ${hits[1]})`,
    });
    notes.push(
      `benign set: ${hits[1]} hits (native ${hits[0]}); RE2 ${fmt(newS)}, native ${fmt(nativeS)} per pass over ${FILES} paths (median of ${REPEAT})`,
      `native baselines stop at the first length over ${CAP_S} s; the issue measured 3.3 s at 31 characters for the naming rule and 18 s at 60 for the glob`,
    );
    return { rows, notes };
  },
};
