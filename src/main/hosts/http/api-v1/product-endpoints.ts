// GET /products, /products/{sku}, /products/{sku}/media.
import type { ProductMedia } from '../../../../shared/api-v1/product-schemas';
import type { ProductDetail } from '../../../../shared/product-dto';
import type { Engine } from '../../../engine';
import { invoke } from '../../dispatch';
import { checkChannel } from './channel-rights';
import { mediaItem, type FrameSource, type MediaSource } from './media-item';
import type { UrlSigner } from './url-signer';
import { boardOrder, publicProduct, publicProductSummary } from './public-products';

export async function listProducts(
  engine: Engine,
  q: { offset: number; limit: number; query?: string; channel?: string },
): Promise<unknown> {
  const page = await invoke(engine.handlers, 'products.list', {
    query: q.query?.trim() ? q.query : undefined,
    channel: q.channel,
    offset: q.offset,
    limit: q.limit,
  });
  return {
    total: page.total,
    offset: q.offset,
    limit: q.limit,
    items: page.items.map(publicProductSummary),
  };
}

/** The product with exactly this SKU (SKUs are unique); the engine's not_found is a 404. */
function bySku(engine: Engine, sku: string): Promise<ProductDetail> {
  return invoke(engine.handlers, 'products.get', { sku });
}

export async function getProduct(engine: Engine, sku: string): Promise<unknown> {
  return publicProduct(await bySku(engine, sku));
}

export async function getProductMedia(
  engine: Engine,
  sku: string,
  channel: string | undefined,
  sign: UrlSigner,
): Promise<ProductMedia> {
  const product = await bySku(engine, sku);
  const links = boardOrder(product.links);
  const verdicts = channel
    ? await checkChannel(engine, [...new Set(links.map((l) => l.assetId))], channel)
    : null;
  const withheld: ProductMedia['withheld'] = [];
  const sources: MediaSource[] = [];
  for (const link of links) {
    const verdict = verdicts?.get(link.assetId);
    if (verdict?.verdict === 'block') {
      if (!withheld.some((w) => w.assetId === link.assetId))
        withheld.push({ assetId: link.assetId, reasons: verdict.reasons });
      continue;
    }
    const [asset, rights] = await Promise.all([
      invoke(engine.handlers, 'assets.get', { id: link.assetId }),
      invoke(engine.handlers, 'rights.get', { id: link.assetId }),
    ]);
    const frames = asset.spin ? await spinFrames(engine, asset.spin.id, channel) : undefined;
    sources.push({ link, asset, licences: rights.licences, ...(frames ? { frames } : {}) });
  }
  return {
    sku: product.sku,
    channel: channel ?? null,
    items: sources.map((s) => mediaItem(s, product, channel ?? null, sign)),
    withheld,
  };
}

/** A spin's indexed frames in order, less those whose rights block `channel` (as packs do). */
async function spinFrames(
  engine: Engine,
  spinId: number,
  channel: string | undefined,
): Promise<FrameSource[]> {
  const spin = await invoke(engine.handlers, 'spins.get', { id: spinId });
  const ready = spin.frameList.filter((f) => f.state === 'ok' && f.hash !== null);
  const verdicts = channel
    ? await checkChannel(
        engine,
        ready.map((f) => f.assetId),
        channel,
      )
    : null;
  return ready
    .filter((f) => verdicts?.get(f.assetId)?.verdict !== 'block')
    .map((f) => ({ assetId: f.assetId, hash: f.hash, width: f.width }));
}
