import { PackshotError } from '../../../shared/errors';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';

export function jobHandlers(ctx: EngineContext): HandlerGroup<NamespaceMethods<'jobs'>> {
  const { queue, jobs } = ctx;
  return {
    'jobs.status': () => Promise.resolve(queue.status()),

    'jobs.wait': async () => {
      const started = Date.now();
      await ctx.idle();
      return {
        ...ctx.assets.totals(),
        seconds: (Date.now() - started) / 1000,
        rendered: ctx.cache.writes('thumb'),
      };
    },

    'jobs.list': ({ state, limit }) => Promise.resolve(jobs.list(state ?? null, limit)),
    'jobs.cancel': ({ id }) => Promise.resolve({ cancelled: jobs.cancel(id) }),
    'jobs.retry': ({ id }) => {
      jobs.retry(id);
      const job = jobs.get(id);
      if (!job) throw new PackshotError('not_found', `No job ${id}`);
      return Promise.resolve(job);
    },
  };
}
