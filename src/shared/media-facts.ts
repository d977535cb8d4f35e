/**
 * What indexing learned about a file that is not a still photo: a video's stream, a
 * document's pages and text, a 3D model's geometry, a spin's frames. One shape for every
 * kind, so search, readiness and the API read one record; a field a kind has no use for is
 * null. Read at index from the file's content and kept with the content hash it came from.
 */
export interface MediaFacts {
  /** Video: play time in milliseconds. */
  durationMs: number | null;
  /** Video: the first video stream's codec as ffprobe names it (h264, hevc, vp9, …). */
  codec: string | null;
  /** Video: frames per second (average rate). */
  fps: number | null;
  /** Video: overall bits per second. */
  bitrate: number | null;
  /** Video: whether it carries an audio stream. */
  audio: boolean | null;
  /** Video: the rotation a player applies (0, 90, 180, 270). */
  rotation: number | null;
  /** Document: page count. */
  pages: number | null;
  /** Document or model: the title the file gives itself. */
  title: string | null;
  /** Document or model: its author (or generator, for a model). */
  author: string | null;
  /** 3D model: meshes, triangles, materials and textures. */
  meshes: number | null;
  triangles: number | null;
  materials: number | null;
  textures: number | null;
  /** Spin: number of frames. */
  frames: number | null;
  /**
   * The kind's other facts (container, audio codec, bounding box in metres, validator
   * messages, encryption, …): shown in the preview and carried by `assets --json`, not
   * searched.
   */
  detail: Record<string, unknown>;
}

/** Facts with nothing known yet: a reader fills what its kind has. */
export function emptyFacts(): MediaFacts {
  return {
    durationMs: null,
    codec: null,
    fps: null,
    bitrate: null,
    audio: null,
    rotation: null,
    pages: null,
    title: null,
    author: null,
    meshes: null,
    triangles: null,
    materials: null,
    textures: null,
    frames: null,
    detail: {},
  };
}
