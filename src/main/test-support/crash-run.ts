// One crash case: restore the stage, run the command until it is killed (at a named point,
// or after some milliseconds), check, recover (the command again, then the library opened
// as the app opens it, which resumes dead processes' jobs), check again.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { libraryFacts } from './crash-checks';
import { allChecks, type Scenario } from './crash-scenarios';
import { openAndSettle, runKilledAfter, runWithFault, type World } from './crash-world';

export interface CaseOutcome {
  /** The process died by SIGKILL (the point was reached, or the timer fired in time). */
  killed: boolean;
  problems: string[];
}

export async function killAndRecover(
  world: World,
  scenario: Scenario,
  kill: { fault: string } | { ms: number },
): Promise<CaseOutcome> {
  await world.restore(scenario.stage);
  scenario.prepare?.(world);
  const before = libraryFacts(world);
  const fault = 'fault' in kill ? kill.fault : null;
  const args = scenario.args(world);
  const run =
    'fault' in kill
      ? runWithFault(world, args, kill.fault)
      : await runKilledAfter(world, args, kill.ms);
  const killed = run.signal === 'SIGKILL';
  const problems: string[] = [];
  if (!killed && run.status !== 0) problems.push(`the command failed: ${run.stderr.trim()}`);
  const afterKill = await allChecks(scenario, {
    world,
    before,
    facts: libraryFacts(world),
    recovered: false,
    fault,
  });
  problems.push(...afterKill.map((p) => `after the kill: ${p}`));

  const rerun = world.run(args);
  if (rerun.status !== 0) problems.push(`the rerun failed: ${rerun.stderr.trim()}`);
  await openAndSettle(world);
  const recovered = await allChecks(scenario, {
    world,
    before,
    facts: libraryFacts(world),
    recovered: true,
    fault,
  });
  problems.push(...recovered.map((p) => `after recovery: ${p}`));
  return { killed, problems };
}

/** How often a clean run reaches each point, and how long it takes. */
export async function countHits(
  world: World,
  scenario: Scenario,
): Promise<{ hits: Map<string, number>; ms: number }> {
  await world.restore(scenario.stage);
  scenario.prepare?.(world);
  const file = join(world.root, 'hits.ndjson');
  await rm(file, { force: true });
  const started = Date.now();
  const run = runWithFault(world, scenario.args(world), `count:${file}`);
  const ms = Date.now() - started;
  if (run.status !== 0) throw new Error(`${scenario.name}: ${run.stderr}`);
  const hits = new Map<string, number>();
  for (const line of (await readFile(file, 'utf8')).split('\n').filter(Boolean))
    for (const [point, n] of Object.entries(JSON.parse(line) as Record<string, number>))
      hits.set(point, (hits.get(point) ?? 0) + n);
  return { hits, ms };
}
