// Content Packshot has just written over a file itself (a restore: bytes whose hash it has
// checked), handed to indexing so the file is not read and hashed a second time. Used only
// while the row still shows the size and mtime seen right after the write: the same test
// the scanner trusts to call a file unchanged. Anything else is read from disk as usual.
export interface Written {
  hash: string;
  data: Buffer;
  bytes: number;
  mtimeMs: number;
}

export class WrittenContent {
  private readonly byAsset = new Map<number, Written>();

  set(id: number, written: Written): void {
    this.byAsset.set(id, written);
  }

  delete(id: number): void {
    this.byAsset.delete(id);
  }

  /** The content written for this file, if the file is still as it was after the write. */
  matching(file: { id: number; bytes: number; mtimeMs: number }): Written | null {
    const w = this.byAsset.get(file.id);
    if (w === undefined || w.bytes !== file.bytes || w.mtimeMs !== file.mtimeMs) return null;
    return w;
  }
}
