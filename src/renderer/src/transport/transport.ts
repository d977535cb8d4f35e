// The renderer's only way to the engine. One implementation per host (Electron IPC, HTTP
// bridge), chosen once at start-up; everything above it is host-agnostic.
import type { ServedKind } from '../../../shared/bridge';
import type { MethodName } from '../../../shared/contract';

export type { ServedKind };

export interface Transport {
  /**
   * Sends one contract call. Resolves with the host's outcome envelope, unchecked
   * (`{ok:true,result}` or `{ok:false,error}`); the client validates it. Rejects only
   * when the host cannot be reached at all.
   */
  invoke(method: MethodName, args: unknown): Promise<unknown>;
  /** Receives every engine event; returns the unsubscribe function. */
  subscribe(listener: (name: string, payload: unknown) => void): () => void;
  /** URL an <img> can load for cached media (allowed by the page's CSP). */
  mediaUrl(kind: ServedKind, hash: string): string;
  /** Present only where the host has a native folder picker. */
  pickFolder?: () => Promise<string | null>;
  /** Present only where files dropped from the OS carry a path (desktop app). */
  pathForFile?: (file: File) => string;
  /** Present only where an asset can be dragged out to another app (desktop app). */
  startDrag?: (assetId: number) => void;
}
