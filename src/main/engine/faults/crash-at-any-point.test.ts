// Crash at any point: a real `packshot` process is killed (SIGKILL, from a named fault
// point inside the engine) during scan, tagging, linking, product import, XMP write-back
// and export; then the command runs again and the library is opened as the app opens it.
// After the kill and after that recovery: no asset indexed without its keywords, no edit
// half applied, originals untouched, sidecars and pack files whole, no temporary file
// left, no job left live. `npm test` runs the points listed in each scenario's `quick`;
// scripts/fault-injection.mjs runs every point × every hit (and timed kills) through this
// same file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAndRecover, countHits } from '../../test-support/crash-run';
import { SCENARIOS } from '../../test-support/crash-scenarios';
import { createWorld, type World } from '../../test-support/crash-world';

const wide = process.env.PACKSHOT_FAULTS === 'wide';
const only = process.env.PACKSHOT_FAULTS_SCENARIO;
const maxHits = Number(process.env.PACKSHOT_FAULTS_MAX_HITS || Infinity);
const timed = Number(process.env.PACKSHOT_FAULTS_TIMED ?? 0);

let world: World;
beforeAll(async () => {
  world = await createWorld();
}, 240_000);
afterAll(async () => {
  await world.dispose();
});

const scenarios = SCENARIOS.filter((s) => !only || s.name === only);

// One of the two suites is declared, not the other skipped: nothing here is skipped silently.
if (!wide)
  describe('a process killed at a fault point, then run again', () => {
    for (const scenario of scenarios)
      for (const fault of scenario.quick)
        it(`${scenario.name}, killed at ${fault}`, async () => {
          const outcome = await killAndRecover(world, scenario, { fault });
          expect(outcome.killed, `${fault} was never reached`).toBe(true);
          expect(outcome.problems).toEqual([]);
        }, 180_000);
  });

if (wide)
  describe('every fault point × every hit (release check)', () => {
    for (const scenario of scenarios)
      it(
        `${scenario.name}`,
        async () => {
          const { hits, ms } = await countHits(world, scenario);
          const failures: string[] = [];
          const report = (label: string, problems: string[]): void => {
            console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${scenario.name} ${label}`);
            for (const p of problems) console.log(`       ${p}`);
            failures.push(...problems.map((p) => `${label}: ${p}`));
          };
          for (const [point, n] of [...hits].sort()) {
            for (let hit = 1; hit <= Math.min(n, maxHits); hit++) {
              const fault = `${point}:${hit}`;
              const outcome = await killAndRecover(world, scenario, { fault });
              // Parallel work can reach a point fewer times than the counting run did.
              report(`${fault}${outcome.killed ? '' : ' (not reached)'}`, outcome.problems);
            }
          }
          for (let i = 0; i < timed; i++) {
            const after = Math.round(Math.random() * ms);
            const outcome = await killAndRecover(world, scenario, { ms: after });
            report(
              `timed ${after} ms${outcome.killed ? '' : ' (finished first)'}`,
              outcome.problems,
            );
          }
          expect(failures).toEqual([]);
        },
        24 * 3600_000,
      );
  });
