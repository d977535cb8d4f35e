// A chosen file sent to the engine in chunks (uploads.begin/append/commit): one request body
// is at most 1 MiB on the browser bridge, and a product CSV can be 50 MB. The bytes travel
// as they are, so the engine detects their encoding; the desktop app goes the same way.
import type { Client } from '../../../client';

/** The committed upload's id, for products.importPreview/import. */
export async function uploadFile(client: Client, file: Blob): Promise<string> {
  if (file.size === 0) throw new Error('The file is empty');
  const { uploadId, chunkBytes } = await client.call('uploads.begin', { bytes: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const base64 = await readBase64(file.slice(offset, offset + chunkBytes));
      await client.call('uploads.append', { uploadId, offset, base64 });
    }
    await client.call('uploads.commit', { uploadId });
    return uploadId;
  } catch (error) {
    void client.call('uploads.discard', { uploadId }).catch(() => undefined);
    throw error;
  }
}

function readBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      // "data:<type>;base64,<bytes>"
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(blob);
  });
}
