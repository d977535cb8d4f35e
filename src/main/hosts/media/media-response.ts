import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { planMediaReply } from './media-range';

/**
 * A media file as a fetch Response (Electron's protocol handler), honouring one byte range
 * as the HTTP bridge does: Chromium's <video> seeks with Range requests on custom schemes
 * too, and `net.fetch` of a file: URL answers them with the whole file.
 */
export async function mediaResponse(
  file: string,
  range: string | null,
  headers: Record<string, string>,
): Promise<Response> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return new Response('Not found', { status: 404 });
    size = info.size;
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const reply = planMediaReply(file, size, range);
  const all = { ...reply.headers, ...headers };
  if (reply.status === 416 || size === 0)
    return new Response(null, { status: reply.status, headers: all });
  const stream = createReadStream(file, { start: reply.start, end: reply.end });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
    status: reply.status,
    headers: all,
  });
}
