import type { ModelAnalysis } from '../../tools/gltf/model-analysis';
import { ModelReadError } from '../../tools/gltf/model-read-error';
import { modelStill } from '../../tools/gltf/model-still';
import { analyseModelInWorker } from '../../tools/gltf/run-model-worker';
import type { RichMediaReader } from '../read-rich-media';

/**
 * 3D models: glTF and GLB read, validated (Khronos validator) and drawn by the software
 * rasteriser on a worker thread with a time limit; OBJ, STL, USDZ and FBX catalogued with
 * what is cheap to read. A model that cannot be read, or that the validator finds errors
 * in, is an error on its asset with the reason; facts found before are kept.
 */
export const readModelAsset: RichMediaReader = async (file) => {
  let read: ModelAnalysis;
  try {
    read = await analyseModelInWorker(file.path);
  } catch (error) {
    if (!(error instanceof ModelReadError)) throw error;
    return { facts: null, error: error.message };
  }
  const pixels = read.pixels;
  return {
    format: read.format,
    facts: read.facts,
    notice: read.notice,
    error: read.error,
    text: searchText(read),
    still: pixels ? () => modelStill(pixels) : undefined,
  };
};

/** The model's own words (title, author, generator) are searched as its text. */
function searchText(read: ModelAnalysis): string | null {
  const facts = read.facts;
  if (!facts) return null;
  const words = [facts.title, facts.author, facts.detail['generator'], facts.detail['copyright']];
  const unique = [...new Set(words.filter((w): w is string => typeof w === 'string'))];
  return unique.length > 0 ? unique.join('\n') : null;
}
