// GET /assets/{id}/media/{poster|file}: what stands for a video, model or document, and the
// file itself, for front ends holding an API key (the app's /media/ takes the session only).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../../../engine';
import { invoke } from '../../dispatch';
import { sendMedia } from '../send-media';
import { ApiFailure, requireAllowed } from './channel-rights';
import { bodyEtag, etagMatches, immutableUntil } from './http-caching';
import { contentVersionOf } from './media-types';
import { licenceEnd } from '../../../../shared/media-text';

/** Types the media-file table does not know by extension (it sends octet-stream). */
const FILE_TYPES: Partial<Record<string, string>> = {
  model: 'model/gltf-binary',
  document: 'application/pdf',
};

export async function serveAssetMedia(
  req: IncomingMessage,
  res: ServerResponse,
  engine: Engine,
  p: { id: number; which: 'poster' | 'file' },
  q: { channel?: string; v?: string },
): Promise<void> {
  const asset = await invoke(engine.handlers, 'assets.get', { id: p.id });
  await requireAllowed(engine, p.id, q.channel);
  const hash = asset.hash;
  let file: string | null = null;
  if (hash && p.which === 'poster') {
    file = (await engine.mediaFile('preview', hash)) ?? (await engine.mediaFile('thumb', hash));
  } else if (hash && asset.kind === 'video') {
    file = await engine.mediaFile('video', hash);
  } else if (hash && asset.kind === 'model') {
    file = await engine.mediaFile('model', hash);
  } else if (hash && asset.kind === 'document' && asset.state === 'ok') {
    file = asset.path;
  }
  const version = contentVersionOf(hash);
  // Keyed by content when the URL names it (for as long as its licences allow, as
  // renditions); else revalidated (the file may change).
  const caching =
    q.v !== undefined && q.v === version
      ? immutableUntil(
          licenceEnd((await invoke(engine.handlers, 'rights.get', { id: p.id })).licences),
        )
      : 'no-cache';
  const headers: Record<string, string> = { 'cache-control': caching };
  // The file route sends what the media item says it is (the served GLB for any model).
  const type = FILE_TYPES[asset.kind];
  if (p.which === 'file' && type) headers['content-type'] = type;
  if (version && file) {
    // The poster is the preview once made, the thumbnail before: the tag names which.
    headers.etag = bodyEtag(`${p.which}:${version}:${file}`);
    if (etagMatches(req.headers['if-none-match'], headers.etag)) {
      res.writeHead(304, headers);
      return void res.end();
    }
  }
  if (file && (await sendMedia(req, res, file, headers))) return;
  throw new ApiFailure(404, 'not_found', `Asset ${p.id} has no ${p.which} to serve`);
}
