// @google/model-viewer (Apache-2.0, three.js inside, ~1 MB) is loaded when a model is
// first opened, so the app's first paint does not carry it; vite splits it into its own
// chunk. Tests replace this module (jsdom has no WebGL).
let loading: Promise<unknown> | null = null;

export function loadModelViewer(): Promise<unknown> {
  loading ??= import('@google/model-viewer').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
