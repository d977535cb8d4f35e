// An XMP rating as stars.

/** -1 rejected, 0 unrated, 1–5 stars. */
export function formatRating(rating: number): string {
  if (rating < 0) return 'Rejected';
  const stars = Math.min(5, Math.round(rating));
  if (stars === 0) return 'Unrated';
  return `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}`;
}
