// The size a rendition will have, without decoding: pre-flight checks it against the
// channel's rules. Mirrors render-rendition's arithmetic (trimming is estimated as none).
import type { RenderOptions } from './render-options';

export function plannedSize(
  src: { width: number; height: number },
  o: Pick<
    RenderOptions,
    'width' | 'height' | 'fit' | 'withoutEnlargement' | 'trim' | 'productFill'
  >,
): { width: number; height: number } {
  const { width: w, height: h } = src;
  if (o.width === null && o.height === null) return src;
  if (o.fit === 'inside' || o.width === null || o.height === null) {
    let s = Math.min(
      o.width !== null ? o.width / w : Infinity,
      o.height !== null ? o.height / h : Infinity,
    );
    if (o.withoutEnlargement) s = Math.min(1, s);
    return { width: Math.max(1, Math.round(w * s)), height: Math.max(1, Math.round(h * s)) };
  }
  const scale =
    o.fit === 'cover' ? Math.max(o.width / w, o.height / h) : Math.min(o.width / w, o.height / h);
  const k = o.withoutEnlargement && scale > 1 ? 1 / scale : 1;
  return {
    width: Math.max(1, Math.round(o.width * k)),
    height: Math.max(1, Math.round(o.height * k)),
  };
}
