// The facts of a video, document, 3D model or spin (assets.get's `facts`), for every kind
// alike: only those known are shown, and nothing for a photo (no facts).
import type { Asset, AssetDetail } from '../../../../shared/dto';
import { formatCount } from '../../format/count';
import { formatDimensions } from '../../format/media';
import {
  formatBitrate,
  formatFps,
  formatModelSize,
  formatPlayTime,
  validatorProblems,
} from '../../format/media-facts';
import { Fact } from './Fact';

const count = (n: number | null): string | null => (n === null ? null : formatCount(n));

export function MediaFacts({ asset, detail }: { asset: Asset; detail: AssetDetail | null }) {
  const facts = detail?.facts ?? null;
  if (facts === null) return null;
  const problems = validatorProblems(facts.detail.validation);
  const width = asset.displayWidth ?? asset.width;
  const height = asset.displayHeight ?? asset.height;
  return (
    <section className="preview-section" aria-label="Media facts" data-testid="media-facts">
      <h3 className="preview-heading">Media facts</h3>
      <dl className="preview-facts">
        <Fact label="Duration" testId="facts-duration">
          {facts.durationMs === null ? null : formatPlayTime(facts.durationMs)}
        </Fact>
        <Fact label="Codec" testId="facts-codec">
          {facts.codec}
        </Fact>
        <Fact label="Frame rate" testId="facts-fps">
          {facts.fps === null ? null : formatFps(facts.fps)}
        </Fact>
        <Fact label="Resolution" testId="facts-resolution">
          {width === null || height === null ? null : formatDimensions(width, height)}
        </Fact>
        <Fact label="Bit rate" testId="facts-bitrate">
          {facts.bitrate === null ? null : formatBitrate(facts.bitrate)}
        </Fact>
        <Fact label="Audio" testId="facts-audio">
          {facts.audio === null ? null : facts.audio ? 'Yes' : 'No'}
        </Fact>
        <Fact label="Rotation" testId="facts-rotation">
          {facts.rotation ? `${facts.rotation}°` : null}
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
