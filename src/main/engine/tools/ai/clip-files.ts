// Which files in the CLIP folder (<data>/models/clip/) make a model, checked from the file
// names alone, and the model's id. The user brings the files (README, "Semantic search");
// nothing is downloaded. An image encoder is a `vision*.onnx` or `image*.onnx` file, a text
// encoder a `text*.onnx` file: the names Hugging Face exports use (vision_model.onnx,
// text_model_quantized.onnx…), so a user copies the files as they come.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ClipFileSet {
  imageEncoder: string;
  textEncoder: string;
  tokenizer: string;
  /** tokenizer_config.json: the pad token, lower-casing; optional. */
  tokenizerConfig: string | null;
  /** packshot-clip.json: overrides of what the model does not say; optional. */
  settings: string | null;
}

/** packshot-clip.json: each key optional. */
export interface ClipSettings {
  /** The square the image encoder takes (default: read from the model, else 224). */
  size?: number;
  /** Per-channel normalisation of pixels 0..1 (default CLIP's). */
  mean?: [number, number, number];
  std?: [number, number, number];
  /** Tokens the text encoder takes at most (default: from the model, else 77). */
  textLength?: number;
  /** Pad every text to `textLength` (models exported with a fixed length, e.g. SigLIP). */
  padText?: boolean;
  /** Cosine similarity a text match needs (default 0.2, CLIP ViT-B's usual). */
  textFloor?: number;
  /** Cosine similarity a "more like this" match needs (default 0.6). */
  imageFloor?: number;
}

export type ClipFiles =
  | { available: true; reason: null; files: ClipFileSet }
  | { available: false; reason: string; files?: undefined };

const HOW = 'see the README, "Semantic search"';
const WHAT =
  'a CLIP image encoder (vision_model.onnx), its text encoder (text_model.onnx) and tokenizer.json';

/** Whether `dir` holds a usable model (cheap: looks at file names only). */
export function findClip(dir: string): ClipFiles {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // No folder: nothing brought yet.
  }
  const onnx = names.filter((n) => n.toLowerCase().endsWith('.onnx')).sort();
  if (onnx.length === 0 && !names.includes('tokenizer.json'))
    return { available: false, reason: `No semantic search model: put ${WHAT} in ${dir} (${HOW})` };
  const pick = (what: string, example: string, prefixes: string[]): string | string[] => {
    const found = onnx.filter((n) => prefixes.some((p) => n.toLowerCase().startsWith(p)));
    if (found.length === 1) return found[0] as string;
    if (found.length === 0) return [`${dir} has no ${what} (a file named like ${example})`];
    return [`${dir} has ${found.length} ${what}s (${found.join(', ')}): keep one`];
  };
  const image = pick('image encoder', 'vision_model.onnx', ['vision', 'image']);
  const text = pick('text encoder', 'text_model.onnx', ['text']);
  const problems = [image, text].filter((p) => Array.isArray(p)).flat();
  if (!names.includes('tokenizer.json'))
    problems.push(`${dir} has no tokenizer.json (it comes with the model)`);
  if (problems.length > 0 || typeof image !== 'string' || typeof text !== 'string')
    return { available: false, reason: `${problems.join('; ')} (${HOW})` };
  const optional = (name: string): string | null => (names.includes(name) ? join(dir, name) : null);
  return {
    available: true,
    reason: null,
    files: {
      imageEncoder: join(dir, image),
      textEncoder: join(dir, text),
      tokenizer: join(dir, 'tokenizer.json'),
      tokenizerConfig: optional('tokenizer_config.json'),
      settings: optional('packshot-clip.json'),
    },
  };
}

/**
 * Names the model (ai_runs.model, ai_embeddings.model) by its files' names, sizes and
 * modification times: other files are another model, whose vectors are not comparable, so
 * the library is embedded again. Cheap (a stat per file); null without a usable model.
 */
export function clipModelId(dir: string): string | null {
  const found = findClip(dir);
  if (!found.available) return null;
  const { files } = found;
  const hash = createHash('sha256');
  for (const file of [files.imageEncoder, files.textEncoder, files.tokenizer, files.settings]) {
    if (file === null) continue;
    try {
      const s = statSync(file);
      hash.update(`${file.slice(dir.length)}\0${s.size}\0${Math.trunc(s.mtimeMs)}\0`);
    } catch {
      return null;
    }
  }
  return `clip-${hash.digest('hex').slice(0, 16)}`;
}

/** packshot-clip.json, checked: a wrong value is named rather than silently ignored. */
export function readClipSettings(file: string | null): ClipSettings {
  if (file === null) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`${file} must hold a JSON object`);
  const s = raw as Record<string, unknown>;
  const bad = (key: string, want: string): never => {
    throw new Error(`${file}: "${key}" must be ${want}`);
  };
  const positive = (key: string): number | undefined => {
    const v = s[key];
    if (v === undefined) return undefined;
    return typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 4096
      ? v
      : bad(key, 'a whole number from 1 to 4096');
  };
  const triple = (key: string): [number, number, number] | undefined => {
    const v = s[key];
    if (v === undefined) return undefined;
    return Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'number' && x !== 0)
      ? (v as [number, number, number])
      : bad(key, 'three non-zero numbers, red green blue');
  };
  const floor = (key: string): number | undefined => {
    const v = s[key];
    if (v === undefined) return undefined;
    return typeof v === 'number' && v >= -1 && v <= 1 ? v : bad(key, 'a number from -1 to 1');
  };
  if (s.padText !== undefined && typeof s.padText !== 'boolean') bad('padText', 'true or false');
  const out: ClipSettings = {
    size: positive('size'),
    mean: triple('mean'),
    std: triple('std'),
    textLength: positive('textLength'),
    padText: s.padText as boolean | undefined,
    textFloor: floor('textFloor'),
    imageFloor: floor('imageFloor'),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
