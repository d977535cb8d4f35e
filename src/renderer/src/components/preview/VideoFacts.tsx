// A video's facts in the preview (from ffprobe at index): play time, codec, frame rate,
// bitrate, audio, rotation, container. Nothing for other kinds or a video not read.
import type { MediaFacts } from '../../../../shared/media-facts';
import { formatPlayTime } from '../../format/duration';
import { Fact } from './Fact';

export function VideoFacts({ facts }: { facts: MediaFacts | null | undefined }) {
  if (!facts || facts.codec === null) return null;
  const text = (key: string): string | null => {
    const value = facts.detail[key];
    return typeof value === 'string' ? value : null;
  };
  const audio = facts.audio === null ? null : facts.audio ? (text('audioCodec') ?? 'Yes') : 'None';
  return (
    <>
      <Fact label="Duration" testId="preview-duration">
        {facts.durationMs === null ? null : formatPlayTime(facts.durationMs)}
      </Fact>
      <Fact label="Video" testId="preview-codec">
        {[facts.codec, text('profile'), text('pixelFormat')].filter(Boolean).join(' · ')}
      </Fact>
      <Fact label="Frame rate" testId="preview-fps">
        {facts.fps === null ? null : `${facts.fps} fps`}
      </Fact>
      <Fact label="Bitrate" testId="preview-bitrate">
        {facts.bitrate === null ? null : `${(facts.bitrate / 1e6).toFixed(1)} Mbit/s`}
      </Fact>
      <Fact label="Audio" testId="preview-audio">
        {audio}
      </Fact>
      <Fact label="Rotation" testId="preview-rotation">
        {facts.rotation ? `${facts.rotation}°` : null}
      </Fact>
      <Fact label="Container" testId="preview-container">
        {text('container')}
      </Fact>
    </>
  );
}
