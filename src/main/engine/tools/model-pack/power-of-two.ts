// Apart from model-stats.ts, so pre-flight can ask it without loading glTF's libraries.
export function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}
