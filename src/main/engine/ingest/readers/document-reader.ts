import { emptyFacts, type MediaFacts } from '../../../../shared/media-facts';
import { MAX_TEXT_CHARS, readPdf, renderPdfPage, type PdfInfo } from '../../tools/pdf/pdf-document';
import { pageSizeLabel, pdfDate } from '../../tools/pdf/pdf-facts';
import { PdfError } from '../../tools/pdf/pdf-workers';
import { THUMB_PX } from '../../tools/sharp/render-thumbnail';
import { extensionOf } from '../file-kinds';
import type { RichMediaRead, RichMediaReader } from '../read-rich-media';

/** What a user sees on a PDF that opens only with its password. */
export const LOCKED_NOTICE = 'Password-protected: not previewed or searched';

/**
 * Documents: PDF today (another format keeps its icon). A password-protected PDF is a valid
 * manual a user still links and exports, so it stays ok with a notice; a broken one is an
 * error with pdfjs's reason in words.
 */
export const readDocument: RichMediaReader = async (file) => {
  if (extensionOf(file.name) !== 'pdf') return { facts: null };
  let info;
  try {
    info = await readPdf(file.path);
  } catch (error) {
    if (!(error instanceof PdfError)) throw error;
    return { format: 'pdf', facts: null, error: error.message };
  }
  if (info.locked) {
    const facts: MediaFacts = { ...emptyFacts(), detail: { encrypted: true, password: true } };
    return { format: 'pdf', facts, notice: LOCKED_NOTICE };
  }
  return {
    format: 'pdf',
    width: Math.round(info.widthPt),
    height: Math.round(info.heightPt),
    capturedAt: pdfDate(info.created),
    facts: factsOf(info),
    text: info.text === '' ? null : info.text,
    notice: noticeOf(info),
    // Page 1 at the grid thumbnail's size; a page that cannot be painted leaves the icon.
    still: async () => {
      try {
        return (await renderPdfPage(file.path, 1, { box: THUMB_PX })).png;
      } catch (error) {
        if (error instanceof PdfError) return null;
        throw error;
      }
    },
  };
};

function factsOf(info: PdfInfo): MediaFacts {
  const detail: Record<string, unknown> = {
    pageSize: pageSizeLabel(info.widthPt, info.heightPt),
    encrypted: info.encrypted,
  };
  if (info.producer) detail.producer = info.producer;
  if (info.creator) detail.creator = info.creator;
  if (info.subject) detail.subject = info.subject;
  if (info.version) detail.pdfVersion = info.version;
  if (info.truncated) detail.textTruncated = true;
  if (info.failedPages > 0) detail.unreadablePages = info.failedPages;
  return { ...emptyFacts(), pages: info.pages, title: info.title, author: info.author, detail };
}

function noticeOf(info: PdfInfo): RichMediaRead['notice'] {
  const notes: string[] = [];
  if (info.truncated)
    notes.push(`Text searched: the first ${MAX_TEXT_CHARS.toLocaleString('en')} characters`);
  if (info.failedPages > 0)
    notes.push(`Text of ${info.failedPages} page${info.failedPages === 1 ? '' : 's'} unreadable`);
  if (info.text === '' && info.failedPages === 0 && info.pages > 0)
    notes.push('No text layer (scanned pages?): not searched');
  return notes.length > 0 ? notes.join('; ') : null;
}
