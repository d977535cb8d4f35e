// Browser mode: the bridge opens the page as `/?token=…`. The token authorizes API calls,
// so it is kept for this tab only (sessionStorage) and taken out of the visible URL, where
// it would end up in history, bookmarks and screenshots.
const STORAGE_KEY = 'packshot.token';
const PARAM = 'token';

export interface TokenEnvironment {
  location: Pick<Location, 'href'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

/** Takes the token from the URL (first load) or from session storage (reloads). */
export function takeSessionToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get(PARAM);
  if (fromUrl !== null && fromUrl !== '') {
    env.storage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete(PARAM);
    env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return env.storage.getItem(STORAGE_KEY);
}
