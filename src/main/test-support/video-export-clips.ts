// For export tests that must not probe: clips' facts written into a library as indexing's
// video reader writes them (media_facts, the frame size on the asset row), and ffprobe's
// word on an export's output. The clips themselves come from sample-videos.ts.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { emptyFacts, type MediaFacts } from '../../shared/media-facts';
import { MediaFactsRepo } from '../engine/repositories/media-facts-repo';
import { ffmpegBinaries } from '../engine/tools/ffmpeg/ffmpeg-binaries';
import { runTool } from '../engine/tools/process/run-tool';

/** What ffprobe says of a file: for checking an export's output, never the engine's input. */
export async function probe(path: string): Promise<{
  format: string;
  durationS: number;
  video: { codec: string; profile: string; width: number; height: number };
  audio: { codec: string } | null;
}> {
  const bins = ffmpegBinaries();
  if (!bins) throw new Error('no ffprobe here');
  const { stdout } = await runTool(
    bins.ffprobe,
    ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', path],
    { timeoutMs: 30_000 },
  );
  type Stream = {
    codec_type: string;
    codec_name: string;
    profile?: string;
    width?: number;
    height?: number;
  };
  const out = JSON.parse(stdout.toString('utf8')) as {
    format: { format_name: string; duration: string };
    streams: Stream[];
  };
  const v = out.streams.find((s) => s.codec_type === 'video');
  const a = out.streams.find((s) => s.codec_type === 'audio');
  if (!v) throw new Error(`${path}: no video stream`);
  return {
    format: out.format.format_name,
    durationS: Number(out.format.duration),
    video: {
      codec: v.codec_name,
      profile: v.profile ?? '',
      width: v.width ?? 0,
      height: v.height ?? 0,
    },
    audio: a ? { codec: a.codec_name } : null,
  };
}

export interface ClipFacts {
  durationMs: number;
  codec: string;
  audioCodec: string | null;
  width: number;
  height: number;
}

/**
 * Writes a video's facts as the video reader does (until it is merged, the scan leaves
 * them empty): media_facts through its repository, the shown frame on the asset row.
 */
export function putVideoFacts(dataDir: string, assetId: number, f: ClipFacts): void {
  const db = new Database(join(dataDir, 'packshot.db'));
  db.pragma('busy_timeout = 5000');
  try {
    const row = db.prepare('SELECT hash FROM assets WHERE id = ?').get(assetId) as
      { hash: string | null } | undefined;
    if (!row?.hash) throw new Error(`asset ${assetId} is not indexed`);
    const facts: MediaFacts = {
      ...emptyFacts(),
      durationMs: f.durationMs,
      codec: f.codec,
      fps: 25,
      audio: f.audioCodec !== null,
      rotation: 0,
      detail: f.audioCodec ? { audioCodec: f.audioCodec } : {},
    };
    new MediaFactsRepo(db).replace(assetId, row.hash, facts, null);
    db.prepare('UPDATE assets SET width = ?, height = ? WHERE id = ?').run(
      f.width,
      f.height,
      assetId,
    );
  } finally {
    db.close();
  }
}
