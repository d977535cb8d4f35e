import type { MediaFacts } from '../../../../shared/media-facts';

/** What reading one 3D model found: the worker's answer. */
export interface ModelAnalysis {
  format: string;
  facts: MediaFacts | null;
  error: string | null;
  notice: string | null;
  /** The render, RGBA at RENDER_SIZE × SUPERSAMPLE; null when nothing could be drawn. */
  pixels: { data: Uint8Array; width: number; height: number } | null;
}

/** The thumbnail's side in pixels; drawn SUPERSAMPLE times larger and scaled down (smooth edges). */
export const RENDER_SIZE = 512;
export const SUPERSAMPLE = 2;
