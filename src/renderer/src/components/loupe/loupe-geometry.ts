// Arithmetic for zooming from fit to 1:1 at the point the user clicked, so that the detail
// under the pointer stays under the pointer.

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point, Size {}

/** Where an `object-fit: contain` image of `image` size is painted inside `box`. */
export function containRect(box: Size, image: Size): Rect {
  if (image.width <= 0 || image.height <= 0) return { x: 0, y: 0, width: 0, height: 0 };
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  return { x: (box.width - width) / 2, y: (box.height - height) / 2, width, height };
}

/** Where `point` (box coordinates) falls on the painted image, 0–1 on each axis. */
export function fractionOn(point: Point, painted: Rect): Point {
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  if (painted.width <= 0 || painted.height <= 0) return { x: 0.5, y: 0.5 };
  return {
    x: clamp((point.x - painted.x) / painted.width),
    y: clamp((point.y - painted.y) / painted.height),
  };
}

/**
 * The scroll position that puts image fraction `at` under viewport point `under`, with the
 * image shown at `shown` size. Without a point, the image's centre goes to the centre.
 * Clamped to what can scroll; an image smaller than the viewport is centred by CSS and
 * needs no scroll.
 */
export function scrollToKeep(
  shown: Size,
  viewport: Size,
  focus: { at: Point; under: Point } | null,
): { left: number; top: number } {
  const at = focus?.at ?? { x: 0.5, y: 0.5 };
  const under = focus?.under ?? { x: viewport.width / 2, y: viewport.height / 2 };
  const clamp = (v: number, max: number): number => Math.round(Math.min(Math.max(v, 0), max));
  return {
    left: clamp(at.x * shown.width - under.x, Math.max(0, shown.width - viewport.width)),
    top: clamp(at.y * shown.height - under.y, Math.max(0, shown.height - viewport.height)),
  };
}

/** 1:1 means one image pixel per device pixel: CSS size is the natural size over the DPR. */
export function actualSize(natural: Size, devicePixelRatio: number): Size {
  const dpr = devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1;
  return { width: natural.width / dpr, height: natural.height / dpr };
}
