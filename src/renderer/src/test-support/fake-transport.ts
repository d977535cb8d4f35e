// A scripted stand-in for the network edge (IPC or HTTP): answers contract calls from
// handlers, records every call, and emits events on demand. The engine itself is tested
// elsewhere; here the renderer's own logic is under test. Arguments go through the contract's
// schemas as at the engine's edge: a refused call answers invalid_argument, as the engine
// would, and fails the test unless the test takes it with takeRefused().
import { afterEach } from 'vitest';
import type {
  EventName,
  EventPayload,
  MethodName,
  MethodResult,
  ParsedArgs,
} from '../../../shared/contract';
import type { ServedKind } from '../../../shared/bridge';
import type { Asset, AssetDetail, AssetMetadata, Catalog } from '../../../shared/dto';
import { PackshotError } from '../../../shared/errors';
import { DEFAULT_INTAKE_RULES } from '../../../shared/intake-dto';
import { parseArgs } from '../../../shared/parse-args';
import type { Transport } from '../transport/transport';
import { makeStatus } from './fake-ai';

/** Handlers see the arguments as the engine's handlers do: parsed, defaults filled in. */
type Handler<M extends MethodName> = (
  args: ParsedArgs<M>,
) => MethodResult<M> | Promise<MethodResult<M>>;

export interface RecordedCall {
  method: MethodName;
  args: unknown;
}

export interface RefusedCall extends RecordedCall {
  message: string;
}

/** Transports made in the running test, checked for refused calls after it. */
const made = new Set<FakeTransport>();

/** Throws (once) when a transport made since the last check holds refused calls nobody took. */
export function checkRefused(): void {
  const refused = [...made].flatMap((t) => t.takeRefused());
  made.clear();
  if (refused.length > 0) {
    const lines = refused.map((r) => `  ${r.message} (sent ${JSON.stringify(r.args)})`);
    throw new Error(`The engine would refuse ${refused.length} call(s):\n${lines.join('\n')}`);
  }
}

afterEach(checkRefused);

export class FakeTransport implements Transport {
  /** Every call as sent (before parsing), refused ones too. */
  readonly calls: RecordedCall[] = [];
  private refused: RefusedCall[] = [];
  private readonly handlers = new Map<MethodName, (args: unknown) => unknown>();
  private readonly listeners = new Set<(name: string, payload: unknown) => void>();
  pickFolder?: () => Promise<string | null>;
  /** Desktop-only capabilities: set them to act as the desktop host. */
  pathForFile?: (file: File) => string;
  startDrag?: (assetId: number) => void;

  constructor() {
    made.add(this);
    // Calls every mounted app makes, answered as an engine with nothing set up would;
    // tests that probe them override these.
    this.handle('collections.list', () => [])
      .handle('jobs.list', () => [])
      // The sidebar's AI section: the bundled models, nothing analysed.
      .handle('analyses.status', () => makeStatus())
      .handle('rights.notices', () => [])
      .handle('assets.browsing', () => ({}))
      .handle('intakeRules.get', () => DEFAULT_INTAKE_RULES)
      .handle('intakeRules.preview', () => ({ tags: [], fields: {}, violation: null }));
  }

  handle<M extends MethodName>(method: M, handler: Handler<M>): this {
    this.handlers.set(method, (args) => handler(args as ParsedArgs<M>));
    return this;
  }

  async invoke(method: MethodName, args: unknown): Promise<unknown> {
    this.calls.push({ method, args });
    let parsed: unknown;
    try {
      parsed = parseArgs(method, args);
    } catch (cause) {
      if (!(cause instanceof PackshotError)) throw cause;
      this.refused.push({ method, args, message: cause.message });
      return { ok: false, error: cause.toPayload() };
    }
    const handler = this.handlers.get(method);
    if (handler === undefined)
      return { ok: false, error: { code: 'internal', message: `no fake for ${method}` } };
    try {
      return { ok: true, result: await handler(parsed) };
    } catch (cause) {
      if (cause instanceof PackshotError) return { ok: false, error: cause.toPayload() };
      throw cause;
    }
  }

