// One rendition with real sharp: orientation, focal points, size limits, metadata policies.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Rendition } from '../../../../shared/export-dto';
import { productShot } from '../../../test-support/product-shots';
import { exifr } from '../metadata/exifr-api';
import { readRights } from './color';
import { fitQuality } from './fit-quality';
import { renderOptions } from './render-options';
import { prepareSource, renderRendition } from './render-rendition';

const base: Rendition = {
  key: '',
  width: 800,
  height: 800,
  fit: 'inside',
  crop: 'attention',
  withoutEnlargement: true,
  trim: false,
  trimThreshold: 12,
  productFill: null,
  background: '#ffffff',
  format: 'jpeg',
  quality: 85,
  progressive: true,
  maxBytes: null,
  minQuality: 40,
};

async function render(
  input: Buffer,
  r: Partial<Rendition>,
  focus: { x: number; y: number } | null = null,
  metadata: 'strip' | 'copyright' | 'all' = 'strip',
) {
  const source = await prepareSource(
    input,
    metadata === 'copyright' ? await readRights(input) : null,
  );
  return renderRendition(source, renderOptions({ ...base, ...r }, metadata, null, focus, []));
}

describe('renderRendition', () => {
  it('honours EXIF orientation', async () => {
    const landscape = await sharp({
      create: { width: 600, height: 300, channels: 3, background: '#336699' },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const out = await render(landscape, { width: 1000, height: 1000 });
    expect([out.width, out.height]).toEqual([300, 600]);
  });

  it('trims an EXIF-rotated source in its upright frame', async () => {
    // Stored 600 × 300 with orientation 6: upright it is 300 × 600, a tall dark bar on white.
    const stored = await sharp({
      create: { width: 600, height: 300, channels: 3, background: '#ffffff' },
    })
      .composite([
        {
          input: { create: { width: 400, height: 100, channels: 3, background: '#202020' } },
          left: 100,
          top: 100,
        },
      ])
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const out = await render(stored, {
      width: 1000,
      height: 1000,
      fit: 'inside',
      trim: true,
      format: 'png',
    });
    // The bar is 100 wide and 400 high upright (give or take the probe's margin).
    expect(out.height).toBeGreaterThan(out.width * 2.5);
    expect(out.width).toBeLessThan(140);
  });

  it('crops around the focal point', async () => {
    // Left half red, right half blue; a square cover crop of the left edge is red.
    const halves = await sharp({
      create: { width: 800, height: 400, channels: 3, background: '#0000ff' },
    })
      .composite([
        {
          input: { create: { width: 400, height: 400, channels: 3, background: '#ff0000' } },
          left: 0,
          top: 0,
        },
      ])
      .png()
      .toBuffer();
    const left = await render(
      halves,
      { width: 200, height: 200, fit: 'cover', format: 'png' },
      { x: 0, y: 0.5 },
    );
    const right = await render(
      halves,
      { width: 200, height: 200, fit: 'cover', format: 'png' },
      { x: 1, y: 0.5 },
    );
    const mean = async (data: Buffer) =>
      (await sharp(data).stats()).channels.map((c) => Math.round(c.mean));
    expect((await mean(left.data)).slice(0, 3)).toEqual([255, 0, 0]);
    expect((await mean(right.data)).slice(0, 3)).toEqual([0, 0, 255]);
  });

  it('meets a size limit by searching the quality, in few encodes', async () => {
    const shot = await productShot('white', 3, { width: 1600, height: 1200 });
    const free = await render(shot.data, { width: 1600, height: 1600, quality: 95 });
    const limit = Math.round(free.data.length * 0.5);
    const capped = await render(shot.data, {
      width: 1600,
      height: 1600,
      quality: 95,
      maxBytes: limit,
    });
    expect(capped.data.length).toBeLessThanOrEqual(limit);
    expect(capped.quality).toBeLessThan(95);
    expect(capped.encodes).toBeLessThanOrEqual(8);
  });

  it('binary search finds the highest quality that fits', async () => {
    const sizes = (q: number) => Promise.resolve(Buffer.alloc(q * 100));
    const r = await fitQuality(sizes, 90, 10, 5_050, null);
    expect(r.quality).toBe(50);
    expect(r.encodes).toBeLessThanOrEqual(8);
  });

  it('keeps creator, copyright and the IPTC digital source type, or strips them', async () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" Iptc4xmpExt:DigitalSourceType="http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"/></rdf:RDF></x:xmpmeta>`;
    const input = await sharp({
      create: { width: 400, height: 300, channels: 3, background: '#808080' },
    })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'ACME Ltd', Artist: 'Jo Maker', Make: 'Cam' } })
      .withXmp(xmp)
      .toBuffer();
    const kept = await render(input, {}, null, 'copyright');
    const meta = (await exifr.parse(kept.data, {
      xmp: true,
      mergeOutput: false,
    })) as Record<string, Record<string, unknown>>;
    expect(meta.ifd0?.Copyright).toBe('ACME Ltd');
    expect(meta.ifd0?.Artist).toBe('Jo Maker');
    expect(meta.ifd0?.Make).toBeUndefined();
    expect(JSON.stringify(meta)).toMatch(/trainedAlgorithmicMedia/);
    const stripped = await render(input, {}, null, 'strip');
    const none = (await exifr.parse(stripped.data, { xmp: true })) as
      Record<string, unknown> | undefined;
    expect(none?.Copyright).toBeUndefined();
    expect(JSON.stringify(none ?? {})).not.toMatch(/trainedAlgorithmicMedia/);
    const all = await render(input, {}, null, 'all');
    const everything = (await exifr.parse(all.data)) as Record<string, unknown>;
    expect(everything.Make).toBe('Cam');
    // Every policy embeds the sRGB profile.
    for (const r of [kept, stripped, all])
      expect((await sharp(r.data).metadata()).hasProfile).toBe(true);
  });
});
