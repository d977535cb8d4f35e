// Caching for /api/v1/: ETags, conditional requests, and how long an immutable answer lives.
import { createHash } from 'node:crypto';

/** Whether an If-None-Match header names `etag` (weak comparison, as GET asks; `*` is any). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** A strong ETag for a JSON body: the same bytes, the same tag. */
export function bodyEtag(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}

const YEAR_S = 31_536_000;

/**
 * Immutable for a year, or only until the licence's last day ends (UTC): a CDN or browser
 * must not keep showing a picture past the day its licence allows.
 */
export function immutableUntil(until: string | null, nowMs: number = Date.now()): string {
  const end = until === null ? Infinity : Date.parse(`${until}T00:00:00Z`) + 86_400_000;
  const seconds = Math.max(0, Math.min(YEAR_S, Math.floor((end - nowMs) / 1000)));
  return `public, max-age=${seconds}, immutable`;
}
