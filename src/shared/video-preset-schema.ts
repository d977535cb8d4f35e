// The zod schema of a preset's optional `video` section (VideoRules).
import { z } from 'zod';
import { H264_PROFILES } from './video-rules';

const px = z.number().int().min(16).max(16_384);
const optPx = px.nullable().default(null);
const seconds = z.number().positive().max(86_400).nullable().default(null);
const name = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _');
const template = z
  .string()
  .min(1)
  .max(500)
  .refine((t) => !t.includes('\\'), 'use / between folders, not \\');

export const videoTranscodeSchema = z
  .object({
    profile: z.enum(H264_PROFILES).default('high'),
    maxLongSide: px,
    targetBytes: z.number().int().min(100_000).max(100_000_000_000),
    maxBitrate: z.number().int().min(100_000).max(200_000_000),
    audioBitrate: z.number().int().min(32_000).max(512_000).default(128_000),
  })
  .strict();

export const videoRulesSchema = z
  .object({
    containers: z.array(name).min(1),
    videoCodecs: z.array(name).min(1),
    audioCodecs: z.array(name).min(1),
    maxBytes: z.number().int().min(1).nullable().default(null),
    minDurationS: seconds,
    maxDurationS: seconds,
    minShortSide: optPx,
    minLongSide: optPx,
    maxLongSide: optPx,
    maxVideos: z.number().int().min(1).max(1000).nullable().default(null),
    transcode: videoTranscodeSchema.nullable().default(null),
    file: template.default('{sku}-video-{position}.{ext}'),
    source: z
      .object({
        title: z.string().max(500),
        url: z.string().max(2000).nullable().default(null),
        checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
      })
      .strict(),
    notes: z.string().max(5000).default(''),
  })
  .strict()
  .refine((v) => !v.transcode || v.maxBytes === null || v.transcode.targetBytes <= v.maxBytes, {
    message: "the transcode's size target must be within maxBytes",
  });
