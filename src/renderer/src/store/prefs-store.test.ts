// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { clampThumbSize, createPrefsStore, THUMB_SIZE, type PrefsStorage } from './prefs-store';

function memoryStorage(initial: Record<string, string> = {}): PrefsStorage & {
  data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe('prefs store', () => {
  it('starts at the default size and remembers a new one', () => {
    const storage = memoryStorage();
    const store = createPrefsStore(storage);
    expect(store.getState().thumbSize).toBe(THUMB_SIZE.initial);
    store.getState().setThumbSize(240);
    expect(store.getState().thumbSize).toBe(240);
    expect(createPrefsStore(storage).getState().thumbSize).toBe(240);
  });

  it('clamps sizes from the slider or from a tampered storage', () => {
    expect(
      createPrefsStore(memoryStorage({ 'packshot.thumbSize': '9999' })).getState().thumbSize,
    ).toBe(THUMB_SIZE.max);
    expect(
      createPrefsStore(memoryStorage({ 'packshot.thumbSize': 'big' })).getState().thumbSize,
    ).toBe(THUMB_SIZE.initial);
    expect(clampThumbSize(10)).toBe(THUMB_SIZE.min);
    expect(clampThumbSize(171)).toBe(168);
  });

  it('works without storage, and when storage throws', () => {
    const broken: PrefsStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    for (const storage of [null, broken]) {
      const store = createPrefsStore(storage);
      store.getState().setThumbSize(96);
      expect(store.getState().thumbSize).toBe(96);
    }
  });
});
