import { LazyExifTool } from './lazy-exiftool';

/** Largest first: JpgFromRaw is full size on Nikon and Sony; Canon's CR2 has PreviewImage. */
const PREVIEW_TAGS = ['JpgFromRaw', 'PreviewImage', 'OtherImage', 'ThumbnailImage'] as const;

/**
 * Camera RAW and HEIC have no decoder here, but carry JPEG previews. exiftool (the field's
 * reference reader of RAW containers, kept running by exiftool-vendored) extracts them.
 */
export class EmbeddedPreviews {
  private readonly exiftool = new LazyExifTool({ maxProcs: 2, taskTimeoutMillis: 30_000 });

  /** The largest embedded JPEG preview, or null when the file has none. */
  async extract(path: string): Promise<Buffer | null> {
    const exiftool = await this.exiftool.get();
    let best: Buffer | null = null;
    for (const tag of PREVIEW_TAGS) {
      try {
        const data = await exiftool.extractBinaryTagToBuffer(tag, path);
        if (data.length > (best?.length ?? 0)) best = data;
        if (best && tag !== 'ThumbnailImage' && best.length > 200_000) break;
      } catch {
        // this tag is absent: try the next
      }
    }
    return best;
  }

  /** The image's own size as its container records it (not the preview's). */
  async dimensions(path: string): Promise<{ width: number; height: number } | null> {
    try {
      const tags = await (await this.exiftool.get()).read(path);
      // ImageSize is exiftool's composite of the real image; IFD0's width is often the preview's.
      const size = /^(\d+)[x ](\d+)$/.exec(String(tags.ImageSize ?? ''));
      const width = Number(size?.[1] ?? tags.ExifImageWidth ?? tags.ImageWidth);
      const height = Number(size?.[2] ?? tags.ExifImageHeight ?? tags.ImageHeight);
      return width > 0 && height > 0 ? { width, height } : null;
    } catch {
      return null;
    }
  }

  async close(): Promise<void> {
    await this.exiftool.end();
  }
}
