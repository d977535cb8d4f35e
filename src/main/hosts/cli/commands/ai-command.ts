// `packshot ai …`: the offline AI from the command line. `ai run` runs the AI job to its
// end in this process (a one-shot command queues it only when asked), with a progress line.
import { AI_TASKS, type AiStatus, type AiTask } from '../../../../shared/ai-dto';
import type { JobInfo } from '../../../../shared/job-dto';
import { call, UsageError, writeJson, type CliContext } from '../cli-context';
import { progressReporter } from '../progress-line';

const USAGE = `usage: packshot ai run [--query Q] [--only objects,faces,text,embedding] [--again] [--json]
       packshot ai status [--json]
       packshot ai accept|reject --query Q [--tag PATH] [--json]
       packshot ai pause | resume | threshold 0.05-0.99`;

export async function aiCommand(ctx: CliContext): Promise<void> {
  const [action, ...rest] = ctx.positionals;
  switch (action) {
    case 'run':
      return run(ctx);
    case 'status':
      return show(ctx, await call(ctx.engine, 'analyses.status', {}));
    case 'accept':
    case 'reject':
      return decide(ctx, action);
    case 'pause':
    case 'resume':
      return show(ctx, await call(ctx.engine, `analyses.${action}`, {}));
    case 'threshold': {
      const threshold = Number(rest[0]);
      if (rest[0] === undefined || !Number.isFinite(threshold)) throw new UsageError(USAGE);
      return show(ctx, await call(ctx.engine, 'analyses.configure', { threshold }));
    }
    default:
      throw new UsageError(USAGE);
  }
}

function onlyTasks(list: string | undefined): AiTask[] | undefined {
  if (list === undefined) return undefined;
  const tasks = list.split(',').map((t) => t.trim());
  for (const t of tasks)
    if (!(AI_TASKS as readonly string[]).includes(t))
      throw new UsageError(`--only takes ${AI_TASKS.join(', ')}, not '${t}'`);
  return tasks as AiTask[];
}

async function run(ctx: CliContext): Promise<void> {
  const only = onlyTasks(ctx.flags.only);
  if ((await call(ctx.engine, 'analyses.status', {})).paused)
    throw new Error('the AI is paused: packshot ai resume');
  const started = Date.now();
  const progress = progressReporter(ctx.err);
  let jobId: number | null = null;
  const unsubscribe = ctx.engine.subscribe((name, payload) => {
    const job = (payload as { job?: JobInfo | null }).job;
    if (name !== 'jobs.changed' || !job || job.id !== jobId) return;
    progress.update({ running: job.state === 'running', errors: 0, ...job.progress });
  });
  // Ctrl-C cancels: what was written stays, the next run goes on from there.
  const cancel = (): void => {
    if (jobId !== null) void call(ctx.engine, 'jobs.cancel', { id: jobId });
  };
  process.once('SIGINT', cancel);
  try {
    ({ jobId } = await call(ctx.engine, 'analyses.run', {
      ...(ctx.flags.query === undefined ? {} : { query: ctx.flags.query }),
      ...(only ? { only } : {}),
      ...(ctx.flags.again ? { again: true } : {}),
    }));
    const summary = await call(ctx.engine, 'analyses.wait', { jobId });
    progress.done();
    if (ctx.flags.json) writeJson(ctx.out, summary);
    else {
      const s = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
      ctx.out.write(
        `Analysed ${s(summary.analysed, 'image')}: ${s(summary.objects, 'object')}, ${s(summary.faces, 'face')}, text in ${s(summary.texts, 'image')}, ${s(summary.errors, 'error')} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
      );
    }
    if (summary.state !== 'done')
      throw new Error(summary.error ?? `the AI job was ${summary.state}`);
  } finally {
    process.off('SIGINT', cancel);
    unsubscribe();
  }
}

async function decide(ctx: CliContext, action: 'accept' | 'reject'): Promise<void> {
  if (ctx.flags.query === undefined)
    throw new UsageError(`say whose suggestions with --query Q (e.g. --query ai:pending)`);
  const args = {
    query: ctx.flags.query,
    ...(ctx.flags.tag === undefined ? {} : { tagPaths: [ctx.flags.tag] }),
  };
  // `--tag Cup` matches nothing: the path is the suggestion's whole one.
  const hint = (decided: number): void => {
    if (decided === 0 && ctx.flags.tag !== undefined && !/^AI\|/i.test(ctx.flags.tag))
      ctx.err.write(
        `packshot: suggested tags are named AI|Object|<Label>: --tag 'AI|Object|${ctx.flags.tag.replace(/\b\w/g, (c) => c.toUpperCase())}'\n`,
      );
  };
  if (action === 'accept') {
    const r = await call(ctx.engine, 'suggestions.accept', args);
    hint(r.accepted);
    if (ctx.flags.json) return writeJson(ctx.out, r);
    ctx.out.write(`Accepted ${r.accepted} suggested tags on ${r.assets} assets (one undo step)\n`);
  } else {
    const r = await call(ctx.engine, 'suggestions.reject', args);
    hint(r.rejected);
    if (ctx.flags.json) return writeJson(ctx.out, r);
    ctx.out.write(`Rejected ${r.rejected} suggested tags on ${r.assets} assets\n`);
  }
}

function show(ctx: CliContext, status: AiStatus): void {
  if (ctx.flags.json) return writeJson(ctx.out, status);
  const lines = [
    `AI: ${status.paused ? 'paused' : 'on'}, threshold ${status.threshold}`,
    `Analysed ${status.analysed} assets; ${status.pending} to do${status.jobId === null ? '' : ` (job ${status.jobId})`}`,
    ...status.models.map(
      (m) =>
        `  ${m.task.padEnd(9)} ${m.available ? 'ready' : 'not available'}  ${m.name} (${m.licence})${m.reason ? `: ${m.reason}` : ''}`,
    ),
  ];
  ctx.out.write(`${lines.join('\n')}\n`);
}
