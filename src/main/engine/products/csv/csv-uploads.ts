import { randomUUID } from 'node:crypto';
import { PackshotError } from '../../../../shared/errors';
import { UPLOAD_CHUNK_BYTES, UPLOAD_MAX_BYTES } from '../../../../shared/methods/uploads-methods';

interface Upload {
  declared: number;
  chunks: Buffer[];
  received: number;
  committed: boolean;
  touched: number;
}

/** All open uploads together: two 50 MB catalogues at once, not a way to fill memory. */
const TOTAL_BYTES = 2 * UPLOAD_MAX_BYTES;
const IDLE_MS = 15 * 60_000;

/**
 * Files the page sends in chunks, held in memory by id until discarded or idle. Preview and
 * import read the same upload, so the file crosses the bridge once.
 */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly now: () => number = Date.now) {}

  begin(bytes: number): { uploadId: string; chunkBytes: number } {
    this.sweep();
    const held = [...this.uploads.values()].reduce((n, u) => n + u.declared, 0);
    if (held + bytes > TOTAL_BYTES)
      throw new PackshotError(
        'conflict',
        'Too many uploads under way: finish or cancel one, then try again',
      );
    const uploadId = randomUUID();
    this.uploads.set(uploadId, {
      declared: bytes,
      chunks: [],
      received: 0,
      committed: false,
      touched: this.now(),
    });
    return { uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  append(uploadId: string, offset: number, base64: string): { received: number } {
    const upload = this.open(uploadId);
    if (upload.committed) throw new PackshotError('conflict', 'The upload is already complete');
    const chunk = Buffer.from(base64, 'base64');
    // A retried chunk (its answer was lost) is already held: say where the upload stands.
    if (offset + chunk.length === upload.received && offset < upload.received)
      return { received: upload.received };
    if (offset !== upload.received)
      throw new PackshotError(
        'conflict',
        `Chunk at byte ${offset}, but the upload has ${upload.received} bytes: send from there`,
      );
    if (upload.received + chunk.length > upload.declared)
      throw new PackshotError(
        'invalid_argument',
        `The upload would pass the ${upload.declared} bytes declared at its start`,
      );
    upload.chunks.push(chunk);
    upload.received += chunk.length;
    return { received: upload.received };
  }

  commit(uploadId: string): { bytes: number } {
    const upload = this.open(uploadId);
    if (upload.received !== upload.declared)
      throw new PackshotError(
        'invalid_argument',
        `The upload has ${upload.received} of its ${upload.declared} bytes`,
      );
    if (!upload.committed) {
      upload.chunks = [Buffer.concat(upload.chunks)];
      upload.committed = true;
    }
    return { bytes: upload.received };
  }

  /** A committed upload's bytes. */
  bytes(uploadId: string): Uint8Array {
    const upload = this.open(uploadId);
    if (!upload.committed)
      throw new PackshotError('invalid_argument', 'The upload is not complete: commit it first');
    return upload.chunks[0] ?? new Uint8Array();
  }

  discard(uploadId: string): { removed: boolean } {
    return { removed: this.uploads.delete(uploadId) };
  }

  private open(uploadId: string): Upload {
    this.sweep();
    const upload = this.uploads.get(uploadId);
    if (!upload)
      throw new PackshotError(
        'not_found',
        'No such upload (finished, cancelled or idle too long): choose the file again',
      );
    upload.touched = this.now();
    return upload;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, upload] of this.uploads)
      if (now - upload.touched > IDLE_MS) this.uploads.delete(id);
  }
}
