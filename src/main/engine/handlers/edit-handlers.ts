import type { TravelResult } from '../edit/edit-log';
import type { EngineContext, HandlerGroup, NamespaceMethods } from './engine-context';
import { strip } from './engine-context';

/** Undo, redo and the state of the history: each step's kinds say what views refetch. */
export function editHandlers(ctx: EngineContext): HandlerGroup<NamespaceMethods<'edits'>> {
  const travelled = (result: TravelResult) => {
    if (result.step !== null) for (const signal of result.signals) ctx.bus.emit(signal, {});
    return Promise.resolve(strip(ctx.edited(result, false)));
  };
  return {
    'edits.undo': () => travelled(ctx.edits.undo()),
    'edits.redo': () => travelled(ctx.edits.redo()),
    'edits.state': () => Promise.resolve(ctx.edits.state()),
  };
}
