// The real models on real pictures: what a person would see in them.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasSamplePhotos, samplePhoto } from '../../../test-support/sample-photos';
import { ocrInput, visionInput } from './ai-input';
import { loadOcr, type Ocr } from './ocr';
import { loadVision, type Vision } from './vision';

const NEEDS = '(needs python3-skimage’s sample photos: .ci/run unpacks them)';

describe.skipIf(!hasSamplePhotos)(`objects and faces in real photos ${NEEDS}`, () => {
  let vision: Vision;
  beforeAll(async () => {
    vision = await loadVision({ objects: true, faces: true });
  }, 60_000);

  const labels = async (name: string): Promise<string[]> =>
    (await vision.detect(await visionInput(samplePhoto(name)))).objects
      .filter((o) => o.confidence >= 0.4)
      .map((o) => o.label);

  it('sees the cup in a cup of coffee, and no face', async () => {
    const found = await vision.detect(await visionInput(samplePhoto('coffee.png')));
    const cup = found.objects.find((o) => o.label === 'cup');
    expect(cup?.confidence).toBeGreaterThan(0.4);
    // The cup stands in the middle of the frame.
    expect(cup!.x + cup!.w / 2).toBeGreaterThan(0.3);
    expect(cup!.x + cup!.w / 2).toBeLessThan(0.7);
    expect(found.faces).toEqual([]);
  });

  it('sees a person and one face in the astronaut’s portrait', async () => {
    const found = await vision.detect(await visionInput(samplePhoto('astronaut.png')));
    expect(await labels('astronaut.png')).toContain('person');
    expect(found.faces).toHaveLength(1);
    expect(found.faces[0]!.descriptor.length).toBe(1024);
  });

  it('runs only the detectors asked for', async () => {
    const pixels = await visionInput(samplePhoto('astronaut.png'));
    const objectsOnly = await vision.detect(pixels, { objects: true, faces: false });
    expect(objectsOnly.faces).toEqual([]);
    expect(objectsOnly.objects.length).toBeGreaterThan(0);
    const facesOnly = await vision.detect(pixels, { objects: false, faces: true });
    expect(facesOnly.objects).toEqual([]);
    expect(facesOnly.faces).toHaveLength(1);
  });

  it('describes one person alike in two framings, and two people apart', async () => {
    const astronaut = samplePhoto('astronaut.png');
    const crop = await sharp(astronaut)
      .extract({ left: 80, top: 0, width: 340, height: 380 })
      .toBuffer();
    const [a, b, c] = await Promise.all(
      [astronaut, crop, samplePhoto('camera.png')].map(
        async (s) => (await vision.detect(await visionInput(s))).faces[0]!.descriptor,
      ),
    );
    const distance = (p: Float32Array, q: Float32Array): number =>
      Math.sqrt(p.reduce((sum, v, i) => sum + (v - q[i]!) ** 2, 0));
    expect(distance(a!, b!)).toBeLessThan(distance(a!, c!));
  });
});

describe('text in generated images', () => {
  let ocr: Ocr;
  beforeAll(async () => {
    ocr = await loadOcr();
  }, 60_000);

  it('reads a price banner and a SKU', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="400">
      <rect width="100%" height="100%" fill="#f4f4f0"/>
      <text x="60" y="160" font-family="DejaVu Sans" font-size="72" font-weight="bold" fill="#c00">SALE 50% OFF</text>
      <text x="60" y="280" font-family="DejaVu Sans" font-size="40" fill="#222">SKU ACME-1042-BLK</text></svg>`;
    const input = await ocrInput(await sharp(Buffer.from(svg)).png().toBuffer());
    const read = await ocr.read(input.png, input);
    expect(read.text).toContain('SALE 50% OFF');
    expect(read.text).toContain('ACME-1042-BLK');
    const sale = read.words.find((w) => w.text === 'SALE');
    expect(sale?.y).toBeLessThan(0.5);
  });

  it.skipIf(!hasSamplePhotos)(`reads no text in a photo of a cup ${NEEDS}`, async () => {
    const input = await ocrInput(samplePhoto('coffee.png'));
    expect((await ocr.read(input.png, input)).text).toBe('');
  });
});

describe('closing the text reader', () => {
  it('lets the read under way finish and refuses reads after, never hanging', async () => {
    const ocr = await loadOcr();
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">
      <rect width="100%" height="100%" fill="#fff"/>
      <text x="40" y="120" font-family="DejaVu Sans" font-size="64" fill="#000">CLOSING</text></svg>`;
    const input = await ocrInput(await sharp(Buffer.from(svg)).png().toBuffer());
    const underWay = ocr.read(input.png, input);
    const closing = ocr.close();
    expect((await underWay).text).toContain('CLOSING');
    await closing;
    await expect(ocr.read(input.png, input)).rejects.toThrow(/closed/);
  });
});
