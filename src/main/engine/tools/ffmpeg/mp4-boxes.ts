import { open } from 'node:fs/promises';

/** Enough for any real file's top level (ftyp, moov, mdat, free, uuid, …). */
const MAX_BOXES = 4096;

/**
 * Whether an MP4/MOV file ends inside one of its top-level boxes: a copy cut short. ffprobe
 * reads a "faststart" file (index first) cut anywhere in its data without a word, so this
 * walks the box headers (16 bytes each, a few reads) and compares the last one's declared
 * end with the file's size. Returns the bytes the file should have, or null when whole or
 * not a box-structured file.
 */
export async function mp4ShortBy(path: string): Promise<{ have: number; want: number } | null> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(16);
    let at = 0;
    for (let n = 0; n < MAX_BOXES && at + 8 <= size; n++) {
      const { bytesRead } = await handle.read(head, 0, 16, at);
      if (bytesRead < 8) return null;
      const type = head.toString('latin1', 4, 8);
      if (!/^[\x20-\x7e]{4}$/.test(type)) return null; // not boxes (or not from here on)
      let length = head.readUInt32BE(0);
      if (length === 0) return null; // "to the end of the file"
      if (length === 1) {
        if (bytesRead < 16) return { have: size, want: at + 16 };
        length = Number(head.readBigUInt64BE(8));
      }
      if (length < 8) return null;
      if (at + length > size) return { have: size, want: at + length };
      at += length;
    }
    return null;
  } finally {
    await handle.close();
  }
}
