// The PDF worker thread: pdfjs-dist (legacy build, the one for Node) reads the file and
// @napi-rs/canvas (which pdfjs loads itself) paints a page. A plain CommonJS script run with
// `eval`, like the hash workers: no build entry, and the built app and the tests run the
// same text. pdfjs is imported from the path the main thread resolved (workerData), so the
// worker finds it whatever the working folder; fonts and CMaps are read from the package's
// folders, never fetched. Jobs: `read` (facts and text) and `render` (one page as PNG).
// Answers: { id, result } or { id, error: { name, message } }; `read` also sends
// { id, progress: true } after each page.
export const PDF_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');
const { pathToFileURL } = require('node:url');

let loading;
const pdfjs = () => (loading ??= import(pathToFileURL(workerData.pdfjs).href));

async function open(path) {
  const lib = await pdfjs();
  const data = new Uint8Array(await readFile(path));
  return lib.getDocument({
    data,
    standardFontDataUrl: workerData.fonts,
    cMapUrl: workerData.cmaps,
    cMapPacked: true,
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0,
  }).promise;
}

const str = (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

// One page's text as search wants it: no control characters or soft hyphens, every run of
// white space one space.
const plain = (items) =>
  items
    .map((i) => (typeof i.str === 'string' ? i.str + (i.hasEOL ? ' ' : '') : ''))
    .join('')
    .replace(/\u00ad/g, '')
    .replace(/[\s\u0000-\u001f\u007f-\u009f]+/gu, ' ')
    .trim();

async function read({ id, path, maxText }) {
  let doc;
  try {
    doc = await open(path);
  } catch (error) {
    if (error && error.name === 'PasswordException') return { locked: true };
    throw error;
  }
  try {
    const meta = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    const info = meta.info || {};
    const xmp = (key) => {
      try {
        const v = meta.metadata ? meta.metadata.get(key) : null;
        return str(Array.isArray(v) ? v.join(', ') : v);
      } catch {
        return null;
      }
    };
    const first = await doc.getPage(1);
    const view = first.getViewport({ scale: 1 });
    const texts = [];
    let kept = 0;
    let truncated = false;
    let failedPages = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (kept >= maxText) {
        truncated = true;
        break;
      }
      try {
        const page = n === 1 ? first : await doc.getPage(n);
        let text = plain((await page.getTextContent()).items);
        page.cleanup();
        if (kept + text.length > maxText) {
          text = text.slice(0, maxText - kept).replace(/\s\S*$/u, '');
          truncated = true;
        }
        if (text !== '') texts.push(text);
        kept += text.length + 1;
      } catch {
        failedPages++;
      }
      // Each page read restarts the time limit: a long manual is not a file that spins.
      parentPort.postMessage({ id, progress: true });
    }
    return {
      locked: false,
      pages: doc.numPages,
      title: str(info.Title) ?? xmp('dc:title'),
      author: str(info.Author) ?? xmp('dc:creator'),
      subject: str(info.Subject),
      producer: str(info.Producer) ?? xmp('pdf:producer'),
      creator: str(info.Creator) ?? xmp('xmp:creatortool'),
      created: str(info.CreationDate) ?? xmp('xmp:createdate'),
      version: str(info.PDFFormatVersion),
      encrypted: info.EncryptFilterName != null,
      widthPt: view.width,
      heightPt: view.height,
      text: texts.join('\n'),
      truncated,
      failedPages,
    };
  } finally {
    await doc.destroy();
  }
}

async function render({ path, page: n, width, box, maxSide }) {
  const doc = await open(path);
  try {
    if (!Number.isInteger(n) || n < 1 || n > doc.numPages) {
      const error = new RangeError('No page ' + n + ' (the document has ' + doc.numPages + ')');
      throw error;
    }
    const page = await doc.getPage(n);
    const view = page.getViewport({ scale: 1 });
    let scale = width ? width / view.width : box / Math.max(view.width, view.height);
    // A page far taller than wide must not ask for a canvas no memory holds.
    scale = Math.min(scale, maxSide / Math.max(view.width, view.height));
    const viewport = page.getViewport({ scale });
    const w = Math.max(1, Math.round(viewport.width));
    const h = Math.max(1, Math.round(viewport.height));
    const { canvas, context } = doc.canvasFactory.create(w, h);
    await page.render({ canvasContext: context, canvas, viewport }).promise;
    const png = canvas.toBuffer('image/png');
    const bytes = png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength);
    return { png: bytes, width: w, height: h, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

const OPS = { read, render };

parentPort.on('message', async (job) => {
  try {
    const result = await OPS[job.op](job);
    parentPort.postMessage({ id: job.id, result }, result && result.png ? [result.png] : []);
  } catch (error) {
    const e = error || {};
    parentPort.postMessage({
      id: job.id,
      error: { name: String(e.name || 'Error'), message: String(e.message || e) },
    });
  }
});
`;
