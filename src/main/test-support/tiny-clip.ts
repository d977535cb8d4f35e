// A CLIP-shaped model small enough to build inside a test: real ONNX files (written with
// onnx-proto) that onnxruntime-node runs, and a real tokenizer.json, so the loading,
// embedding, storing and search path is tested end to end without a 600 MB download.
// - Image encoder: pixel_values [batch, 3, 8, 8] → mean per channel → × a 3×4 matrix →
//   image_embeds [batch, 4]: the picture's colour decides its direction.
// - Text encoder: input_ids [batch, seq] → rows of a table → mean → text_embeds [batch, 4];
//   "red", "green" and "blue" point where those colours' images point, other words nowhere.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onnx } from 'onnx-proto';
import sharp from 'sharp';

export const TINY_SIZE = 8;
const DIM = 4;
/** CLIP's normalisation (what loadClip applies unless packshot-clip.json says otherwise). */
const MEAN = [0.48145466, 0.4578275, 0.40821073];
const STD = [0.26862954, 0.26130258, 0.27577711];

const WORDS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'red', 'green', 'blue', 'shoe', 'on', 'rocks'];

/** A pure colour as the image encoder sees it (before its matrix), normalised as CLIP does. */
function colourDirection(rgb: readonly [number, number, number]): number[] {
  return rgb.map((c, i) => (c / 255 - (MEAN[i] ?? 0)) / (STD[i] ?? 1));
}

/** The image matrix: 3 → 4, the 4th dimension a mix so no axis is trivially the answer. */
const IMAGE_MATRIX = [
  [1, 0, 0, 0.5],
  [0, 1, 0, 0.5],
  [0, 0, 1, 0.5],
];

function project(v: number[]): number[] {
  return [0, 1, 2, 3].map((j) => v.reduce((sum, x, i) => sum + x * (IMAGE_MATRIX[i]?.[j] ?? 0), 0));
}

export const TINY_COLOURS = {
  red: [220, 30, 30],
  green: [30, 200, 40],
  blue: [30, 40, 220],
} as const satisfies Record<string, readonly [number, number, number]>;

function wordRow(word: string): number[] {
  const colour = (TINY_COLOURS as Record<string, readonly [number, number, number]>)[word];
  return colour ? project(colourDirection(colour)) : [0, 0, 0, 0];
}

function floats(name: string, dims: number[], values: number[]): onnx.ITensorProto {
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, floatData: values };
}

function valueInfo(
  name: string,
  type: onnx.TensorProto.DataType,
  dims: (number | string)[],
): onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: type,
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  };
}

function model(graph: onnx.IGraphProto): Uint8Array {
  return onnx.ModelProto.encode({
    irVersion: 7,
    producerName: 'packshot-tiny-clip',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  }).finish();
}

export function tinyImageEncoder(): Uint8Array {
  const F = onnx.TensorProto.DataType.FLOAT;
  return model({
    name: 'tiny-image',
    input: [valueInfo('pixel_values', F, ['batch_size', 3, TINY_SIZE, TINY_SIZE])],
    output: [valueInfo('image_embeds', F, ['batch_size', DIM])],
    initializer: [floats('projection', [3, DIM], IMAGE_MATRIX.flat())],
    node: [
      {
        opType: 'ReduceMean',
        input: ['pixel_values'],
        output: ['mean'],
        attribute: [
          { name: 'axes', type: onnx.AttributeProto.AttributeType.INTS, ints: [2, 3] },
          { name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 },
        ],
      },
      { opType: 'MatMul', input: ['mean', 'projection'], output: ['image_embeds'] },
    ],
  });
}

export function tinyTextEncoder(): Uint8Array {
  const F = onnx.TensorProto.DataType.FLOAT;
  return model({
    name: 'tiny-text',
    input: [valueInfo('input_ids', onnx.TensorProto.DataType.INT64, ['batch_size', 'sequence'])],
    output: [valueInfo('text_embeds', F, ['batch_size', DIM])],
    initializer: [floats('table', [WORDS.length, DIM], WORDS.flatMap(wordRow))],
    node: [
      { opType: 'Gather', input: ['table', 'input_ids'], output: ['rows'] },
      {
        opType: 'ReduceMean',
        input: ['rows'],
        output: ['text_embeds'],
        attribute: [
          { name: 'axes', type: onnx.AttributeProto.AttributeType.INTS, ints: [1] },
          { name: 'keepdims', type: onnx.AttributeProto.AttributeType.INT, i: 0 },
        ],
      },
    ],
  });
}

/** A WordPiece tokenizer.json (lower-cased, [CLS] … [SEP]) over the tiny vocabulary. */
export function tinyTokenizer(): object {
  const vocab = Object.fromEntries(WORDS.map((w, i) => [w, i]));
  const special = (content: string, id: number) => ({
    id,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: '1.0',
    added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]'].map((w, i) => special(w, i)),
    normalizer: { type: 'BertNormalizer', lowercase: true, clean_text: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: { type: 'BertProcessing', cls: ['[CLS]', 2], sep: ['[SEP]', 3] },
    decoder: { type: 'WordPiece', prefix: '##' },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', vocab },
  };
}

/** Writes the tiny model into `dir` as a user would place a real one (see the README). */
export async function writeTinyClip(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'vision_model.onnx'), tinyImageEncoder());
  await writeFile(join(dir, 'text_model.onnx'), tinyTextEncoder());
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tinyTokenizer()));
  await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify({ do_lower_case: true }));
}

/** A flat image of one colour with a little noise of shape, as a product shot on a colour. */
export async function colourImage(
  rgb: readonly [number, number, number],
  size = 64,
  shade = 0,
): Promise<Buffer> {
  const [r, g, b] = rgb;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
    <rect width="100%" height="100%" fill="rgb(${r},${g},${b})"/>
    <rect x="${size / 4 + shade}" y="${size / 4}" width="${size / 3}" height="${size / 3}"
      fill="rgb(${Math.max(0, r - 40)},${Math.max(0, g - 40)},${Math.max(0, b - 40)})"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
