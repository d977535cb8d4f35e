import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Files up to this size are kept in memory so they are read from disk only once. */
const BUFFER_LIMIT = 256 * 1024 * 1024;

export interface ReadResult {
  hash: string;
  bytes: number;
  /** The file's bytes, or null when it was too large to keep (decode from the path). */
  buffer: Buffer | null;
}

/** Streams the file once, hashing in chunks so the event loop is never held for long. */
export async function readAndHash(path: string, expectedBytes: number): Promise<ReadResult> {
  const keep = expectedBytes <= BUFFER_LIMIT;
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let bytes = 0;
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (keep) chunks.push(chunk);
  }
  return {
    hash: hash.digest('hex'),
    bytes,
    buffer: keep ? Buffer.concat(chunks, bytes) : null,
  };
}
