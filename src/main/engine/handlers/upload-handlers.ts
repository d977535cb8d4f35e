import type { UploadStore } from '../products/csv/csv-uploads';
import type { HandlerGroup, NamespaceMethods } from './engine-context';

/** Chunked uploads from the page (browser mode's way to send a large CSV). */
export function uploadHandlers(uploads: UploadStore): HandlerGroup<NamespaceMethods<'uploads'>> {
  return {
    'uploads.begin': ({ bytes }) => Promise.resolve(uploads.begin(bytes)),
    'uploads.append': ({ uploadId, offset, base64 }) =>
      Promise.resolve(uploads.append(uploadId, offset, base64)),
    'uploads.commit': ({ uploadId }) => Promise.resolve(uploads.commit(uploadId)),
    'uploads.discard': ({ uploadId }) => Promise.resolve(uploads.discard(uploadId)),
  };
}
