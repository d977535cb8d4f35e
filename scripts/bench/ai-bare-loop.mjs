// The AI figure's baseline: the same packages and settings the engine uses, in a bare loop
// (no engine, no database, no job, no separate process), one image at a time:
//   node ai-bare-loop.mjs <objects|faces|text> <file>...
// prints {"seconds": s, "images": n, "loadSeconds": s} on stdout. Kept in plain JavaScript so
// that it shares no code with the engine it is compared with.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';

const require = createRequire(import.meta.url);
const [task, ...files] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e9;

async function loadHuman() {
  const entry = require.resolve('@vladmandic/human');
  const dir = entry.slice(0, entry.lastIndexOf(join('dist', 'human.node.js')));
  const { Human } = require(join(dir, 'dist', 'human.node-wasm.js'));
  const wasm = dirname(
    require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
  );
  const off = { enabled: false };
  const human = new Human({
    backend: 'wasm',
    modelBasePath: `${pathToFileURL(join(dir, 'models')).href}/`,
    wasmPath: `${wasm}/`,
    debug: false,
    warmup: 'none',
    cacheSensitivity: 0,
    filter: off,
    face: {
      enabled: task === 'faces',
      detector: { rotation: false, maxDetected: 30, minConfidence: 0.5, return: false },
      mesh: { enabled: task === 'faces' },
      iris: off,
      description: { enabled: task === 'faces' },
      emotion: off,
      antispoof: off,
      liveness: off,
    },
    body: off,
    hand: off,
    gesture: off,
    segmentation: off,
    object: { enabled: task === 'objects', minConfidence: 0.2, maxDetected: 30 },
  });
  // Node's fetch cannot read file:// URLs: hand TensorFlow.js the files from disk.
  const io = human.tf.io;
  io.registerLoadRouter((url) =>
    typeof url === 'string' && url.startsWith('file://')
      ? {
          load: async () =>
            io.getModelArtifactsForJSON(
              JSON.parse(await readFile(fileURLToPath(url), 'utf8')),
              async (m) => {
                const parts = [];
                const specs = [];
                for (const g of m) {
                  for (const p of g.paths)
                    parts.push(await readFile(fileURLToPath(new URL(p, url))));
                  specs.push(...g.weights);
                }
                const all = Buffer.concat(parts);
                return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength)];
              },
            ),
        }
      : null,
  );
  await human.load();
  return async (file) => {
    const { data, info } = await sharp(file, { failOn: 'none' })
      .rotate()
      .resize(1280, 1280, { fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const t = human.tf.tensor3d(new Uint8Array(data), [info.height, info.width, 3], 'int32');
    try {
      await human.detect(t);
    } finally {
      human.tf.dispose(t);
    }
  };
}

async function loadTesseract() {
  const { createWorker, OEM } = require('tesseract.js');
  const langPath = join(dirname(require.resolve('@tesseract.js-data/eng')), '4.0.0_best_int');
  const worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath,
    cacheMethod: 'none',
    gzip: true,
    logger: () => undefined,
  });
  const read = async (file) => {
    const png = await sharp(file, { failOn: 'none' })
      .rotate()
      .resize(2400, 2400, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .greyscale()
      .png({ compressionLevel: 1 })
      .toBuffer();
    await worker.recognize(png, {}, { text: true, blocks: true });
  };
  read.close = () => worker.terminate();
  return read;
}

const started = now();
const one = task === 'text' ? await loadTesseract() : await loadHuman();
const loaded = now();
for (const file of files) await one(file);
const seconds = now() - started;
await one.close?.();
process.stdout.write(
  JSON.stringify({ seconds, images: files.length, loadSeconds: loaded - started }),
);
