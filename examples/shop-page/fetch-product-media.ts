// A shop page's data from Packshot's headless API: the main image (src, srcset, alt) and the
// gallery of one product, typed by the types generated from the API's OpenAPI document.
// Any front end can do the same with fetch; nothing here is Packshot's own code.
import type { components, operations } from '../../src/shared/api-v1/generated/openapi-types';

type MediaItem = components['schemas']['MediaItem'];
type ProductMedia = operations['getProductMedia']['responses'][200]['content']['application/json'];
type ApiError = components['schemas']['Error'];

export interface ShopImage {
  src: string;
  srcset: string;
  alt: string;
  width: number | null;
  height: number | null;
  /** ThumbHash (base64) to paint while the image loads. */
  placeholder: string | null;
  credit: string | null;
}

export interface ShopPageMedia {
  main: ShopImage | null;
  gallery: ShopImage[];
  /** Files the channel may not show, and why (nothing to render). */
  withheld: ProductMedia['withheld'];
}

export interface ApiOptions {
  /** Where Packshot serves, e.g. http://127.0.0.1:5173 */
  baseUrl: string;
  /** An API key (or the session token) sent as Authorization: Bearer. */
  key: string;
  /** The channel the page sells on: its rights decide what is shown. */
  channel?: string;
}

/** URLs in answers are paths on the API's origin: a page on another origin needs them whole. */
function image(item: MediaItem, baseUrl: string): ShopImage | null {
  if (item.src === null || item.srcset === null) return null;
  const absolute = (path: string): string => new URL(path, baseUrl).href;
  return {
    src: absolute(item.src),
    srcset: item.srcset
      .split(', ')
      .map((entry) => {
        const [url = '', width = ''] = entry.split(' ');
        return `${absolute(url)} ${width}`;
      })
      .join(', '),
    alt: item.alt,
    width: item.width,
    height: item.height,
    placeholder: item.placeholder,
    credit: item.credit,
  };
}

export async function fetchProductMedia(sku: string, options: ApiOptions): Promise<ShopPageMedia> {
  const url = new URL(`/api/v1/products/${encodeURIComponent(sku)}/media`, options.baseUrl);
  if (options.channel) url.searchParams.set('channel', options.channel);
  const res = await fetch(url, { headers: { authorization: `Bearer ${options.key}` } });
  if (!res.ok) {
    const { error } = (await res.json()) as ApiError;
    throw new Error(`${res.status} ${error.code}: ${error.message}`);
  }
  const media = (await res.json()) as ProductMedia;
  const main = media.items.find((m) => m.role === 'main');
  const gallery = media.items.filter((m) => m.role === 'gallery');
  return {
    main: main ? image(main, options.baseUrl) : null,
    gallery: gallery.flatMap((m) => image(m, options.baseUrl) ?? []),
    withheld: media.withheld,
  };
}
