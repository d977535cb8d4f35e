// Review of the static headless pack against the rest of issue #17: a photo published once
// and blocked by rights later leaves the pack's media (as it leaves a channel pack), and the
// alt text is the API's for the same link (position within its role, not the pack's number).
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportSummary } from '../../../../shared/export-dto';
import {
  headlessProductSchema,
  type HeadlessProduct,
} from '../../../../shared/headless-pack-schema';
import { altText } from '../../../../shared/media-text';
import { startHarness, type Harness } from '../../../test-support/engine-harness';
import { makeImage, tempDir } from '../../../test-support/sample-images';
import { seedProducts } from '../../../test-support/seed-products';

let h: Harness;
let catalog: string;
let out: string;
const ids: Record<string, number> = {};
const LICENCE = { name: 'Agency', type: 'royalty-free' as const, creditLine: 'Photo: Agency' };
let licence = 0;

const run = async (): Promise<ExportSummary> => {
  const job = await h.call('exports.start', { channels: ['headless'], out });
  return h.call('exports.wait', { jobId: job.jobId });
};
const product = async (): Promise<HeadlessProduct> =>
  headlessProductSchema.parse(
    JSON.parse(await readFile(join(out, 'products', 'REV-1.json'), 'utf8')),
  );
const files = (i: HeadlessProduct['images'][number]): string[] =>
  [i.srcset, ...i.sources.map((s) => s.srcset)].flatMap((s) =>
    s.split(', ').map((part) => part.split(' ')[0]!),
  );
const exists = (url: string): Promise<boolean> =>
  stat(join(out, url)).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  h = await startHarness();
  catalog = await tempDir('headless-review-src');
  out = await tempDir('headless-review-out');
  for (const [n, name] of ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'].entries())
    await writeFile(join(catalog, name), await makeImage(400, 300, 'jpeg', 40 + n));
  await h.call('catalogs.add', { path: catalog });
  await h.call('jobs.wait', {});
  for (const a of await h.all()) ids[a.name] = a.id;
  seedProducts(h.dataDir, [
    {
      sku: 'REV-1',
      name: 'Shirt',
      links: [
        { assetId: ids['a.jpg']!, role: 'main' },
        { assetId: ids['b.jpg']!, role: 'gallery' },
        { assetId: ids['c.jpg']!, role: 'gallery' },
      ],
    },
  ]);
  ({ id: licence } = await h.call('licences.create', LICENCE));
  await h.call('licences.attach', { licenceId: licence, assetIds: [ids['c.jpg']!] });
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(catalog, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('static headless pack (review)', () => {
  it('gives each image the alt text the API gives the same link', async () => {
    expect(await run()).toMatchObject({ state: 'done', failed: 0 });
    const p = await product();
    const [listed] = (await h.call('products.list', {})).items;
    const { links } = await h.call('products.get', { id: listed!.id });
    // The API: altText(asset, name, sku, link.role, link.position), position within the role.
    const api = links.map((l) => altText({}, 'Shirt', 'REV-1', l.role, l.position));
    expect(p.images.map((i) => i.alt)).toEqual(api);
    expect(api).toEqual(['Shirt, main image', 'Shirt, image', 'Shirt, image 2']);
  });

  it('removes a published photo from media/ once rights block it', async () => {
    const before = (await product()).images[2]!;
    for (const url of files(before)) expect(await exists(url)).toBe(true);
    // The licence's terms narrow to another channel: nothing in the render key changes.
    await h.call('licences.update', { ...LICENCE, id: licence, channels: ['amazon'] });
    const blocked = await run();
    expect(blocked.errors.some((e) => e.reason.startsWith('blocked'))).toBe(true);
    const p = await product();
    expect(p.withheld).toEqual([{ role: 'gallery', position: 3, reason: 'rights' }]);
    // The blocked photo's files are not left in the public folder under their old names.
    for (const url of files(before)) expect(await exists(url), url).toBe(false);
    for (const url of p.images.flatMap(files)) expect(await exists(url), url).toBe(true);
  });

  it('never points at a media file that is gone when its render fails', async () => {
    const side = (await product()).images[1]!;
    await rm(join(out, side.src)); // a sync tool or a hand removed it
    await rm(join(catalog, 'b.jpg')); // and its source is gone too (not rescanned)
    const again = await run();
    expect(again.failed).toBeGreaterThan(0);
    const p = await product();
    for (const url of p.images.flatMap(files)) expect(await exists(url), url).toBe(true);
  });

  it("a scoped run keeps other products' media when the base URL's path ends in media/", async () => {
    const site = await tempDir('headless-review-cdn');
    seedProducts(h.dataDir, [{ sku: 'REV-2', links: [{ assetId: ids['d.jpg']!, role: 'main' }] }]);
    const baseUrl = 'https://cdn.example.com/shop-media/';
    const exportTo = async (query?: string) => {
      const job = await h.call('exports.start', {
        channels: ['headless'],
        out: site,
        baseUrl,
        ...(query ? { query } : {}),
      });
      return h.call('exports.wait', { jobId: job.jobId });
    };
    await exportTo();
    const json = headlessProductSchema.parse(
      JSON.parse(await readFile(join(site, 'products', 'REV-2.json'), 'utf8')),
    );
    const mine = files(json.images[0]!).map((u) => u.slice(baseUrl.length));
    for (const f of mine) await expect(stat(join(site, f))).resolves.toBeTruthy();
    await exportTo('sku:REV-1');
    for (const f of mine) await expect(stat(join(site, f)), f).resolves.toBeTruthy();
    await rm(site, { recursive: true, force: true });
  });

  it('keeps the media a product file the user edited points at, run after run', async () => {
    await run(); // REV-2 (seeded above) is published here too
    const file = join(out, 'products', 'REV-2.json');
    const json = headlessProductSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    const named = files(json.images[0]!);
    await writeFile(file, JSON.stringify({ ...json, name: 'Edited by hand' }));
    const [gone] = (await h.call('products.list', { query: 'sku:REV-2' })).items;
    await h.call('products.delete', { id: gone!.id });
    for (const pass of [1, 2]) {
      await run();
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ name: 'Edited by hand' });
      for (const url of named) expect(await exists(url), `run ${pass}: ${url}`).toBe(true);
    }
  });
});
