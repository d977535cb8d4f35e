// The export job as the engine calls it, run from the sources (no built worker: the job runs
// on this thread; the built CLI's worker is covered in export/export-models.test.ts): the
// pack's files come back as Buffers, and a job whose export was cancelled is not started.
import { describe, expect, it } from 'vitest';
import type { ModelRules } from '../../../../shared/export-dto';
import { makeCubeGlb } from '../../../test-support/model-export-fixtures';
import { exportModelInWorker } from './run-model-worker';

const RULES: ModelRules = {
  formats: ['glb', 'usdz'],
  maxBytes: null,
  targetBytes: null,
  maxTriangles: null,
  recommendedTriangles: null,
  maxTextureSize: 32,
  texturePowerOfTwo: false,
  compression: 'none',
  notes: '',
};

describe('exportModelInWorker', () => {
  it('packs a model to the rules, its files as Buffers', async () => {
    const packed = await exportModelInWorker('cube.glb', await makeCubeGlb(64), RULES);
    expect(Buffer.isBuffer(packed.glb.data) && Buffer.isBuffer(packed.usdz?.data)).toBe(true);
    expect(packed.glb.data.subarray(0, 4).toString('latin1')).toBe('glTF');
    expect(packed.steps).toContain('textures resized to at most 32 px');
  });

  it('does not start a job whose export was cancelled', async () => {
    const cancel = new AbortController();
    cancel.abort();
    await expect(
      exportModelInWorker('cube.glb', await makeCubeGlb(16), RULES, cancel.signal),
    ).rejects.toThrow('cancelled');
  });
});
