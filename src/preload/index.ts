// Exposes the contract's invoke and events to the page, and nothing else: no logic here.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { IPC, type InvokeOutcome, type PreloadBridge } from '../shared/bridge';

const bridge: PreloadBridge = {
  invoke: (method, args) => ipcRenderer.invoke(IPC.invoke, method, args) as Promise<InvokeOutcome>,
  onEvent: (listener) => {
    const handler = (_event: IpcRendererEvent, name: string, payload: unknown): void =>
      listener(name, payload);
    ipcRenderer.on(IPC.event, handler);
    return () => {
      ipcRenderer.removeListener(IPC.event, handler);
    };
  },
  pickFolder: () => ipcRenderer.invoke(IPC.pickFolder) as Promise<string | null>,
  pathForFile: (file) => webUtils.getPathForFile(file),
  startDrag: (assetId) => void ipcRenderer.invoke(IPC.startDrag, assetId),
};

contextBridge.exposeInMainWorld('packshot', bridge);