  subscribe(listener: (name: string, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of [...this.listeners]) listener(name, payload);
  }

  mediaUrl(kind: ServedKind, hash: string): string {
    return `test-media://${kind}/${hash}`;
  }

  /** The calls the engine would have refused so far; a test that means to send them takes them. */
  takeRefused(): RefusedCall[] {
    const taken = this.refused;
    this.refused = [];
    return taken;
  }

  callsOf(method: MethodName): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
}

/** A deterministic asset for index i (ids start at 1). */
export function makeAsset(i: number, overrides: Partial<Asset> = {}): Asset {
  const name = `img-${String(i).padStart(6, '0')}.jpg`;
  return {
    id: i + 1,
    catalogId: 1,
    path: `/photos/${name}`,
    relPath: name,
    name,
    format: 'jpeg',
    width: 1200,
    height: 800,
    bytes: 1_234_567,
    mtimeMs: 0,
    hash: null,
    state: 'pending',
    error: null,
    thumb: 'pending',
    kind: 'image',
    folder: '',
    orientation: null,
    displayWidth: 1200,
    displayHeight: 800,
    capturedAt: null,
    camera: null,
    keywords: [],
    duplicateOf: null,
    versions: 1,
    placeholder: null,
    notice: null,
    addedAt: '2026-01-01T00:00:00Z',
    rating: 0,
    flag: 'none',
    label: null,
    analysis: null,
    similarGroup: null,
    ...overrides,
  };
}

/** A catalog as the engine lists it: online, watched natively, default ignores. */
export function makeCatalog(id: number, overrides: Partial<Catalog> = {}): Catalog {
  return {
    id,
    path: `/photos/c${id}`,
    name: `c${id}`,
    addedAt: '2026-01-01T00:00:00Z',
    assetCount: 0,
    errorCount: 0,
    online: true,
    watch: 'native',
    ignore: [],
    xmp: 'off',
    xmpNaming: 'adobe',
    ...overrides,
  };
}

/** Metadata with every field absent; override what a test needs. */
export function makeMetadata(overrides: Partial<AssetMetadata> = {}): AssetMetadata {
  return {
    capturedAt: null,
    make: null,
    model: null,
    lens: null,
    exposureTime: null,
    fNumber: null,
    iso: null,
    focalLength: null,
    gps: null,
    orientation: null,
    title: null,
    description: null,
    keywords: [],
    hierarchicalKeywords: [],
    creator: null,
    copyright: null,
    usageTerms: null,
    rightsClaims: null,
    rating: null,
    label: null,
    colorSpace: null,
    iccProfile: null,
    bitDepth: null,
    hasAlpha: null,
    sidecars: [],
    ...overrides,
  };
}

/** `assets.get`'s answer for an asset: no metadata and no history unless given. */
export function makeDetail(
  asset: Asset,
  overrides: Partial<Pick<AssetDetail, 'metadata' | 'history' | 'rightsClaims' | 'facts'>> = {},
): AssetDetail {
  return {
    ...asset,
    keywords: asset.keywords ?? [],
    metadata: null,
    history: [],
    rightsClaims: null,
    facts: null,
    ...overrides,
  };
}

/** Serves `assets.list` over `total` generated assets, like the engine pages them. */
export function serveAssets(
  transport: FakeTransport,
  total: () => number,
  asset: (i: number) => Asset = (i) => makeAsset(i),
): void {
  transport.handle('assets.list', (args) => {
    const offset = args.offset ?? 0;
    const limit = args.limit ?? 500;
    const end = Math.min(total(), offset + limit);
    const items: Asset[] = [];
    for (let i = offset; i < end; i++) items.push(asset(i));
    return { total: total(), offset, items };
  });
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A promise with its resolve handle, to hold a fake reply in flight. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(cause: unknown): void;
} {
  let resolve!: (value: T) => void;
  let reject!: (cause: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
