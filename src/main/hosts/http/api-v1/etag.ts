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
