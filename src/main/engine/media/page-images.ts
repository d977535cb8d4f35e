import { pageCacheKey, type PageRequest } from '../../../shared/bridge';
import type { AssetFileRepo } from '../repositories/asset-file-repo';
import { PdfError } from '../tools/pdf/pdf-workers';
import { renderPdfPage } from '../tools/pdf/pdf-document';
import type { MediaCache } from './media-cache';

/**
 * The loupe's page viewer: a document's page painted at the width asked, on request, and
 * kept in the media cache by hash, page and width (the viewer asks a few widths, so a
 * document costs a few files a page). Only content a registered document has is painted.
 */
export class PageImages {
  /** One paint per page and width at a time: a second request waits for the first. */
  private readonly painting = new Map<string, Promise<string | null>>();

  constructor(
    private readonly cache: MediaCache,
    private readonly files: AssetFileRepo,
  ) {}

  /** The cached PNG's path, painted first when needed; null when there is no such page. */
  file(request: PageRequest): Promise<string | null> {
    const key = pageCacheKey(request);
    if (this.cache.has('page', key)) return Promise.resolve(this.cache.pathFor('page', key));
    let running = this.painting.get(key);
    if (!running) {
      running = this.paint(request, key).finally(() => this.painting.delete(key));
      this.painting.set(key, running);
    }
    return running;
  }

  private async paint(request: PageRequest, key: string): Promise<string | null> {
    // -1: no asset is excepted. Originals come first; a copy that is gone is skipped.
    const sources = this.files
      .withHash(request.hash, -1)
      .filter((f) => f.kind === 'document' && f.name.toLowerCase().endsWith('.pdf'));
    for (const source of sources) {
      try {
        const page = await renderPdfPage(source.path, request.page, { width: request.width });
        return await this.cache.write('page', key, page.png);
      } catch (error) {
        if (!(error instanceof PdfError)) throw error;
        // The file is gone or changed (ENOENT, broken now): another copy may still serve.
        if (error.kind === 'Error') continue;
        return null; // no such page, locked, broken: the same for every copy
      }
    }
    return null;
  }
}
