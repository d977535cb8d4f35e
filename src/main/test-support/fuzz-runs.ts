// How many cases a property-based test tries: modest by default so the unit suite stays
// quick; FUZZ_RUNS=20000 (or any number) for release checks, FUZZ_SEED to replay a failure.
export function fuzzRuns(base: number): { numRuns: number; seed?: number } {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : base,
    ...(Number.isInteger(seed) ? { seed } : {}),
  };
}
