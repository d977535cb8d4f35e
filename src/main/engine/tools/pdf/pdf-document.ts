import { PdfError, pdfPool, type PdfWorkerPool } from './pdf-workers';

/** Text kept per document: a search index, not an archive (a 2,000-page manual is ~4 MB). */
export const MAX_TEXT_CHARS = 2_000_000;
/** A page image is at most this many pixels a side. */
export const MAX_PAGE_SIDE = 4096;

export interface PdfLimits {
  /**
   * The worker is terminated past this (default: 60 s to open and read a page, again for
   * each next page, 10 min in all; 20 s to paint a page).
   */
  timeoutMs?: number;
  /** Another pool (a test's); the process's otherwise. */
  pool?: PdfWorkerPool;
}

/** What the reader learns from an unlocked PDF. */
export interface PdfInfo {
  locked: false;
  pages: number;
  title: string | null;
  author: string | null;
  subject: string | null;
  producer: string | null;
  creator: string | null;
  /** The raw PDF date (`D:20200911222713-03'00'`) or XMP date. */
  created: string | null;
  version: string | null;
  /** Encrypted with an owner password only: readable, but encrypted. */
  encrypted: boolean;
  /** Page 1 in points, as shown (rotation applied). */
  widthPt: number;
  heightPt: number;
  /** Plain text of every page (one line each), white space normalised, at most MAX_TEXT_CHARS. */
  text: string;
  truncated: boolean;
  /** Pages whose text could not be read (the others were). */
  failedPages: number;
}

/** A PDF that opens only with a user password. */
export interface PdfLocked {
  locked: true;
}

export interface PageImage {
  png: Buffer;
  width: number;
  height: number;
  pages: number;
}

/** Facts and text of a PDF; throws PdfError with a message for the user when it is broken. */
export async function readPdf(path: string, limits: PdfLimits = {}): Promise<PdfInfo | PdfLocked> {
  try {
    return await (limits.pool ?? pdfPool()).run<PdfInfo | PdfLocked>(
      'read',
      { path, maxText: MAX_TEXT_CHARS },
      limits.timeoutMs ?? 60_000,
    );
  } catch (error) {
    throw userFacing(error);
  }
}

/**
 * Page `page` (1-based) as PNG, `width` pixels wide, or fitting a `box` square; never more
 * than MAX_PAGE_SIDE a side.
 */
export async function renderPdfPage(
  path: string,
  page: number,
  size: { width: number } | { box: number },
  limits: PdfLimits = {},
): Promise<PageImage> {
  try {
    const answer = await (limits.pool ?? pdfPool()).run<
      Omit<PageImage, 'png'> & { png: ArrayBuffer }
    >('render', { path, page, ...size, maxSide: MAX_PAGE_SIDE }, limits.timeoutMs ?? 20_000);
    return { ...answer, png: Buffer.from(answer.png) };
  } catch (error) {
    throw userFacing(error);
  }
}

/** pdfjs's exceptions in words a user acts on. */
function userFacing(error: unknown): PdfError {
  if (!(error instanceof PdfError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new PdfError(`Could not read the PDF: ${message}`, 'Error');
  }
  switch (error.kind) {
    case 'InvalidPDFException':
      return new PdfError(
        'Broken PDF: its structure is damaged or the file is cut short',
        error.kind,
      );
    case 'PasswordException':
      return new PdfError('Password-protected PDF: it cannot be shown', error.kind);
    case 'ResponseException':
    case 'UnknownErrorException':
    case 'FormatError':
      return new PdfError(`Broken PDF: ${error.message}`, error.kind);
    default:
      return error;
  }
}
