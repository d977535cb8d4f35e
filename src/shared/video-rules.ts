// A channel's rules for product video and how Packshot transcodes a video that breaks them.
// Part of a preset (PresetBody.video); the zod schema is in video-preset-schema.ts.

/** H.264 profile of a transcode: High where the channel's players all decode it, else Main. */
export const H264_PROFILES = ['high', 'main'] as const;
export type H264Profile = (typeof H264_PROFILES)[number];

/** A video that breaks the rules is made into this: H.264 + AAC in MP4, +faststart. */
export interface VideoTranscode {
  profile: H264Profile;
  /** The output's longest side in pixels; a smaller source is never scaled up. */
  maxLongSide: number;
  /** The output's size target in bytes: the video bitrate is set from the duration. */
  targetBytes: number;
  /** Ceiling on the video bitrate (bits/s), so a short clip is not blown up to the target. */
  maxBitrate: number;
  /** AAC bitrate (bits/s). */
  audioBitrate: number;
}

export interface VideoRules {
  /** Accepted containers, as file extensions (mp4, mov, webm, m4v). */
  containers: string[];
  /** Accepted video codecs, as ffprobe names them (h264, hevc, vp9, av1). */
  videoCodecs: string[];
  /** Accepted audio codecs, as ffprobe names them (aac, mp3, opus). A silent video passes. */
  audioCodecs: string[];
  /** The largest file the channel takes. */
  maxBytes: number | null;
  /** Play time the channel takes, in seconds: a video outside it cannot be fixed by export. */
  minDurationS: number | null;
  maxDurationS: number | null;
  /** Resolution as shown (after rotation), orientation-free: a portrait 720 × 1280 is 720p. */
  minShortSide: number | null;
  minLongSide: number | null;
  maxLongSide: number | null;
  /** Videos a product may carry on this channel; the rest are left out with a warning. */
  maxVideos: number | null;
  /** How a video that breaks a rule export can fix is transcoded; null: it is not exported. */
  transcode: VideoTranscode | null;
  /** The video's file name in the preset's folder ({ext}: mp4, or the copied file's own);
   *  its poster gets the same name with .jpg. */
  file: string;
  /** Where each figure comes from and when it was checked. */
  source: { title: string; url: string | null; checked: string };
  notes: string;
}
