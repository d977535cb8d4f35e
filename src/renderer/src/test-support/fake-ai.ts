// The offline AI as a fake engine answers it: nothing analysed, the bundled models here and
// no CLIP model, until a test serves more. Builders for the DTOs tests probe.
import {
  DEFAULT_AI_THRESHOLD,
  type AiModelInfo,
  type AiStatus,
  type AssetAi,
  type FaceGroup,
} from '../../../shared/ai-dto';
import type { FakeTransport } from './fake-transport';

export const MODELS: AiModelInfo[] = [
  { task: 'objects', name: 'CenterNet (COCO)', licence: 'MIT', available: true, reason: null },
  { task: 'faces', name: 'BlazeFace + FaceRes', licence: 'MIT', available: true, reason: null },
  { task: 'text', name: 'Tesseract (eng)', licence: 'Apache-2.0', available: true, reason: null },
  {
    task: 'embedding',
    name: 'CLIP',
    licence: 'yours',
    available: false,
    reason: 'no CLIP model in /data/models/clip',
  },
];

export function makeStatus(overrides: Partial<AiStatus> = {}): AiStatus {
  return {
    models: MODELS,
    threshold: DEFAULT_AI_THRESHOLD,
    paused: false,
    jobId: null,
    pending: 0,
    analysed: 0,
    ...overrides,
  };
}

/** Nothing found, nothing run: an asset the AI has not seen. */
export function emptyAi(assetId: number, overrides: Partial<AssetAi> = {}): AssetAi {
  return {
    assetId,
    objects: [],
    faces: [],
    people: 0,
    text: null,
    suggestions: [],
    links: [],
    hasEmbedding: false,
    runs: [],
    ...overrides,
  };
}

/** A run of every bundled task, current and without error. */
export function ranAll(ranAt = 1): AssetAi['runs'] {
  return (['objects', 'faces', 'text'] as const).map((task) => ({
    task,
    model: `${task}-model`,
    ranAt,
    error: null,
    current: true,
  }));
}

export function makeGroup(id: number, overrides: Partial<FaceGroup> = {}): FaceGroup {
  return {
    id,
    name: null,
    faces: 2,
    assets: 2,
    coverFaceId: id * 10,
    coverAssetId: id,
    coverBox: { x: 0.4, y: 0.3, w: 0.1, h: 0.15 },
    releaseIds: [],
    ...overrides,
  };
}

/** What fakeEngine answers for the AI unless a test serves its own (status: every fake). */
export function serveAi(transport: FakeTransport): void {
  transport
    .handle('analyses.get', ({ assetId }) => emptyAi(assetId))
    .handle('faceGroups.list', () => []);
}
