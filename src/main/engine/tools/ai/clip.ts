// A CLIP-style image and text encoder the user brings (ONNX files in <data>/models/clip/,
// clip-files.ts), run with onnxruntime-node on the CPU, one thread each (the AI work must
// not slow culling). Both encoders give L2-normalised vectors of one length, so a dot
// product is the cosine similarity. Each encoder loads on first use: the AI process embeds
// images and never loads the text encoder; the engine embeds query text and never loads
// the image encoder. What the models take is read from them: the pixel input (pixel_values
// [batch, 3, H, W]) and its size, the token inputs (input_ids, attention_mask when the model
// has one) and their integer type, the output (image_embeds / text_embeds, else the first).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Tokenizer } from '@huggingface/tokenizers';
import type * as Ort from 'onnxruntime-node';
import { lazyModule } from '../lazy-module';
import {
  clipModelId,
  findClip,
  readClipSettings,
  type ClipFileSet,
  type ClipSettings,
} from './clip-files';
import { clipPixels } from './clip-pixels';
import type { RgbImage } from './vision';

export { findClip, clipModelId } from './clip-files';
export type { ClipFiles, ClipSettings } from './clip-files';

export interface ClipModel {
  /** Names the model (ai_runs.model, ai_embeddings.model): its files' sizes and times. */
  readonly id: string;
  /** packshot-clip.json as read (floors, preprocessing overrides). */
  readonly settings: ClipSettings;
  embedImage(image: RgbImage): Promise<Float32Array>;
  embedText(text: string): Promise<Float32Array>;
}

const CLIP_MEAN: [number, number, number] = [0.48145466, 0.4578275, 0.40821073];
const CLIP_STD: [number, number, number] = [0.26862954, 0.26130258, 0.27577711];
const DEFAULT_SIZE = 224;
const DEFAULT_TEXT_LENGTH = 77;

/** Checks the folder and reads the tokenizer; the encoders load on first use. */
export function loadClip(dir: string): Promise<ClipModel> {
  return Promise.resolve().then(() => {
    const found = findClip(dir);
    if (!found.available) throw new Error(found.reason);
    const id = clipModelId(dir);
    if (id === null) throw new Error(`The semantic search model in ${dir} changed while loading`);
    return new OnnxClip(id, found.files);
  });
}

// The runtime and tokenizer load with the first model, not with the engine.
const ort = lazyModule<typeof Ort>('onnxruntime-node');
const tokenizers = lazyModule<typeof import('@huggingface/tokenizers')>('@huggingface/tokenizers');

type Metadata = Ort.InferenceSession.ValueMetadata;

class OnnxClip implements ClipModel {
  readonly settings: ClipSettings;
  private readonly tokenizer: Tokenizer;
  private readonly padId: number;
  private image: Promise<Ort.InferenceSession> | undefined;
  private text: Promise<Ort.InferenceSession> | undefined;

  constructor(
    readonly id: string,
    private readonly files: ClipFileSet,
  ) {
    this.settings = readClipSettings(files.settings);
    const json = readJson(files.tokenizer);
    const config = files.tokenizerConfig ? readJson(files.tokenizerConfig) : {};
    try {
      this.tokenizer = new (tokenizers().Tokenizer)(json, config);
    } catch (error) {
      throw new Error(`${files.tokenizer} is not a tokenizer this reads: ${message(error)}`);
    }
    const pad = typeof config.pad_token === 'string' ? config.pad_token : undefined;
    this.padId = (pad === undefined ? undefined : this.tokenizer.token_to_id(pad)) ?? 0;
  }

  async embedImage(image: RgbImage): Promise<Float32Array> {
    const session = await (this.image ??= this.session(this.files.imageEncoder, 'image'));
    const input = pixelInput(session, this.files.imageEncoder);
    const dims = tensorShape(input);
    const fromModel = typeof dims[2] === 'number' && dims[2] > 0 ? dims[2] : undefined;
    const size = this.settings.size ?? fromModel ?? DEFAULT_SIZE;
    const pixels = await clipPixels(
      image,
      size,
      this.settings.mean ?? CLIP_MEAN,
      this.settings.std ?? CLIP_STD,
    );
    const feeds = { [input.name]: new (ort().Tensor)('float32', pixels, [1, 3, size, size]) };
    return this.output(session, await session.run(feeds), 'image_embeds', this.files.imageEncoder);
  }

