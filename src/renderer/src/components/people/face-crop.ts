// Where a face sits in its image's thumbnail, as a square crop with some room around it.
// The crop is drawn by CSS: the thumbnail scaled so the crop is the frame's width and
// shifted by translate() (whose percents are of the image itself), from three custom
// properties the frame sets. No canvas, no new image.
import type { AiBox } from '../../../../shared/ai-dto';

export interface FaceCrop {
  /** The crop's left and top edges, as fractions of the image's width and height. */
  x: number;
  y: number;
  /** The crop's width as a fraction of the image's width (its height is as many pixels). */
  w: number;
}

/** Room around the face on each side, as a share of its larger side. */
const MARGIN = 0.3;

/**
 * `box` in fractions of the image as shown; `aspect` its width over its height. The crop
 * is square in pixels, centred on the face; near an edge it reaches past the image (the
 * frame's background shows) rather than moving the face off centre.
 */
export function faceCrop(box: AiBox, aspect: number): FaceCrop {
  const ratio = Number.isFinite(aspect) && aspect > 0 ? aspect : 1;
  // Sides in units of the image's height.
  const side = Math.max(box.w * ratio, box.h) * (1 + 2 * MARGIN);
  const w = side / ratio;
  return { x: box.x + box.w / 2 - w / 2, y: box.y + box.h / 2 - side / 2, w };
}
