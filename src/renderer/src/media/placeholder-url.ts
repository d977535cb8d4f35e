// Paints a ThumbHash (base64, from the engine) as a data URL for <img>. Decoding costs a
// little per cell, and the grid re-renders cells often while scrolling, so results are
// kept in a small bounded cache keyed by the hash itself.
import { thumbHashToDataURL } from 'thumbhash';

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

function decode(base64: string): string | null {
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    // A ThumbHash has a 3-byte header at least; anything shorter is not one.
    if (bytes.length < 5) return null;
    return thumbHashToDataURL(bytes);
  } catch {
    return null;
  }
}
