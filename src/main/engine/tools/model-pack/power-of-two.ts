// Apart from model-stats: export's preflight checks texture sizes in the engine's process,
// which should not load gltf-transform for it.
export function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}
