import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { emptyFacts } from '../../../../shared/media-facts';
import type { ModelAnalysis } from './model-analysis';
import { RENDER_SIZE, SUPERSAMPLE } from './model-analysis';
import { gltfFacts } from './model-facts';
import { ModelReadError } from './model-read-error';
import { rasterise } from './rasterise';
import type { ReadModel } from './read-model';
import { readModel, readModelResource } from './read-model';
import { sceneGeometry } from './scene-geometry';
import type { ModelValidation } from './validate-model';
import { validateModel } from './validate-model';

const MAX_BYTES = 1024 * 1024 * 1024;

function firstError(validation: ModelValidation | null): string | null {
  const first = validation?.messages.find((m) => m.severity === 'error');
  return first ? first.text : null;
}

/** The validator's first error that is not its echo of our own refusal to read a file. */
function firstOwnError(validation: ModelValidation | null): string | null {
  const first = validation?.messages.find((m) => m.severity === 'error' && m.code !== 'IO_ERROR');
  return first ? first.text : null;
}

function verdict(validation: ModelValidation | null): string | null {
  if (!validation || validation.errors === 0) return null;
  const n = validation.errors;
  return `glTF validator: ${n} error${n === 1 ? '' : 's'}; ${firstError(validation) ?? ''}`.trim();
}

/**
 * A glTF or GLB read, validated and drawn. The validator reads the bytes on its own, so a
 * file gltf-transform cannot read (a cut GLB, a missing .bin) still gets the validator's
 * words as its error. Validator errors make the asset's error; warnings go in the facts.
 */
export async function analyseGltf(path: string): Promise<ModelAnalysis> {
  const info = await stat(path);
  if (info.size > MAX_BYTES) throw new ModelReadError('the model is too large to read');
  const bytes = new Uint8Array(await readFile(path));
  const folder = dirname(resolve(path));
  const budget = { left: MAX_BYTES - info.size };
  let validation: ModelValidation | null = null;
  try {
    validation = await validateModel(bytes, basename(path), (uri) =>
      readModelResource(folder, uri, budget),
    );
  } catch {
    validation = null; // the validator itself failed: the reader below still judges the file
  }
  const format = bytes[0] === 0x67 && bytes[1] === 0x6c ? 'glb' : 'gltf';
  let model;
  try {
    model = await readModel(path, { maxBytes: MAX_BYTES });
  } catch (error) {
    const facts = emptyFacts();
    facts.detail = { container: format, fileBytes: info.size, validation };
    const own = error instanceof Error ? error.message : String(error);
    const said = firstOwnError(validation);
    return {
      format,
      facts,
      error: error instanceof ModelReadError || !said ? `${own}${said ? ` (${said})` : ''}` : said,
      notice: null,
      pixels: null,
    };
  }
  try {
    return drawn(model, info.size, validation);
  } catch (error) {
    // gltf-transform read it, but its accessors are not what they claim (the validator says).
    const facts = emptyFacts();
    facts.detail = { container: model.container, fileBytes: info.size, validation };
    const said = firstError(validation) ?? (error instanceof Error ? error.message : String(error));
    return { format: model.container, facts, error: said, notice: null, pixels: null };
  }
}

function drawn(
  model: ReadModel,
  fileBytes: number,
  validation: ModelValidation | null,
): ModelAnalysis {
  const geometry = sceneGeometry(model.document);
  const facts = gltfFacts({
    doc: model.document,
    json: model.json.json,
    container: model.container,
    fileBytes,
    externalBytes: model.externalBytes,
    geometry,
    validation,
  });
  const notices: string[] = [];
  let pixels: ModelAnalysis['pixels'] = null;
  if (geometry.count > 0 && geometry.min && geometry.max) {
    const size = RENDER_SIZE * SUPERSAMPLE;
    const data = rasterise({ ...geometry, min: geometry.min, max: geometry.max }, size, size);
    pixels = { data, width: size, height: size };
    if ((facts.textures ?? 0) > 0) notices.push('thumbnail drawn with base colours, no textures');
    if (geometry.sampledEvery > 1) {
      notices.push(`thumbnail drew every ${geometry.sampledEvery}th triangle of a large model`);
    }
  } else {
    notices.push('no triangles to draw: no thumbnail');
  }
  return {
    format: model.container,
    facts,
    error: verdict(validation),
    notice: notices.length > 0 ? notices.join('; ') : null,
    pixels,
  };
}
