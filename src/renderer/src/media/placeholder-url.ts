// Paints a ThumbHash (base64, from the engine) as a data URL for <img>. Decoding costs a
// little per cell, and the grid re-renders cells often while scrolling, so results are
// kept in a small bounded cache keyed by the hash itself. Its average colour is read from
// the hash's header alone (no pixels, no PNG): what a cell paints before the picture.
import { thumbHashToAverageRGBA, thumbHashToDataURL } from 'thumbhash';

const MAX_CACHED = 2000;
const cache = new Map<string, string | null>();

/** The decoded placeholder if it is cached; undefined when it would need decoding. */
export function cachedPlaceholderUrl(placeholder: string): string | null | undefined {
  return cache.get(placeholder);
}

/** null when there is no placeholder or it cannot be decoded. */
export function placeholderUrl(placeholder: string | null): string | null {
  if (placeholder === null || placeholder === '') return null;
  const hit = cache.get(placeholder);
  if (hit !== undefined) return hit;
  const url = decode(placeholder);
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(placeholder, url);
  return url;
}

/** The placeholder's average colour as CSS `rgb(…)`; null when there is none or it is not one. */
export function placeholderAverage(placeholder: string | null): string | null {
  const bytes = placeholder === null ? null : hashBytes(placeholder);
  if (bytes === null) return null;
  try {
    const { r, g, b } = thumbHashToAverageRGBA(bytes);
    const byte = (v: number): number => Math.round(Math.min(1, Math.max(0, v)) * 255);
    return `rgb(${byte(r)}, ${byte(g)}, ${byte(b)})`;
  } catch {
    return null;
  }
}

function hashBytes(base64: string): Uint8Array | null {
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    // A ThumbHash has a 3-byte header at least; anything shorter is not one.
    return bytes.length < 5 ? null : bytes;
  } catch {
    return null;
  }
}

function decode(base64: string): string | null {
  const bytes = hashBytes(base64);
  if (bytes === null) return null;
  try {
    return thumbHashToDataURL(bytes);
  } catch {
    return null;
  }
}
