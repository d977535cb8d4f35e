import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Packshot';

/**
 * Where the desktop app keeps its database and caches; the CLI uses the same place so
 * both see one library. Mirrors Electron's app.getPath('userData').
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PACKSHOT_DATA) return resolve(env.PACKSHOT_DATA);
  switch (process.platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
  }
}
