// The API keys file: which keys may call `/api/v1/`, with what scopes and rate, and the one
// secret signed URLs are made with. It holds each key's SHA-256, never the key itself, so a
// copy of the file cannot call the API (it can still sign URLs: keep it 0600).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

/** A key's name: lower-case letters, digits and '-', so `psk_<id>_<secret>` splits one way. */
const KEY_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** `psk_<id>_<256 random bits, base64url>`. */
/** The session's own name in principals: no key may take it. */
const RESERVED_ID = 'session';
const KEY_TOKEN = /^psk_([a-z0-9][a-z0-9-]{0,39})_[A-Za-z0-9_-]{43}$/;

const rateSchema = z.strictObject({
  /** Tokens added per second. */
  perSecond: z.number().positive().max(100_000),
  /** Most requests in one burst. */
  burst: z.number().int().min(1).max(1_000_000),
});

const keySchema = z.strictObject({
  id: z
    .string()
    .regex(KEY_ID, 'lower-case letters, digits and "-", at most 40')
    .refine((id) => id !== RESERVED_ID, `'${RESERVED_ID}' is reserved`),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 hex digits'),
  scopes: z
    .array(z.enum(['read', 'render']))
    .min(1)
    .refine((s) => new Set(s).size === s.length, 'a scope is listed twice'),
  rate: rateSchema.optional(),
  created: z.iso.datetime(),
});

const keysFileSchema = z
  .strictObject({
    version: z.literal(1),
    signingSecret: z.string().regex(/^[A-Za-z0-9_-]{43}$/, '32 bytes, base64url'),
    keys: z.array(keySchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.keys.forEach((key, i) => {
      if (seen.has(key.id))
        ctx.addIssue({ code: 'custom', path: ['keys', i, 'id'], message: 'id used twice' });
      seen.add(key.id);
    });
  });

export type KeyRate = z.infer<typeof rateSchema>;
export type ApiKeyEntry = z.infer<typeof keySchema>;
export type KeysFile = z.infer<typeof keysFileSchema>;

export function isKeyId(id: string): boolean {
  return KEY_ID.test(id) && id !== RESERVED_ID;
}

export function hashKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh key for `id`: the token to hand out once, and its hash to store. */
export function newApiKey(id: string): { token: string; sha256: string } {
  const token = `psk_${id}_${randomBytes(32).toString('base64url')}`;
  return { token, sha256: hashKey(token) };
}

export function emptyKeysFile(): KeysFile {
  return { version: 1, signingSecret: randomBytes(32).toString('base64url'), keys: [] };
}

const DUMMY_HASH = Buffer.alloc(32);

/** The entry `token` is the key of, else undefined; the hashes are compared in constant time. */
export function findKey(file: KeysFile, token: string): ApiKeyEntry | undefined {
  const id = KEY_TOKEN.exec(token)?.[1];
  const entry = id === undefined ? undefined : file.keys.find((k) => k.id === id);
  const given = createHash('sha256').update(token).digest();
  // An unknown id still costs one comparison, so timing says nothing of which ids exist.
  const stored = entry ? Buffer.from(entry.sha256, 'hex') : DUMMY_HASH;
  return timingSafeEqual(given, stored) && entry ? entry : undefined;
}

/** Parses a keys file's text; the error names the file and the bad entry. */
export function parseKeysFile(text: string, path: string): KeysFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`API keys file ${path}: not JSON (${(error as Error).message})`);
  }
  const parsed = keysFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `API keys file ${path}: ${where(raw, issue?.path ?? [])}${issue?.message ?? 'invalid'}`,
  );
}

/** `keys[2] (id "shop") scopes.0: ` for a path into the file. */
function where(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  const [head, index, ...rest] = path;
  if (head === 'keys' && typeof index === 'number') {
    const keys = (raw as { keys?: unknown[] }).keys;
    const id = (keys?.[index] as { id?: unknown } | undefined)?.id;
    const named = typeof id === 'string' ? ` (id ${JSON.stringify(id.slice(0, 60))})` : '';
    return `keys[${index}]${named}${rest.length ? ` ${rest.map(String).join('.')}` : ''}: `;
  }
  return `${path.map(String).join('.')}: `;
}

export async function readKeysFile(path: string): Promise<KeysFile> {
  return parseKeysFile(await readFile(path, 'utf8'), path);
}

/** The file as it is, or a new empty one (with a fresh signing secret) when there is none. */
export async function readOrCreateKeysFile(path: string): Promise<KeysFile> {
  try {
    return await readKeysFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyKeysFile();
    throw error;
  }
}

/**
 * Writes the whole file atomically: a 0600 temporary file beside it, flushed, then renamed
 * over it, so a reader (a running `serve`) sees the old file or the new one, never half.
 */
export async function writeKeysFile(path: string, file: KeysFile): Promise<void> {
  const checked = keysFileSchema.parse(file);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(checked, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
