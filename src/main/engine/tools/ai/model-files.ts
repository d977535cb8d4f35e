// Where the models shipped inside npm packages are on disk. Resolved from the packages
// themselves, so nothing is ever fetched: Human's weights (models/), TensorFlow.js's
// WebAssembly binaries, and Tesseract's English data.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Not named `require`: the bundle's chunk may hold a shim of that name (ARCHITECTURE.md, Tools).
const packageRequire = createRequire(import.meta.url);

/** A package's folder (its package.json may not be in its `exports`, so its main is used). */
function packageDir(name: string, main: string): string {
  const entry = packageRequire.resolve(name);
  return entry.slice(0, entry.lastIndexOf(main));
}

export function humanDir(): string {
  return packageDir('@vladmandic/human', join('dist', 'human.node.js'));
}

/** Human's build for Node on the WebAssembly backend (not in its `exports` map). */
export function humanWasmEntry(): string {
  return join(humanDir(), 'dist', 'human.node-wasm.js');
}

export function humanModelsDir(): string {
  return join(humanDir(), 'models');
}

export function tfjsWasmDir(): string {
  return dirname(
    packageRequire.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
  );
}

/** tesseract.js-data's English LSTM model ("best_int": the accurate one, integerised). */
export function tesseractLangDir(): string {
  return join(dirname(packageRequire.resolve('@tesseract.js-data/eng')), '4.0.0_best_int');
}
