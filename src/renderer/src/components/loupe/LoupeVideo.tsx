// The loupe of a video: a player over its poster, served by the host with byte ranges so
// it seeks. The loupe's keys stay as they are (arrows move through the list, 0–5 and P/X
// cull, Space closes); K plays and pauses, as in most players.
import { useState } from 'react';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { formatPlayTime } from '../../format/media-facts';

export function LoupeVideo({
  asset,
  hash,
  index,
  total,
}: {
  asset: Asset;
  hash: string;
  index: number | null;
  total: number;
}) {
  const { client } = useServices();
  const [failed, setFailed] = useState(false);
  const poster = asset.thumb === 'ready' ? client.thumbUrl(hash) : undefined;
  return (
    <>
      <div className="loupe-stage loupe-video-stage">
        <video
          key={hash}
          className="loupe-video"
          data-testid="loupe-video"
          src={client.videoUrl(hash)}
          poster={poster}
          controls
          preload="metadata"
          // The loupe keeps the keyboard: a click on the player must not take it away.
          tabIndex={-1}
          onError={() => setFailed(true)}
        />
      </div>
      <header className="loupe-bar">
        <span className="loupe-name" title={asset.relPath}>
          {asset.name}
        </span>
        {index !== null && (
          <span className="loupe-position">
            {formatCount(index + 1)} / {formatCount(total)}
          </span>
        )}
        {asset.durationMs !== undefined && (
          <span className="loupe-zoom">{formatPlayTime(asset.durationMs)}</span>
        )}
        <span className="loupe-zoom" title="K plays and pauses">
          K play/pause
        </span>
      </header>
      {(failed || asset.notice !== null) && (
        <footer className="loupe-note" data-testid="loupe-reason" role="status">
          {failed
            ? `This video does not play here (${asset.format ?? 'unknown format'}); export can convert it to MP4.`
            : asset.notice}
        </footer>
      )}
    </>
  );
}

/** Plays or pauses the loupe's video, if it shows one. */
export function togglePlay(root: HTMLElement | null): boolean {
  const video = root?.querySelector<HTMLVideoElement>('video.loupe-video');
  if (!video) return false;
  if (video.paused) void video.play().catch(() => undefined);
  else video.pause();
  return true;
}
