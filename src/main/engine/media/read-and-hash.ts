import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { hashOffThread } from './hash-workers';

/** Files up to this size are kept in memory so they are read from disk only once. */
const BUFFER_LIMIT = 256 * 1024 * 1024;
/** Above this, files Packshot does not decode (video, 3D, other) are hashed by samples. */
/** Files up to this size are hashed whole; larger ones are sampled. */
export const SAMPLE_ABOVE = 256 * 1024 * 1024;
const SAMPLE_BYTES = 4 * 1024 * 1024;

export interface ReadResult {
  hash: string;
  bytes: number;
  /** The file's bytes, or null when not kept (too large, or not wanted). */
  buffer: Buffer | null;
}

/**
 * Reads the file once. Kept in memory: read whole on the thread pool and hashed on a worker
 * thread, so the main thread does neither. Else streamed and hashed in chunks, so the event
 * loop is never held for long.
 */
export async function readAndHash(
  path: string,
  expectedBytes: number,
  keep = true,
): Promise<ReadResult> {
  const keeping = keep && expectedBytes <= BUFFER_LIMIT;
  if (keeping) {
    const whole = await readWhole(path);
    if (whole) {
      try {
        const { hash, buffer } = await hashOffThread(whole);
        return { hash, bytes: buffer.length, buffer };
      } catch {
        // The worker died with the bytes: read them again below.
      }
    }
  }
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (keeping) chunks.push(chunk);
  }
  return { hash: hash.digest('hex'), bytes, buffer: keeping ? Buffer.concat(chunks, bytes) : null };
}

/** The file's bytes, or null when it has grown past what is kept in memory since its stat. */
async function readWhole(path: string): Promise<Buffer | null> {
  const handle = await open(path, 'r');
  try {
    if ((await handle.stat()).size > BUFFER_LIMIT) return null;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Identity of a large file that is never decoded (a 4 GB video): sha256 over its size and
 * three 4 MiB samples (start, middle, end). Reading all of it at every move would make a
 * video library unusable; an edit of a video changes its size or its ends in practice.
 */
export async function sampledHash(path: string, bytes: number): Promise<string> {
  if (bytes <= SAMPLE_ABOVE) return (await readAndHash(path, bytes, false)).hash;
  const hash = createHash('sha256').update(`packshot-sampled:${bytes}:`);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    for (const at of [0, Math.floor(bytes / 2 - SAMPLE_BYTES / 2), bytes - SAMPLE_BYTES]) {
      const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, at);
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