  async embedText(text: string): Promise<Float32Array> {
    const session = await (this.text ??= this.session(this.files.textEncoder, 'text'));
    const feeds: Record<string, Ort.Tensor> = {};
    const metadata = session.inputMetadata;
    const idsInput = metadata.find((m) => m.name === 'input_ids') ?? metadata[0];
    if (!idsInput) throw new Error(`${this.files.textEncoder} takes no input`);
    const fixed = tensorShape(idsInput)[1];
    const length =
      this.settings.textLength ??
      (typeof fixed === 'number' && fixed > 0 ? fixed : DEFAULT_TEXT_LENGTH);
    const encoded = this.tokenizer.encode(text);
    let ids = encoded.ids;
    // Too long: keep the start and the closing token (CLIP pools at its end-of-text token).
    if (ids.length > length) ids = [...ids.slice(0, length - 1), ids[ids.length - 1] as number];
    const mask = ids.map(() => 1);
    const pad = this.settings.padText === true || typeof fixed === 'number' ? length : ids.length;
    while (ids.length < pad) {
      ids.push(this.padId);
      mask.push(0);
    }
    for (const m of metadata) {
      const values =
        m === idsInput
          ? ids
          : m.name === 'attention_mask'
            ? mask
            : m.name === 'token_type_ids'
              ? ids.map(() => 0)
              : undefined;
      if (!values)
        throw new Error(
          `${basename(this.files.textEncoder)} wants an input '${m.name}' this does not give (input_ids, attention_mask, token_type_ids)`,
        );
      feeds[m.name] = integerTensor(m, values);
    }
    return this.output(session, await session.run(feeds), 'text_embeds', this.files.textEncoder);
  }

  private async session(file: string, which: 'image' | 'text'): Promise<Ort.InferenceSession> {
    try {
      return await ort().InferenceSession.create(file, {
        executionProviders: ['cpu'],
        intraOpNumThreads: 1,
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
      });
    } catch (error) {
      throw new Error(
        `The ${which} encoder ${file} cannot be loaded (${message(error).replace(/^Load model from .* failed:\s*/, '')}): the file is damaged or not an ONNX model; copy it again (see the README, "Semantic search")`,
      );
    }
  }

  private output(
    session: Ort.InferenceSession,
    result: Ort.InferenceSession.ReturnType,
    preferred: string,
    file: string,
  ): Float32Array {
    const name =
      session.outputNames.find((n) => n === preferred) ??
      session.outputNames.find((n) => n.endsWith('embeds')) ??
      session.outputNames[0];
    const tensor = name === undefined ? undefined : result[name];
    if (!tensor || tensor.type !== 'float32' || tensor.dims.length !== 2)
      throw new Error(
        `${basename(file)} gives no [1, N] float vector (its outputs: ${session.outputNames.join(', ')})`,
      );
    return normalise(Float32Array.from(tensor.data as Float32Array));
  }
}

function pixelInput(session: Ort.InferenceSession, file: string): Metadata {
  const metadata = session.inputMetadata;
  const input =
    metadata.find((m) => m.name === 'pixel_values') ??
    metadata.find((m) => tensorShape(m).length === 4) ??
    metadata[0];
  if (!input || metadata.length !== 1)
    throw new Error(
      `${basename(file)} should take one input, the pixels (it takes ${metadata.map((m) => m.name).join(', ')})`,
    );
  return input;
}

function tensorShape(m: Metadata): readonly (number | string)[] {
  return m.isTensor ? m.shape : [];
}

function integerTensor(m: Metadata, values: number[]): Ort.Tensor {
  const dims = [1, values.length];
  if (m.isTensor && m.type === 'int32')
    return new (ort().Tensor)('int32', Int32Array.from(values), dims);
  return new (ort().Tensor)(
    'int64',
    BigInt64Array.from(values, (v) => BigInt(v)),
    dims,
  );
}

/** To unit length, so a dot product is the cosine; an all-zero vector stays zero. */
export function normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / norm;
  return v;
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file} cannot be read as JSON: ${message(error)}`);
  }
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
