import type { JobInfo } from '../../../../shared/job-dto';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';

/** `jobs [--json]`: the data folder's durable jobs, whichever process runs them. */
export async function jobsCommand(ctx: CliContext): Promise<void> {
  if (ctx.positionals.length > 0) throw new UsageError('usage: packshot jobs [--json]');
  const jobs = await call(ctx.engine, 'jobs.list', { limit: 200 });
  if (ctx.flags.json) return writeJson(ctx.out, jobs);
  if (jobs.length === 0) ctx.out.write('No jobs.\n');
  for (const job of jobs) ctx.out.write(`${line(job)}\n`);
}

function line(job: JobInfo): string {
  const { done, total, rate, etaSeconds } = job.progress;
  const parts = [String(job.id), job.state.padEnd(9), job.label];
  if (total > 0) parts.push(`${done}/${total}`);
  if (job.state === 'running' && rate > 0) parts.push(`${rate}/s`);
  if (etaSeconds !== null) parts.push(`${etaSeconds} s left`);
  // This command's own process holds nothing worth naming; another one does.
  if (job.owner === 'other' && job.ownerPid !== null) parts.push(`(process ${job.ownerPid})`);
  if (job.error) parts.push(`: ${job.error}`);
  return parts.join('  ');
}
