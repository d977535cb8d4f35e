// Real PDF bytes for tests, written by hand: pages of Helvetica text with a correct xref
// table, an info dictionary (title, author, dates), and a filled rectangle per page so a
// render is never blank.
import { existsSync } from 'node:fs';
import { createDeflate } from 'node:zlib';

export interface PdfSpec {
  title?: string;
  author?: string;
  /** One entry per page: its lines of text. */
  pages: string[][];
  /** Page size in points (US Letter when left out). */
  size?: { width: number; height: number };
}

/** PDF string syntax: backslash, parentheses escaped. */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

export function makePdf(spec: PdfSpec): Buffer {
  const { width, height } = spec.size ?? { width: 612, height: 792 };
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body); // 1-based object number
  const catalog = add('');
  const pagesRef = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const info = add(
    `<< /Title ${pdfString(spec.title ?? '')} /Author ${pdfString(spec.author ?? '')}` +
      ' /Producer (Packshot tests) /CreationDate (D:20240102030405Z) >>',
  );
  const kids: number[] = [];
  for (const lines of spec.pages) {
    const text = lines
      .map((line, i) => `BT /F1 24 Tf 72 ${height - 96 - i * 32} Td ${pdfString(line)} Tj ET`)
      .join('\n');
    const content = `0.2 0.4 0.8 rg 36 36 ${width - 72} 24 re f\n0 g\n${text}\n`;
    const stream = add(
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    );
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${width} ${height}]` +
          ` /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`;
  objects[pagesRef - 1] =
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out +=
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\n` +
    `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * A 1.2 MB PDF whose one page holds 16 million drawing operators (224 MB inflated): pdfjs
 * spends tens of seconds parsing it, as it would on a hostile file. For the time limit.
 */
export async function slowPdf(): Promise<Buffer> {
  const ops = Buffer.from('0 0 m 1 1 l S\n'.repeat(1 << 20));
  const deflate = createDeflate({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  for (let i = 0; i < 16; i++) deflate.write(ops);
  deflate.end();
  await done;
  const content = Buffer.concat(chunks);
  const head = [
    '%PDF-1.4\n',
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n',
  ];
  const offsets: number[] = [];
  let at = 0;
  for (const part of head) {
    if (part.endsWith('endobj\n')) offsets.push(at);
    at += part.length;
  }
  offsets.push(at);
  const stream = Buffer.concat([
    Buffer.from(`4 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`),
    content,
    Buffer.from('\nendstream\nendobj\n'),
  ]);
  const xref = at + stream.length;
  const tail =
    `xref\n0 5\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(head.join(''), 'latin1'), stream, Buffer.from(tail)]);
}

/** The manual the document tests know: two pages, title and author set. */
export function quickStartPdf(): Buffer {
  return makePdf({
    title: 'Trail Shoe Manual',
    author: 'Acme Outdoor',
    pages: [
      ['Quick start guide', 'Lace the shoe   firmly.'],
      ['Care and cleaning', 'Rinse with water.'],
    ],
  });
}

/** Debian's forensics-samples-files: the same text as a plain PDF and with a password. */
export const FORENSIC_PDF = '/usr/share/forensics-samples/original-files/text1/a-text.pdf';
export const FORENSIC_PDF_PASSWORD =
  '/usr/share/forensics-samples/original-files/text1/a-text-pass-peanuts.pdf';
export const HAS_FORENSIC_PDFS = existsSync(FORENSIC_PDF) && existsSync(FORENSIC_PDF_PASSWORD);
