// `packshot api-keys add|list|remove` and `packshot sign-url`: they edit or read the keys
// file only, so they run without opening a library.
import {
  isKeyId,
  newApiKey,
  readKeysFile,
  readOrCreateKeysFile,
  writeKeysFile,
  type ApiKeyEntry,
} from '../../http/api-v1/keys-file';
import { parseExpiry, signPath } from '../../http/api-v1/signed-url';
import { UsageError, writeJson } from '../cli-context';

export interface ApiKeysArgs {
  command: 'api-keys' | 'sign-url';
  positionals: string[];
  file: string | undefined;
  scopes: string | undefined;
  rate: string | undefined;
  key: string | undefined;
  expires: string | undefined;
  json: boolean;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

const USAGE =
  'usage: packshot api-keys add NAME --scopes read[,render] [--rate N] --file FILE\n' +
  '       packshot api-keys list [--json] --file FILE | api-keys remove NAME --file FILE\n' +
  '       packshot sign-url PATH --expires 1h|ISO --key NAME --file FILE';

export async function apiKeysCommand(args: ApiKeysArgs): Promise<number> {
  const file = args.file;
  if (!file) throw new UsageError(`--file FILE names the API keys file\n${USAGE}`);
  if (args.command === 'sign-url') return signUrl(args, file);
  const [action, name] = args.positionals;
  if (action === 'add' && name) return add(args, file, name);
  if (action === 'list') return list(args, file);
  if (action === 'remove' && name) {
    const keys = await readKeysFile(file);
    if (!keys.keys.some((k) => k.id === name)) throw new Error(`No API key '${name}' in ${file}`);
    await writeKeysFile(file, { ...keys, keys: keys.keys.filter((k) => k.id !== name) });
    args.err.write(`API key '${name}' removed; the URLs it signed stop working too.\n`);
    return 0;
  }
  throw new UsageError(USAGE);
}

async function add(args: ApiKeysArgs, file: string, id: string): Promise<number> {
  if (!isKeyId(id)) {
    throw new UsageError(
      `a key's NAME is lower-case letters, digits and '-' (at most 40; not 'session'): '${id}'`,
    );
  }
  const scopes = (args.scopes ?? '').split(',').filter(Boolean);
  const known = ['read', 'render'] as const;
  const picked = known.filter((s) => scopes.includes(s));
  if (picked.length === 0 || picked.length !== new Set(scopes).size) {
    throw new UsageError(`--scopes takes read, render or read,render, not '${args.scopes ?? ''}'`);
  }
  let rate: ApiKeyEntry['rate'];
  if (args.rate !== undefined) {
    const perSecond = Number(args.rate);
    if (!Number.isFinite(perSecond) || perSecond <= 0 || perSecond > 100_000) {
      throw new UsageError(
        `--rate takes requests per second (0 < N <= 100000), not '${args.rate}'`,
      );
    }
    // A page asks for its images at once: the burst is two seconds' worth.
    rate = { perSecond, burst: Math.max(1, Math.ceil(perSecond * 2)) };
  }
  const keys = await readOrCreateKeysFile(file);
  if (keys.keys.some((k) => k.id === id)) {
    throw new Error(`${file} already has a key '${id}': remove it first to replace it`);
  }
  const made = newApiKey(id);
  const entry: ApiKeyEntry = {
    id,
    sha256: made.sha256,
    scopes: picked,
    ...(rate ? { rate } : {}),
    created: new Date().toISOString(),
  };
  await writeKeysFile(file, { ...keys, keys: [...keys.keys, entry] });
  if (args.json) writeJson(args.out, { id, key: made.token, scopes: picked, rate });
  else args.out.write(`${made.token}\n`);
  args.err.write(
    `API key '${id}' (${picked.join(', ')}) added to ${file}. This is the only time it is ` +
      'shown: the file keeps its SHA-256 only.\n',
  );
  return 0;
}

async function list(args: ApiKeysArgs, file: string): Promise<number> {
  const { keys } = await readKeysFile(file);
  const rows = keys.map(({ id, scopes, rate, created }) => ({ id, scopes, rate, created }));
  if (args.json) {
    writeJson(args.out, rows);
    return 0;
  }
  for (const k of rows) {
    const rate = k.rate ? `${k.rate.perSecond}/s burst ${k.rate.burst}` : 'default rate';
    args.out.write(`${k.id}\t${k.scopes.join(',')}\t${rate}\tcreated ${k.created}\n`);
  }
  if (rows.length === 0) args.err.write(`No API keys in ${file}.\n`);
  return 0;
}

async function signUrl(args: ApiKeysArgs, file: string): Promise<number> {
  const [target] = args.positionals;
  if (!target || !args.key || !args.expires) throw new UsageError(USAGE);
  const absolute = /^https?:\/\//i.test(target) ? new URL(target) : undefined;
  const path = absolute ? `${absolute.pathname}${absolute.search}` : target;
  if (!path.startsWith('/api/v1/')) {
    throw new UsageError(`sign-url signs /api/v1/ paths, not '${target}'`);
  }
  const keys = await readKeysFile(file);
  const key = keys.keys.find((k) => k.id === args.key);
  if (!key) throw new Error(`No API key '${args.key}' in ${file}`);
  const scope = path.startsWith('/api/v1/render/') ? 'render' : 'read';
  if (!key.scopes.includes(scope)) {
    args.err.write(
      `packshot: key '${key.id}' lacks the '${scope}' scope: the URL will be refused\n`,
    );
  }
  let expires: number;
  try {
    expires = parseExpiry(args.expires, Date.now());
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const signed = signPath(path, args.key, expires, keys.signingSecret);
  args.out.write(`${absolute ? absolute.origin : ''}${signed}\n`);
  return 0;
}
