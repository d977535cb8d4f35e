// Desktop app: calls go through the preload bridge (`window.packshot`), media through the
// app's custom protocol.
import { MEDIA_SCHEME, mediaPath, type PreloadBridge } from '../../../shared/bridge';
import type { Transport } from './transport';

export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (method, args) => bridge.invoke(method, args),
    subscribe: (listener) => bridge.onEvent(listener),
    mediaUrl: (kind, hash) => `${MEDIA_SCHEME}://${mediaPath(kind, hash)}`,
    pickFolder: () => bridge.pickFolder(),
    pathForFile: (file) => bridge.pathForFile(file),
    startDrag: (assetId) => bridge.startDrag(assetId),
  };
}
