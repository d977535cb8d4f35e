// The keys file as a running bridge sees it: read at start (a bad file stops `serve`), and
// read again when it changes on disk, so `api-keys add` and `remove` take effect without a
// restart (a removed key, and the URLs it signed, stop working on the next request).
import { readFileSync, statSync } from 'node:fs';
import { parseKeysFile, type KeysFile } from './keys-file';

export interface KeyStore {
  readonly path: string;
  /** The file's entries now. */
  current(): KeysFile;
}

/**
 * Loads `path` (throws with the file's own error when it is missing or invalid). A later
 * edit that does not parse keeps the last good entries and is reported once to `onError`:
 * `api-keys` writes atomically, so only a hand edit can get there. A deleted file admits
 * no key.
 */
export function loadKeyStore(
  path: string,
  onError: (message: string) => void = () => {},
): KeyStore {
  const stamp = (): string => {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  };
  let seen: string;
  try {
    seen = stamp();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      `API keys file ${path} does not exist (make one: packshot api-keys add NAME --scopes read --file ${path})`,
    );
  }
  let file = parseKeysFile(readFileSync(path, 'utf8'), path);
  return {
    path,
    current() {
      let now: string;
      try {
        now = stamp();
      } catch {
        // A deleted file admits no key (it is how one revokes them all at once).
        if (seen !== 'missing') onError(`API keys file ${path} is gone: no key is accepted`);
        seen = 'missing';
        return { ...file, keys: [] };
      }
      if (now === seen) return file;
      seen = now;
      try {
        file = parseKeysFile(readFileSync(path, 'utf8'), path);
      } catch (error) {
        onError(`${(error as Error).message}; still using the keys read before`);
      }
      return file;
    },
  };
}
