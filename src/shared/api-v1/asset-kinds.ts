// The asset kinds the API names (the engine's AssetKind, as a runtime list for schemas).
import type { AssetKind } from '../dto';

export const ASSET_KINDS_PUBLIC = [
  'image',
  'raw',
  'vector',
  'video',
  'document',
  'model',
  'spin',
  'other',
] as const satisfies readonly AssetKind[];
