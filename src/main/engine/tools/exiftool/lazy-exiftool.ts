import type { ExifTool, ExifToolOptions } from 'exiftool-vendored';

/**
 * An exiftool process started on first use. exiftool-vendored itself takes ~0.1 s to load,
 * so it is imported then too: a command or app session that never meets a RAW file and
 * never writes XMP does not pay for it.
 */
export class LazyExifTool {
  private tool: Promise<ExifTool> | null = null;

  constructor(private readonly options: Partial<ExifToolOptions>) {}

  get(): Promise<ExifTool> {
    this.tool ??= import('exiftool-vendored').then(
      ({ ExifTool }) => new ExifTool(this.options),
      (error: unknown) => {
        this.tool = null; // a failed load is retried next time, not remembered
        throw error;
      },
    );
    return this.tool;
  }

  /** Ends the process if one was started (or is being started); the next get() starts anew. */
  async end(): Promise<void> {
    const tool = this.tool;
    this.tool = null;
    const started = await tool?.catch(() => null); // one that never loaded has nothing to end
    await started?.end();
  }
}
