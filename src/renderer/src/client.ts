// The typed client every store talks through: contract method names in, contract result
// types out, failures as PackshotError. Host-agnostic: it only knows a Transport.
import { pageRequestKey } from '../../shared/bridge';
import type { MethodArgs, MethodName, MethodResult } from '../../shared/contract';
import { eventNames, type EventName, type EventPayload } from '../../shared/events';
import { isErrorPayload, PackshotError } from '../../shared/errors';
import type { Transport } from './transport/transport';

const knownEvents: ReadonlySet<string> = new Set(eventNames);

export class Client {
  constructor(private readonly transport: Transport) {}

  /** Whether the host can show a native folder picker (desktop app). */
  get canPickFolder(): boolean {
    return this.transport.pickFolder !== undefined;
  }

  /** Whether files dropped from the OS file manager can be linked (they carry a path). */
  get canDropFiles(): boolean {
    return this.transport.pathForFile !== undefined;
  }

  /** Whether a linked asset can be dragged out of the window into another app. */
  get canDragOut(): boolean {
    return this.transport.startDrag !== undefined;
  }

  /** Paths of dropped OS files; files without one (e.g. from a browser page) are left out. */
  pathsOfFiles(files: readonly File[]): string[] {
    const pathForFile = this.transport.pathForFile;
    if (pathForFile === undefined) return [];
    return files.map((file) => pathForFile(file)).filter((path) => path !== '');
  }

  /** Hands the OS drag of an asset's file to the host; the host resolves the file. */
  startDragOut(assetId: number): void {
    this.transport.startDrag?.(assetId);
  }

  async call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
    let outcome: unknown;
    try {
      outcome = await this.transport.invoke(method, args);
    } catch (cause) {
      throw toPackshotError(cause);
    }
    return unwrap(method, outcome) as MethodResult<M>;
  }

  /** Listens to one engine event; returns the unsubscribe function. */
  on<E extends EventName>(name: E, fn: (payload: EventPayload<E>) => void): () => void {
    return this.transport.subscribe((eventName, payload) => {
      // The engine is trusted for payload shapes (as for results); names are checked.
      if (eventName === name && knownEvents.has(eventName)) fn(payload as EventPayload<E>);
    });
  }

  /** Null when cancelled or when the host has no picker. */
  async pickFolder(): Promise<string | null> {
    if (this.transport.pickFolder === undefined) return null;
    try {
      return await this.transport.pickFolder();
    } catch (cause) {
      throw toPackshotError(cause);
    }
  }

  thumbUrl(hash: string): string {
    return this.transport.mediaUrl('thumb', hash);
  }

  /** The ~2048 px loupe preview, once `previews.ensure` has named its hash. */
  previewUrl(hash: string): string {
    return this.transport.mediaUrl('preview', hash);
  }

  /** A document's page (1-based) painted `width` pixels wide, on first request. */
  pageUrl(hash: string, page: number, width: number): string {
    return this.transport.mediaUrl('page', pageRequestKey({ hash, page, width }));
  }

  /** A video's hover scrub sprite (SCRUB_FRAMES frames side by side), made on first ask. */
  stripUrl(hash: string): string {
    return this.transport.mediaUrl('strip', hash);
  }

  /** A registered video's own file, for the loupe's player (served with byte ranges). */
  videoUrl(hash: string): string {
    return this.transport.mediaUrl('video', hash);
  }

  /** A glTF/GLB model as one GLB for the loupe's 3D viewer (packed by the engine if need be). */
  modelUrl(hash: string): string {
    return this.transport.mediaUrl('model', hash);
  }

  /** The loupe preview on pure white, by the key previews.whiteBackground named. */
  whiteBgUrl(key: string): string {
    return this.transport.mediaUrl('whitebg', key);
  }

  /** A version comparison's pixel difference, by the key versions.compare named. */
  diffUrl(key: string): string {
    return this.transport.mediaUrl('diff', key);
  }
}

/** Reads the `{ok,result}` / `{ok,error}` envelope; anything else is an engine bug. */
function unwrap(method: MethodName, outcome: unknown): unknown {
  if (typeof outcome === 'object' && outcome !== null && 'ok' in outcome) {
    if (outcome.ok === true && 'result' in outcome) return outcome.result;
    if (outcome.ok === false && 'error' in outcome && isErrorPayload(outcome.error)) {
      throw new PackshotError(outcome.error.code, outcome.error.message);
    }
  }
  throw new PackshotError('internal', `Unexpected reply from the engine to ${method}`);
}

export function toPackshotError(cause: unknown): PackshotError {
  if (cause instanceof PackshotError) return cause;
  if (isErrorPayload(cause)) return new PackshotError(cause.code, cause.message);
  // Transports turn unreachable hosts into PackshotError('io'); anything else is a bug.
  const message = cause instanceof Error ? cause.message : String(cause);
  return new PackshotError('internal', message);
}
