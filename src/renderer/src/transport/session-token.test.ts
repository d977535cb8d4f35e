// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { takeSessionToken, type TokenEnvironment } from './session-token';

function environment(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const env: TokenEnvironment = {
    location: { href },
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
    history: {
      state: null,
      replaceState: (_state, _unused, url) => void replaced.push(String(url)),
    },
  };
  return { env, storage, replaced };
}

describe('takeSessionToken', () => {
  it('takes the token from the URL, keeps it for the tab and hides it from the address bar', () => {
    const { env, storage, replaced } = environment(
      'http://127.0.0.1:5000/?view=grid&token=s3cret#top',
    );
    expect(takeSessionToken(env)).toBe('s3cret');
    expect([...storage.values()]).toEqual(['s3cret']);
    expect(replaced).toEqual(['/?view=grid#top']);
  });

  it('reads the kept token after a reload, without touching the URL', () => {
    const first = environment('http://127.0.0.1:5000/?token=s3cret');
    takeSessionToken(first.env);
    const reload = environment('http://127.0.0.1:5000/', Object.fromEntries(first.storage));
    expect(takeSessionToken(reload.env)).toBe('s3cret');
    expect(reload.replaced).toEqual([]);
  });

  it('has no token when neither the URL nor the tab has one', () => {
    expect(takeSessionToken(environment('http://127.0.0.1:5000/').env)).toBeNull();
  });
});
