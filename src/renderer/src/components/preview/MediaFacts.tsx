// The facts of a video, document, 3D model or spin (assets.get's `facts`), for every kind
// alike: only those known are shown, and nothing for a photo (no facts). The one place a
// video's ffprobe facts show (the panel's Dimensions row has its frame size); what the
// video reader adds in `detail` (tools/ffmpeg/video-facts.ts: profile, pixelFormat,
// audioCodec, container) joins the rows it belongs to.
import type { AssetDetail } from '../../../../shared/dto';
import { formatCount } from '../../format/count';
import {
  formatBitrate,
  formatFps,
  formatModelSize,
  formatPlayTime,
  validatorProblems,
} from '../../format/media-facts';
import { Fact } from './Fact';

const count = (n: number | null): string | null => (n === null ? null : formatCount(n));

export function MediaFacts({ detail }: { detail: AssetDetail | null }) {
  const facts = detail?.facts ?? null;
  if (facts === null) return null;
  const problems = validatorProblems(facts.detail.validation);
  const text = (key: string): string | null => {
    const value = facts.detail[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const codec =
    facts.codec === null
      ? null
      : [facts.codec, text('profile'), text('pixelFormat')].filter(Boolean).join(' · ');
  const audio = facts.audio === null ? null : facts.audio ? (text('audioCodec') ?? 'Yes') : 'No';
  // ffprobe names every demuxer that reads the file: "mov,mp4,m4a,…".
  const container = text('container')?.split(',').join(', ') ?? null;
  return (
    <section className="preview-section" aria-label="Media facts" data-testid="media-facts">
      <h3 className="preview-heading">Media facts</h3>
      <dl className="preview-facts">
        <Fact label="Duration" testId="facts-duration">
          {facts.durationMs === null ? null : formatPlayTime(facts.durationMs)}
        </Fact>
        <Fact label="Codec" testId="facts-codec">
          {codec}
        </Fact>
        <Fact label="Frame rate" testId="facts-fps">
          {facts.fps === null ? null : formatFps(facts.fps)}
        </Fact>
        <Fact label="Bit rate" testId="facts-bitrate">
          {facts.bitrate === null ? null : formatBitrate(facts.bitrate)}
        </Fact>
        <Fact label="Audio" testId="facts-audio">
          {audio}
        </Fact>
        <Fact label="Rotation" testId="facts-rotation">
          {facts.rotation ? `${facts.rotation}°` : null}
        </Fact>
        <Fact label="Container" testId="facts-container">
          {container}
        </Fact>
        <Fact label="Pages" testId="facts-pages">
          {count(facts.pages)}
        </Fact>
        <Fact label="Title" testId="facts-title">
          {facts.title}
        </Fact>
        <Fact label="Author" testId="facts-author">
          {facts.author}
        </Fact>
        <Fact label="Meshes" testId="facts-meshes">
          {count(facts.meshes)}
        </Fact>
        <Fact label="Triangles" testId="facts-triangles">
          {count(facts.triangles)}
        </Fact>
        <Fact label="Materials" testId="facts-materials">
          {count(facts.materials)}
        </Fact>
        <Fact label="Textures" testId="facts-textures">
          {count(facts.textures)}
        </Fact>
        <Fact label="Real size" testId="facts-size">
          {formatModelSize(facts.detail.sizeMetres)}
        </Fact>
        <Fact label="Frames" testId="facts-frames">
          {count(facts.frames)}
        </Fact>
      </dl>
      {problems.length > 0 && (
        <ul className="facts-problems" data-testid="facts-problems" aria-label="Validator problems">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
