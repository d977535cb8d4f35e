// Release check: a 50 MB product CSV imported in browser mode, as the page does it: through
// `packshot serve`'s HTTP bridge, in uploads.begin/append/commit chunks (each request under
// the bridge's 1 MiB body limit), then products.importPreview and products.import.
//
//   node scripts/csv-upload-check.mjs            50 MB, UTF-8
//   CSV_MB=60 CSV_ENCODING=utf-16le node scripts/csv-upload-check.mjs
//
// Prints the file's size and rows, the time of each step, and serve's peak memory; exits 1
// when a step fails or a product is missing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild } from './ensure-build.mjs';
import { log, mb, now, root, s, startServe } from './bench/lib.mjs';

const TARGET_BYTES = Number(process.env.CSV_MB ?? 50) * 1024 * 1024;
const ENCODING = process.env.CSV_ENCODING ?? 'utf-8';

/** Rows of about 200 bytes (SKU, name, colour, a description) up to the target size. */
function makeCsv() {
  const unit = ENCODING === 'utf-8' ? 1 : 2;
  const rows = ['sku,name,colour,description'];
  let size = rows[0].length * unit;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const row = `SKU-${i},"Mug nº ${i}, stoneware",${['red', 'navy', 'crème'][i % 3]},"Glazed, dishwasher-safe stoneware mug with a wide handle; 350 ml; batch ${i} of the autumn range."`;
    rows.push(row);
    size += (row.length + 2) * unit;
  }
  const text = `${rows.join('\r\n')}\r\n`;
  const bytes = ENCODING === 'utf-8' ? Buffer.from(text) : Buffer.from(`\ufeff${text}`, 'utf16le');
  return { bytes, rows: rows.length - 1 };
}

ensureBuild(root);
const dataDir = mkdtempSync(join(tmpdir(), 'packshot-csv-'));
const serve = await startServe(dataDir);
let failed = false;
try {
  const { bytes, rows } = makeCsv();
  log(`CSV: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${rows} rows, ${ENCODING}`);
  let t = now();
  const { uploadId, chunkBytes } = await serve.call('uploads.begin', { bytes: bytes.length });
  let requests = 0;
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    const base64 = bytes.subarray(at, at + chunkBytes).toString('base64');
    await serve.call('uploads.append', { uploadId, offset: at, base64 });
    requests++;
  }
  await serve.call('uploads.commit', { uploadId });
  log(`upload: ${s(now() - t)} in ${requests} requests of ≤ ${chunkBytes / 1024} KiB`);
  t = now();
  const preview = await serve.call('products.importPreview', { uploadId });
  log(`preview: ${s(now() - t)} (${preview.encoding}, ${preview.rowCount} rows)`);
  t = now();
  const report = await serve.call('products.import', {
    uploadId,
    map: { sku: 'sku', name: 'name', attributes: ['colour', 'description'] },
  });
  log(`import: ${s(now() - t)} (created ${report.created}, problems ${report.problems.length})`);
  await serve.call('uploads.discard', { uploadId });
  const last = await serve.call('products.list', { query: `SKU-${rows - 1}`, limit: 5 });
  const found = last.items.some((p) => p.sku === `SKU-${rows - 1}`);
  if (report.created !== rows || !found || preview.rowCount !== rows) {
    failed = true;
    log(`FAILED: expected ${rows} products, the last one listed`);
  }
  log(`serve's peak memory: ${mb(serve.memory().hwmKb)}`);
} catch (error) {
  failed = true;
  log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await serve.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
