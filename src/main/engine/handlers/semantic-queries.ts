// `~"…"` needs its text embedded (async, the CLIP text encoder) and `~"…"` and `like:`
// their ranking made before the synchronous search compile runs. Rather than each handler
// that takes a query doing it, every handler is wrapped once: a `query` string anywhere in
// its arguments (assets.list, tags.applyQuery, exports' selection…) with a '~' or 'like:'
// is prepared first, and so are smart collections' saved queries when a collection is
// listed or counted. Other calls pass straight through.
import type { Handlers } from '../../../shared/contract';
import { mayRank, type SemanticSearch } from '../ai/semantic-search';
import type { CollectionRepo } from '../repositories/collection-repo';

export function withSemanticQueries(
  handlers: Handlers,
  semantic: SemanticSearch,
  collections: CollectionRepo,
): Handlers {
  const wrapped: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const [name, handler] of Object.entries(handlers) as [
    string,
    (args: unknown) => Promise<unknown>,
  ][]) {
    wrapped[name] = async (args) => {
      const texts = queryTexts(args, 0);
      if (texts.length > 0) await semantic.beforeSearch(texts);
      if (name.startsWith('collections.') || hasCollection(args)) {
        const saved = collections
          .rows()
          .flatMap((r) => (r.query && mayRank(r.query) ? [r.query] : []));
        // A saved query that cannot run now (no model) fails where it is used, not here:
        // the collection counts none, listing it says why.
        for (const text of saved) await semantic.beforeSearch([text]).catch(() => undefined);
      }
      return handler(args);
    };
  }
  return wrapped as unknown as Handlers;
}

/**
 * `query` strings holding a '~', at most three objects deep. Arrays are not walked: they
 * hold ids (tags.apply takes 200,000), never a query, and every call passes through here.
 */
function queryTexts(args: unknown, depth: number): string[] {
  if (typeof args !== 'object' || args === null || depth > 3) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(args)) {
    if (key === 'query' && typeof value === 'string' && mayRank(value)) found.push(value);
    else if (typeof value === 'object' && !Array.isArray(value))
      found.push(...queryTexts(value, depth + 1));
  }
  return found;
}

function hasCollection(args: unknown): boolean {
  return typeof args === 'object' && args !== null && 'collectionId' in args;
}
