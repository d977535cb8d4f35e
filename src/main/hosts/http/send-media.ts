import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { planMediaReply } from '../media/media-range';

/**
 * Sends a media file, honouring one byte range (206) so a <video> can seek. False when the
 * file cannot be read (the caller answers 404).
 */
export async function sendMedia(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Record<string, string>,
): Promise<boolean> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    size = info.size;
  } catch {
    return false;
  }
  const reply = planMediaReply(file, size, req.headers.range);
  res.writeHead(reply.status, { ...reply.headers, ...headers });
  if (reply.status === 416 || req.method === 'HEAD' || size === 0) {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file, { start: reply.start, end: reply.end });
    // Headers are sent: a read error can only cut the reply short.
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
  return true;
}
