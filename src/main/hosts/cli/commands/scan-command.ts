import { call, writeJson, type CliContext } from '../cli-context';
import { progressReporter } from '../progress-line';

/** Indexes every catalog to completion: walk, hash, read headers, render thumbnails. */
export async function scanCommand(ctx: CliContext): Promise<void> {
  const started = Date.now();
  const progress = progressReporter(ctx.err);
  const unsubscribe = ctx.engine.subscribe((name, payload) => {
    if (name === 'jobs.progress') progress.update(payload as Parameters<typeof progress.update>[0]);
  });
  try {
    await call(ctx.engine, 'catalogs.scan', {});
    const summary = await call(ctx.engine, 'jobs.wait', {});
    const result = {
      assets: summary.assets,
      errors: summary.errors,
      seconds: (Date.now() - started) / 1000,
      rendered: summary.rendered,
    };
    progress.done();
    if (ctx.flags.json) writeJson(ctx.out, result);
    else
      ctx.out.write(
        `Indexed ${result.assets} assets (${result.errors} errors) in ${result.seconds.toFixed(1)} s\n`,
      );
  } finally {
    unsubscribe();
  }
}
