import type { jobMethods } from '../../../shared/methods/job-methods';
import type { EngineContext, HandlerGroup } from './engine-context';

export function jobHandlers(ctx: EngineContext): HandlerGroup<keyof typeof jobMethods> {
  const { queue } = ctx;
  return {
    'thumbs.prioritize': ({ ids }) => Promise.resolve({ moved: queue.prioritize(ids) }),

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
  };
}
