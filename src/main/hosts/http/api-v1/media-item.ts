// One linked file of a product → the public media item: words (alt, credit), size,
// placeholder and the URLs a front end needs for its kind.
import type { MediaItem } from '../../../../shared/api-v1/product-schemas';
import type { AssetDetail } from '../../../../shared/dto';
import { altText, creditLine, licenceEnd } from '../../../../shared/media-text';
import type { ProductLink } from '../../../../shared/product-dto';
import type { Licence } from '../../../../shared/rights-dto';
import { contentVersionOf, mimeOf } from './media-types';
import { publicAssetSummary } from './public-assets';
import { unsigned, type UrlSigner } from './url-signer';

/** srcset widths, kept to those the file can fill; the default `src` width. */
export const SRCSET_WIDTHS = [320, 640, 960, 1280, 1920, 2560] as const;
export const SRC_WIDTH = 1280;
const STILLS = new Set(['image', 'raw', 'vector', 'spin']);

function query(version: string | null, channel: string | null): string {
  const params = new URLSearchParams();
  if (version) params.set('v', version);
  if (channel) params.set('channel', channel);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `/api/v1/render/{id}/w_{w},c_fit,f_auto.jpg?v=…`: the renditions route, fitted to a width. */
export function renderUrl(
  assetId: number,
  width: number,
  version: string | null,
  channel: string | null,
): string {
  return `/api/v1/render/${assetId}/w_${width},c_fit,f_auto.jpg${query(version, channel)}`;
}

function widthsFor(width: number | null): number[] {
  if (width === null) return [...SRCSET_WIDTHS];
  const fit = SRCSET_WIDTHS.filter((w) => w < width);
  return [...fit, Math.min(width, SRCSET_WIDTHS.at(-1) ?? width)];
}

/** A spin's frame as the item needs it: which asset, its content and width. */
export interface FrameSource {
  assetId: number;
  hash: string | null;
  width: number | null;
}

export interface MediaSource {
  link: ProductLink;
  asset: AssetDetail;
  licences: readonly Licence[];
  /** A spin's frames in order (those the channel allows); absent for other kinds. */
  frames?: readonly FrameSource[];
}

export function mediaItem(
  { link, asset, licences, frames }: MediaSource,
  product: { name: string; sku: string },
  channel: string | null,
  sign: UrlSigner = unsigned,
): MediaItem {
  const summary = publicAssetSummary(asset);
  const version = contentVersionOf(asset.hash);
  const still = STILLS.has(asset.kind);
  const widths = still ? widthsFor(summary.width) : [];
  const media = (which: 'poster' | 'file'): string =>
    sign(`/api/v1/assets/${asset.id}/media/${which}${query(version, channel)}`);
  const hasFile = asset.kind === 'video' || asset.kind === 'model' || asset.kind === 'document';
  return {
    assetId: asset.id,
    kind: asset.kind,
    role: link.role,
    position: link.position,
    alt: altText(
      { description: asset.metadata?.description, title: asset.metadata?.title },
      product.name,
      product.sku,
      link.role,
      link.position,
    ),
    credit: creditLine(licences),
    licenceEnd: licenceEnd(licences),
    width: summary.width,
    height: summary.height,
    placeholder: asset.placeholder,
    contentVersion: version,
    mime: mimeOf(asset.name, asset.format, asset.kind),
    src: still
      ? sign(renderUrl(asset.id, Math.min(SRC_WIDTH, widths.at(-1) ?? SRC_WIDTH), version, channel))
      : null,
    srcset: still
      ? widths.map((w) => `${sign(renderUrl(asset.id, w, version, channel))} ${w}w`).join(', ')
      : null,
    poster: hasFile ? media('poster') : null,
    file: hasFile ? media('file') : null,
    frames:
      asset.kind === 'spin' && frames
        ? frames.map((f) =>
            sign(
              renderUrl(
                f.assetId,
                Math.min(SRC_WIDTH, f.width ?? SRC_WIDTH),
                contentVersionOf(f.hash),
                channel,
              ),
            ),
          )
        : null,
  };
}
