// The upload store's bounds: memory held by all uploads together, and uploads left idle.
import { describe, expect, it } from 'vitest';
import { UPLOAD_MAX_BYTES } from '../../../../shared/methods/uploads-methods';
import { UploadStore } from './csv-uploads';

describe('upload store', () => {
  it('refuses an upload that would hold more than two of the largest at once', () => {
    const store = new UploadStore();
    const a = store.begin(UPLOAD_MAX_BYTES);
    store.begin(UPLOAD_MAX_BYTES);
    expect(() => store.begin(1)).toThrow(/Too many uploads under way/);
    expect(store.discard(a.uploadId)).toEqual({ removed: true });
    expect(() => store.begin(1)).not.toThrow();
  });

  it('drops an upload idle for 15 minutes, and keeps one in use', () => {
    let clock = 0;
    const store = new UploadStore(() => clock);
    const idle = store.begin(3);
    const busy = store.begin(3);
    store.append(idle.uploadId, 0, 'AAE=');
    for (let minute = 1; minute <= 15; minute++) {
      clock = minute * 60_000;
      store.append(busy.uploadId, 0, 'AA=='); // a retry of the first byte: kept once
    }
    clock = 16 * 60_000;
    store.append(busy.uploadId, 1, 'AAE=');
    expect(store.commit(busy.uploadId)).toEqual({ bytes: 3 });
    expect(() => store.append(idle.uploadId, 2, 'AA==')).toThrow(/No such upload/);
  });
});
