// Which strings in OCR text could be a SKU: whole words (edge punctuation off), runs of up
// to three words on one line (a SKU may hold spaces), and what follows "SKU:" or "#". Each
// is looked up by the products' SKU index, never matched as a pattern, so a SKU with
// regex or LIKE characters is only text. Pure.

/** The products schema's limit (products-methods.ts). */
export const MAX_SKU_LENGTH = 200;
/** Words of one image considered; a page of text has a few hundred. */
export const MAX_WORDS = 2000;
/** Words a SKU may span. */
const MAX_RUN = 3;
/** Ambiguous characters (O/0, I/1) a word may hold and still be tried both ways: 2^6 forms. */
const MAX_AMBIGUOUS = 6;

const EDGE = /^[\s"'“”‘’«»()[\]{}<>,.;:!?*#]+|[\s"'“”‘’«»()[\]{}<>,.;:!?*]+$/gu;

/** SQLite's NOCASE folds ASCII letters only; so do we, to compare what it returns. */
export const foldCase = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Exact candidates, in reading order, each once (compared as NOCASE compares). */
export function skuCandidates(text: string): string[] {
  const seen = new Map<string, string>();
  const add = (s: string): void => {
    if (s.length === 0 || s.length > MAX_SKU_LENGTH) return;
    const key = foldCase(s);
    if (!seen.has(key)) seen.set(key, s);
  };
  let budget = MAX_WORDS;
  for (const line of text.split('\n')) {
    if (budget <= 0) break;
    const words = line
      .split(/\s+/u)
      .slice(0, budget)
      .map((w) => w.replace(EDGE, ''))
      .filter((w) => w.length > 0);
    budget -= words.length;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      add(word);
      const label = /[:#]([^:#]+)$/u.exec(word); // "SKU:ACME-1042" → ACME-1042
      if (label?.[1]) add(label[1].replace(EDGE, ''));
      for (let n = 2; n <= MAX_RUN && i + n <= words.length; n++)
        add(words.slice(i, i + n).join(' '));
    }
  }
  return [...seen.values()];
}

const SWAP: Record<string, readonly string[]> = {
  o: ['o', '0'],
  O: ['O', '0'],
  '0': ['0', 'O'],
  i: ['i', '1'],
  I: ['I', '1'],
  '1': ['1', 'I'],
};

/**
 * The other spellings of one word under OCR's two common confusions, O/0 and I/1 (not the
 * word itself). Only for a single word mixing letters and digits, as SKUs do: "OFF" or
 * "2010" alone are never read as another SKU. Empty when the word has too many of them.
 */
export function confusedForms(word: string): string[] {
  if (/\s/u.test(word) || !/[A-Za-z]/.test(word) || !/[0-9]/.test(word)) return [];
  const slots = [...word].map((c) => (Object.hasOwn(SWAP, c) ? (SWAP[c] as string[]) : [c]));
  if (slots.filter((s) => s.length > 1).length > MAX_AMBIGUOUS) return [];
  let forms = [''];
  for (const options of slots) forms = forms.flatMap((f) => options.map((o) => f + o));
  const self = foldCase(word);
  return forms.filter((f) => foldCase(f) !== self);
}

/**
 * A SKU worth suggesting from text: four characters or more, with a digit or a separator.
 * A SKU that is a plain word ("TEAPOT") would match every image that shows the word.
 */
export function plausibleSku(sku: string): boolean {
  return sku.trim().length >= 4 && /[0-9\-_./]/.test(sku);
}
