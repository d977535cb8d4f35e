// The one place that knows which host we run in. Everything else asks the client for
// capabilities (e.g. `canPickFolder`), never for the host.
import type { PreloadBridge } from '../../../shared/bridge';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { takeSessionToken } from './session-token';
import type { Transport } from './transport';

type MaybeBridged = Window & { packshot?: PreloadBridge };

export function selectTransport(win: MaybeBridged = window): Transport {
  if (win.packshot !== undefined) return createIpcTransport(win.packshot);
  const token = takeSessionToken({
    location: win.location,
    storage: win.sessionStorage,
    history: win.history,
  });
  return createHttpTransport({ token });
}
