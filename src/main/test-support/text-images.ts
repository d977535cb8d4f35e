// Generated pictures of text for the OCR tests: lines of DejaVu Sans (fonts-dejavu-core is
// in CI) on an off-white card, as PNG.
import sharp from 'sharp';

export async function textImage(lines: readonly string[]): Promise<Buffer> {
  const rows = lines
    .map(
      (l, i) =>
        `<text x="50" y="${140 + i * 110}" font-family="DejaVu Sans" font-size="64" font-weight="bold" fill="#222">${l}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${120 + lines.length * 110}"><rect width="100%" height="100%" fill="#fafaf5"/>${rows}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
