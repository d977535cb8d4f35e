// Text in images, read by tesseract.js (Apache-2.0; Tesseract's LSTM engine compiled to
// WebAssembly) with the English model from @tesseract.js-data/eng (Apache-2.0 data, MIT
// package). The language path points into that package, so nothing is fetched or cached.
// Tesseract reads every texture as letters now and then; only words it is sure of, with
// at least two letters or digits, are kept, so a photo of a landscape reads as no text.
import type { Page } from 'tesseract.js';
import { lazyModule } from '../lazy-module';
import type { Box } from './vision';
import { tesseractLangDir } from './model-files';

export { TEXT_MODEL } from './model-names';

export interface ReadWord extends Box {
  text: string;
  confidence: number;
}

export interface ReadText {
  /** The kept words, line by line. */
  text: string;
  words: ReadWord[];
}

export interface Ocr {
  /** An image file's bytes (PNG, JPEG…), at most a few thousand pixels a side. */
  read(image: Buffer, size: { width: number; height: number }): Promise<ReadText>;
  close(): Promise<void>;
}

/** Tesseract's own confidence (0–100) below which a word is dropped. */
const SURE = 70;
const WORDLIKE = /[\p{L}\p{N}].*[\p{L}\p{N}]/u;

function keptWords(
  page: Page,
  width: number,
  height: number,
): { lines: string[]; words: ReadWord[] } {
  const lines: string[] = [];
  const words: ReadWord[] = [];
  for (const block of page.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const line of paragraph.lines) {
        const kept = line.words.filter((w) => w.confidence >= SURE && WORDLIKE.test(w.text));
        if (kept.length === 0) continue;
        lines.push(kept.map((w) => w.text).join(' '));
        for (const w of kept)
          words.push({
            text: w.text,
            confidence: w.confidence / 100,
            x: w.bbox.x0 / width,
            y: w.bbox.y0 / height,
            w: (w.bbox.x1 - w.bbox.x0) / width,
            h: (w.bbox.y1 - w.bbox.y0) / height,
          });
      }
  return { lines, words };
}

// Loaded with the first reader, not with the engine.
const tesseract = lazyModule<typeof import('tesseract.js')>('tesseract.js');

export async function loadOcr(): Promise<Ocr> {
  const { createWorker, OEM } = tesseract();
  const worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: tesseractLangDir(),
    cacheMethod: 'none',
    gzip: true,
    logger: () => undefined,
  });
  // tesseract.js answers a recognize after terminate with a promise that never settles and
  // an unhandled rejection (its send is async): so reads after close are refused here, and
  // close lets the read under way finish first.
  let closed = false;
  let reading: Promise<unknown> = Promise.resolve();
  return {
    read(image, { width, height }) {
      if (closed) return Promise.reject(new Error('the text reader was closed'));
      const read = worker.recognize(image, {}, { text: true, blocks: true }).then(({ data }) => {
        const { lines, words } = keptWords(data, width, height);
        return { text: lines.join('\n'), words };
      });
      reading = read.catch(() => undefined);
      return read;
    },
    async close() {
      closed = true;
      await reading;
      await worker.terminate();
    },
  };
}
