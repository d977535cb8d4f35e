// A USDZ for iOS AR Quick Look from a glTF document: the USDA stage and its textures, zipped
// with each entry's data 64-byte aligned. Not carried: skinning, animation, morph targets,
// vertex colours, texture transforms, KTX2 textures and material extensions (clearcoat,
// transmission, …): the USDZ shows the model at rest with its PBR basics.
import type { Document } from '@gltf-transform/core';
import { usdzImages } from './model-textures';
import { usdaStage } from './usda-stage';
import { usdzZip } from './usdz-zip';

export const USDZ_ROOT_LAYER = 'model.usda';

export async function makeUsdz(doc: Document): Promise<{ data: Buffer; triangles: number }> {
  const images = await usdzImages(doc);
  const names = new Map([...images].map(([t, f]) => [t, f.name]));
  const stage = usdaStage(doc, names);
  const zip = usdzZip([
    { name: USDZ_ROOT_LAYER, data: Buffer.from(stage.text, 'utf8') },
    ...[...images.values()].map((f) => ({ name: f.name, data: f.data })),
  ]);
  return { data: Buffer.from(zip), triangles: stage.triangles };
}
