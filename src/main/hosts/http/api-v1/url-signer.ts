// URLs the API hands out (renditions, posters, files) are signed for the caller: a page puts
// them in <img src> and <video src>, which send no Authorization header.
import type { ApiAccess, ApiPrincipal } from './api-access';

export type UrlSigner = (path: string) => string;

/** Signed links live this many whole days past today (UTC). */
export const LINK_DAYS = 7;
const DAY_S = 86_400;

/**
 * Every link handed out on one UTC day expires at the same instant, the end of the day
 * `LINK_DAYS` ahead: the same answer all day, so a CDN or browser cache keeps hitting,
 * and each link works for 7 to 8 days.
 */
export function linkExpiry(nowMs: number): number {
  return (Math.floor(nowMs / 1000 / DAY_S) + LINK_DAYS + 1) * DAY_S;
}

/**
 * Signs for `principal` when the access can; the bare path otherwise. `notAfterS`: the
 * expiry of the signed URL that asked, which no link it hands out may outlive.
 */
export function urlSigner(
  access: ApiAccess,
  principal: ApiPrincipal,
  nowMs: number = Date.now(),
  notAfterS?: number,
): UrlSigner {
  const expires = Math.min(linkExpiry(nowMs), notAfterS ?? Number.POSITIVE_INFINITY);
  return (path) => access.sign?.(principal, path, expires) ?? path;
}

/** For callers that hand out plain paths (tests of the mapping alone). */
export const unsigned: UrlSigner = (path) => path;
