// ffprobe's JSON → facts: the rules that no sample file here exercises.
import { describe, expect, it } from 'vitest';
import { videoFactsFrom } from './video-facts';

const stream = (extra: Record<string, unknown> = {}) => ({
  codec_type: 'video',
  codec_name: 'hevc',
  width: 1920,
  height: 1080,
  avg_frame_rate: '30000/1001',
  ...extra,
});

describe('videoFactsFrom', () => {
  it('turns the display matrix (counter-clockwise) into a player turn and swaps the size', () => {
    const probe = videoFactsFrom({ streams: [stream({ side_data_list: [{ rotation: -90 }] })] });
    expect(probe.facts.rotation).toBe(90);
    expect({ w: probe.width, h: probe.height }).toEqual({ w: 1080, h: 1920 });
    expect(
      videoFactsFrom({ streams: [stream({ side_data_list: [{ rotation: 180 }] })] }).facts.rotation,
    ).toBe(180);
  });

  it('reads the old rotate tag (clockwise) when there is no matrix', () => {
    const probe = videoFactsFrom({ streams: [stream({ tags: { rotate: '270' } })] });
    expect(probe.facts.rotation).toBe(270);
    expect(probe.width).toBe(1080);
  });

  it('rounds fractional rates, skips a cover picture, and knows when there is no audio', () => {
    const cover = {
      codec_type: 'video',
      codec_name: 'mjpeg',
      width: 600,
      height: 600,
      disposition: { attached_pic: 1 },
    };
    const probe = videoFactsFrom({
      streams: [cover, stream()],
      format: { format_name: 'mov,mp4', duration: '12.3456' },
    });
    expect(probe.facts).toMatchObject({
      codec: 'hevc',
      fps: 29.97,
      audio: false,
      durationMs: 12346,
    });
    expect(probe.format).toBe('mov');
    expect(probe.width).toBe(1920);
  });

  it('leaves out a clockless camera date (1904, the QuickTime epoch)', () => {
    const at = (creation_time: string) =>
      videoFactsFrom({ streams: [stream()], format: { tags: { creation_time } } }).capturedAt;
    expect(at('1904-01-01T00:00:00.000000Z')).toBeNull();
    expect(at('2021-06-01T08:00:00.000000Z')).toBe('2021-06-01T08:00:00.000Z');
  });

  it('has no codec when there is no video stream (the reader refuses it)', () => {
    expect(
      videoFactsFrom({ streams: [{ codec_type: 'audio', codec_name: 'aac' }] }).facts.codec,
    ).toBeNull();
  });
});
