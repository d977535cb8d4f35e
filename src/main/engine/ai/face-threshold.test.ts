// FACE_THRESHOLD against the real face model (analysis/face-clusters.ts has the numbers):
// one person in many framings stays near the centre of their group, another person stays
// far, and a look-alike never lands in his group.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasSamplePhotos, samplePhoto } from '../../test-support/sample-photos';
import { centroidOf, cosineDistance, FACE_THRESHOLD, placeFaces } from '../analysis/face-clusters';
import { visionInput } from '../tools/ai/ai-input';
import { humanModelsDir } from '../tools/ai/model-files';
import { loadVision, type Vision } from '../tools/ai/vision';

const NEEDS = '(needs python3-skimage’s sample photos: .ci/run unpacks them)';

// Human's own demo screenshot: a row of faces its demo ranked by likeness to one man (his
// own photos first, then look-alikes), each ~100 px with captions drawn on it.
const FACEMATCH = join(dirname(humanModelsDir()), 'assets/screenshot-facematch.jpg');

let vision: Vision;
const describeFace = async (input: Buffer | string): Promise<Float32Array> => {
  const faces = (await vision.detect(await visionInput(input))).faces;
  expect(faces).toHaveLength(1);
  return faces[0]!.descriptor;
};

/** Each face's distance to the centroid of the others. */
const leaveOneOut = (faces: Float32Array[]): number[] =>
  faces.map((f, i) => cosineDistance(centroidOf(faces.filter((_, j) => j !== i))!, f));

/** The groups placeFaces makes of these faces (in this order), as lists of their indexes. */
function groupsOf(faces: Float32Array[], order: number[]): number[][] {
  const placed = placeFaces(
    [],
    order.map((i) => ({ id: i, assetId: i, descriptor: faces[i]! })),
    new Map(),
  );
  return placed.started;
}

beforeAll(async () => {
  vision = await loadVision({ objects: false, faces: true });
}, 60_000);

describe.skipIf(!hasSamplePhotos)(`one face in many framings, two people apart ${NEEDS}`, () => {
  const framings = async (file: string): Promise<Float32Array[]> => {
    const { width = 0, height = 0 } = await sharp(file).metadata();
    const crop = { left: Math.round(width * 0.15), top: 0 };
    const inputs = [
      sharp(file).extract({
        ...crop,
        width: Math.round(width * 0.66),
        height: Math.round(height * 0.74),
      }),
      sharp(file).resize(Math.round(width / 2)),
      sharp(file).modulate({ brightness: 1.35 }),
      sharp(file).modulate({ brightness: 0.6 }),
      sharp(file).jpeg({ quality: 30 }),
      sharp(file).flop(),
    ];
    return [
      await describeFace(file),
      ...(await Promise.all(inputs.map((s) => s.toBuffer().then(describeFace)))),
    ];
  };

  it('keeps each within the threshold of the others’ centre, and the other person far', async () => {
    const astronaut = await framings(samplePhoto('astronaut.png'));
    const cameraman = await framings(samplePhoto('camera.png'));
    for (const [mine, theirs] of [
      [astronaut, cameraman],
      [cameraman, astronaut],
    ] as const) {
      expect(Math.max(...leaveOneOut(mine))).toBeLessThan(FACE_THRESHOLD / 2);
      const centre = centroidOf(mine)!;
      expect(Math.min(...theirs.map((f) => cosineDistance(centre, f)))).toBeGreaterThan(
        2 * FACE_THRESHOLD,
      );
    }
    const all = [...astronaut, ...cameraman];
    const n = astronaut.length;
    const groups = groupsOf(
      all,
      [...all.keys()].sort((a, b) => (a % n) - (b % n) || a - b),
    );
    expect(groups.map((g) => g.map((i) => (i < n ? 'astronaut' : 'cameraman'))).sort()).toEqual([
      Array<string>(n).fill('astronaut'),
      Array<string>(n).fill('cameraman'),
    ]);
  });
});

describe.skipIf(!existsSync(FACEMATCH))(
  'different photos of one man against look-alikes (needs @vladmandic/human’s assets)',
  () => {
    it('puts none of the look-alikes in his group, whichever comes first', async () => {
      const { width = 0 } = await sharp(FACEMATCH).metadata();
      const k = width / 1200;
      const tiles: Float32Array[] = [];
      for (let i = 0; i < 18; i++) {
        const size = Math.round(64 * k);
        const tile = await sharp(FACEMATCH)
          .extract({
            left: Math.round((2 + i * 66.3) * k),
            top: Math.round(175 * k),
            width: size,
            height: Math.round(size * 0.85),
          })
          .extend({ top: 60, bottom: 60, left: 60, right: 60, background: '#000' })
          .resize(400)
          .toBuffer();
        tiles.push(await describeFace(tile));
      }
      const him = tiles.slice(0, 11);
      const centre = centroidOf(him)!;
      expect(Math.max(...leaveOneOut(him))).toBeLessThan(FACE_THRESHOLD);
      expect(Math.min(...tiles.slice(11).map((f) => cosineDistance(centre, f)))).toBeGreaterThan(
        FACE_THRESHOLD,
      );
      const forward = [...tiles.keys()];
      for (const order of [forward, [...forward].reverse()])
        for (const group of groupsOf(tiles, order))
          expect(group.every((i) => i < 11) || group.every((i) => i >= 11)).toBe(true);
      // In library order his photos make one group.
      expect(groupsOf(tiles, forward)[0]).toEqual(him.map((_, i) => i));
    });
  },
);
