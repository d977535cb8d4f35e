// Metadata read from real files written by exiftool (the reference writer), sidecars in
// both namings, orientation, and a real camera RAW from Debian's rawtran-doc when present.
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../test-support/engine-harness';
import { makeImage, tempDir } from '../../../test-support/sample-images';

const DEBIAN_CR2 = '/usr/share/doc/rawtran/IMG_5952.CR2';

let h: Harness;
let folder: string;
const exiftool = new ExifTool({ maxProcs: 1 });

beforeAll(async () => {
  folder = await tempDir('metadata');
  const shot = join(folder, 'shoe.jpg');
  await writeFile(shot, await makeImage(600, 400, 'jpeg', 1));
  await exiftool.write(
    shot,
    {
      'XMP-dc:Title': 'Red sneaker',
      'XMP-dc:Description': 'Side view on white',
      'XMP-dc:Subject': ['sneaker', 'red'],
      'XMP-lr:HierarchicalSubject': ['Product|Shoes|Sneakers'],
      'XMP-dc:Creator': ['Ann Studio'],
      'XMP-dc:Rights': '© Shop BV',
      'XMP-xmpRights:UsageTerms': 'Web shop only',
      'XMP-xmp:Rating': 4,
      'XMP-xmp:Label': 'Red',
      'IPTC:Keywords': ['iptc-keyword'],
      'EXIF:Orientation#': 6,
      'EXIF:DateTimeOriginal': '2026:05:04 10:11:12',
      'EXIF:OffsetTimeOriginal': '+02:00',
      'EXIF:Make': 'Canon',
      'EXIF:Model': 'EOS R5',
      'EXIF:LensModel': 'RF 50mm F1.8',
      'EXIF:ExposureTime': '1/250',
      'EXIF:FNumber': 2.8,
      'EXIF:ISO': 100,
      'EXIF:FocalLength': 50,
      'EXIF:GPSLatitude': 52.37,
      'EXIF:GPSLatitudeRef': 'N',
      'EXIF:GPSLongitude': 4.89,
      'EXIF:GPSLongitudeRef': 'E',
    } as never,
    { writeArgs: ['-overwrite_original', '-n'] },
  );
  // Sidecars in both namings: Adobe's `name.xmp` and darktable's `name.ext.xmp`.
  await writeFile(join(folder, 'bag.png'), await makeImage(300, 300, 'png', 2));
  await writeFile(
    join(folder, 'bag.xmp'),
    xmp('<dc:subject><rdf:Bag><rdf:li>adobe-sidecar</rdf:li></rdf:Bag></dc:subject>'),
  );
  await writeFile(join(folder, 'bag.png.xmp'), xmp('<xmp:Rating>5</xmp:Rating>'));
  if (existsSync(DEBIAN_CR2)) await copyFile(DEBIAN_CR2, join(folder, 'camera.CR2'));
  await writeFile(join(folder, 'manual.pdf'), '%PDF-1.4\n%fake but catalogued\n');
  await writeFile(join(folder, 'spin.mp4'), Buffer.alloc(2048, 1));
  await writeFile(
    join(folder, 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40" fill="red"/></svg>',
  );
  h = await startHarness();
  await h.call('catalogs.add', { path: folder });
  await h.call('jobs.wait', {});
}, 120_000);

afterAll(async () => {
  await exiftool.end();
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

function xmp(body: string): string {
  return `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
    ${body}</rdf:Description></rdf:RDF></x:xmpmeta>`;
}

describe('metadata', () => {
  it('reads EXIF, IPTC and XMP into the asset and its detail', async () => {
    const shoe = await h.byName('shoe.jpg');
    expect(shoe).toMatchObject({
      capturedAt: '2026-05-04T10:11:12+02:00',
      camera: 'Canon EOS R5',
      orientation: 6,
    });
    expect(shoe.keywords).toEqual(
      expect.arrayContaining(['sneaker', 'red', 'iptc-keyword', 'Product|Shoes|Sneakers']),
    );
    const detail = await h.call('assets.get', { id: shoe.id });
    expect(detail.metadata).toMatchObject({
      title: 'Red sneaker',
      description: 'Side view on white',
      hierarchicalKeywords: ['Product|Shoes|Sneakers'],
      creator: 'Ann Studio',
      copyright: '© Shop BV',
      usageTerms: 'Web shop only',
      rating: 4,
      label: 'Red',
      lens: 'RF 50mm F1.8',
      exposureTime: 0.004,
      fNumber: 2.8,
      iso: 100,
      focalLength: 50,
      colorSpace: 'srgb',
      bitDepth: 8,
    });
    expect(detail.metadata?.gps?.latitude).toBeCloseTo(52.37, 4);
    expect(detail.metadata?.gps?.longitude).toBeCloseTo(4.89, 4);
  });

  it('swaps display dimensions for a quarter-turn orientation and renders the thumbnail upright', async () => {
    const shoe = await h.byName('shoe.jpg');
    expect(shoe).toMatchObject({ width: 600, height: 400, displayWidth: 400, displayHeight: 600 });
    const thumb = await sharp(h.engine.resolveMedia('thumb', shoe.hash ?? '') ?? '').metadata();
    expect([thumb.width, thumb.height]).toEqual([213, 320]);
    expect(shoe.placeholder).toMatch(/^[A-Za-z0-9+/=]{10,}$/);
  });

  it('merges sidecars in both namings', async () => {
    const bag = await h.call('assets.get', { id: (await h.byName('bag.png')).id });
    expect(bag.keywords).toContain('adobe-sidecar');
    expect(bag.metadata?.rating).toBe(5);
    expect(bag.metadata?.sidecars.sort()).toEqual(['bag.png.xmp', 'bag.xmp']);
    expect((await h.all()).map((a) => a.name)).not.toContain('bag.xmp');
  });

  it('catalogues PDFs, videos and vector art by kind, not silently skipped', async () => {
    // A PDF header and nothing else: catalogued, and told broken (documents.test.ts).
    expect(await h.byName('manual.pdf')).toMatchObject({
      kind: 'document',
      format: 'pdf',
      state: 'error',
      error: expect.stringMatching(/Broken PDF/) as unknown,
      thumb: 'none',
    });
    // 2 KB of 0x01 is no video: an error on it, from ffprobe (video-reader.test.ts).
    expect(await h.byName('spin.mp4')).toMatchObject({
      kind: 'video',
      format: 'mp4',
      state: 'error',
      thumb: 'none',
    });
    expect(await h.byName('logo.svg')).toMatchObject({
      kind: 'vector',
      format: 'svg',
      state: 'ok',
      thumb: 'ready',
    });
  });

  it.skipIf(!existsSync(DEBIAN_CR2))(
    `reads a camera RAW through its embedded preview (${DEBIAN_CR2} from rawtran-doc)`,
    async () => {
      const raw = await h.byName('camera.CR2');
      expect(raw).toMatchObject({
        kind: 'raw',
        format: 'cr2',
        state: 'ok',
        thumb: 'ready',
        width: 3504,
        height: 2336,
      });
      expect(raw.camera).toBe('Canon EOS 30D');
      expect(raw.capturedAt).toMatch(/^2009-07-21T/);
      const thumb = await sharp(h.engine.resolveMedia('thumb', raw.hash ?? '') ?? '').metadata();
      expect(thumb.width).toBe(320);
    },
  );
});
