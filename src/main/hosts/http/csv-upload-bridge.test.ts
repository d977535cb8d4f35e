// Browser mode's CSV import: a file several times the bridge's 1 MiB body limit goes up in
// chunks (uploads.begin/append/commit) and imports whole; one oversized body is still refused.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/methods/uploads-methods';
import { createEngine, type Engine } from '../../engine/create-engine';
import { tempDir } from '../../test-support/sample-images';
import { startBridge, type Bridge } from './bridge-server';

let dataDir: string;
let rendererDir: string;
let engine: Engine;
let bridge: Bridge;

beforeEach(async () => {
  dataDir = await tempDir('upload-data');
  rendererDir = await tempDir('upload-ui');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Packshot</title>');
  engine = createEngine({ dataDir, concurrency: 1 });
  bridge = await startBridge({ engine, rendererDir, port: 0 });
});

afterEach(async () => {
  await bridge.close();
  await engine.close();
  for (const dir of [dataDir, rendererDir]) await rm(dir, { recursive: true, force: true });
});

interface Body {
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
}

async function api(method: string, args: unknown): Promise<{ status: number; body: Body }> {
  const res = await fetch(`http://127.0.0.1:${bridge.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-packshot-token': bridge.token },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

async function ok<T>(method: string, args: unknown): Promise<T> {
  const reply = await api(method, args);
  expect(reply.body.error, method).toBeUndefined();
  return reply.body.result as T;
}

/** A UTF-16 CSV (as Excel's "Unicode text" writes) of about 2.7 MB: 1,500 wide rows. */
function bigCsv(): Buffer {
  const rows = ['sku\tname\tdescription'];
  for (let i = 0; i < 1500; i++)
    rows.push(`SKU-${i}\tMug nº ${i}\t${`Glazed stoneware, ${i}. `.repeat(40)}`);
  return Buffer.from(`\ufeff${rows.join('\r\n')}\r\n`, 'utf16le');
}

describe('CSV upload over the browser bridge', () => {
  it('imports a CSV larger than one request body, sent in chunks', async () => {
    const bytes = bigCsv();
    expect(bytes.length).toBeGreaterThan(2.5 * 1024 * 1024);
    // (As one base64 body it would be ~3.8 MB: over the bridge's 1 MiB, the way that failed.)
    const { uploadId, chunkBytes } = await ok<{ uploadId: string; chunkBytes: number }>(
      'uploads.begin',
      { bytes: bytes.length },
    );
    expect(chunkBytes).toBe(UPLOAD_CHUNK_BYTES);
    // Preview before the last byte is refused.
    await ok('uploads.append', {
      uploadId,
      offset: 0,
      base64: bytes.subarray(0, chunkBytes).toString('base64'),
    });
    expect((await api('products.importPreview', { uploadId })).body.error?.message).toMatch(
      /not complete/,
    );
    // A retried chunk is kept once; a gap is refused with where to resume.
    const again = await ok<{ received: number }>('uploads.append', {
      uploadId,
      offset: 0,
      base64: bytes.subarray(0, chunkBytes).toString('base64'),
    });
    expect(again.received).toBe(chunkBytes);
    const gap = await api('uploads.append', { uploadId, offset: chunkBytes * 2, base64: 'AAAA' });
    expect(gap.body.error?.message).toMatch(new RegExp(`has ${chunkBytes} bytes`));
    for (let at = chunkBytes; at < bytes.length; at += chunkBytes)
      await ok('uploads.append', {
        uploadId,
        offset: at,
        base64: bytes.subarray(at, at + chunkBytes).toString('base64'),
      });
    expect(await ok('uploads.commit', { uploadId })).toEqual({ bytes: bytes.length });

    const preview = await ok<{ encoding: string; rowCount: number }>('products.importPreview', {
      uploadId,
    });
    expect(preview).toMatchObject({ encoding: 'utf-16le-bom', rowCount: 1500 });
    const report = await ok<{ created: number; problems: unknown[] }>('products.import', {
      uploadId,
      map: { sku: 'sku', name: 'name', attributes: ['description'] },
    });
    expect(report).toMatchObject({ created: 1500, problems: [] });
    const page = await ok<{ items: { sku: string; name: string }[] }>('products.list', {
      query: 'SKU-1499',
    });
    expect(page.items[0]).toMatchObject({ sku: 'SKU-1499', name: 'Mug nº 1499' });

    expect(await ok('uploads.discard', { uploadId })).toEqual({ removed: true });
    expect((await api('products.import', { uploadId })).body.error?.code).toBe('not_found');
  });

  it('validates every argument: sizes, ids and base64', async () => {
    expect((await api('uploads.begin', { bytes: 65 * 1024 * 1024 })).status).toBe(400);
    expect((await api('uploads.commit', { uploadId: '../etc/passwd' })).status).toBe(400);
    const { uploadId } = await ok<{ uploadId: string }>('uploads.begin', { bytes: 4 });
    expect(
      (await api('uploads.append', { uploadId, offset: 0, base64: 'not base64!' })).status,
    ).toBe(400);
    // More than declared is refused; less cannot be committed.
    expect(
      (await api('uploads.append', { uploadId, offset: 0, base64: 'AAAAAAAA' })).body.error
        ?.message,
    ).toMatch(/4 bytes declared/);
    await ok('uploads.append', { uploadId, offset: 0, base64: 'AAA=' });
    expect((await api('uploads.commit', { uploadId })).body.error?.message).toMatch(
      /2 of its 4 bytes/,
    );
    // Only one source at a time.
    expect((await api('products.import', { uploadId, base64: 'AAAA' })).status).toBe(400);
  });
});
