// Pre-flight fixtures: one pack source image (a 2000 px PNG with nothing measured; each test
// overrides what it checks) and a built-in preset as the engine hands it to pre-flight.
import type { ChannelPreset } from '../../shared/export-dto';
import type { PackImage } from '../engine/export/pack-source';
import { builtInPresets } from '../engine/repositories/built-in-presets';

export const packImage = (over: Partial<PackImage> = {}): PackImage => ({
  assetId: 1,
  role: 'main',
  position: 0,
  name: 'a.png',
  path: '/a.png',
  kind: 'image',
  state: 'ok',
  hash: 'h',
  bytes: 1,
  format: 'png',
  width: 2000,
  height: 2000,
  orientation: null,
  whiteBg: null,
  pureWhiteBorder: null,
  fill: null,
  sharpness: null,
  focus: null,
  facts: null,
  ...over,
});

export function builtInPreset(id: string): ChannelPreset {
  const found = builtInPresets().find((p) => p.id === id);
  if (!found) throw new Error(`no built-in preset ${id}`);
  return {
    ...found.body,
    id,
    builtIn: true,
    modified: false,
    version: 1,
    basedOn: null,
    updatedAt: null,
  };
}
