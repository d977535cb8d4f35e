// FOUNDATION PLACEHOLDER (H2 replaces this file): answers every method with an error.
import { methodNames } from '../../../shared/contract';
import { PackshotError } from '../../../shared/errors';
import type { HandlerGroup, NamespaceMethods } from './engine-context';

type Names = NamespaceMethods<'faceGroups'>;

export function faceGroupHandlers(): HandlerGroup<Names> {
  const out: Record<string, () => Promise<never>> = {};
  for (const name of methodNames)
    if (/^(faceGroups)\./.test(name))
      out[name] = () => Promise.reject(new PackshotError('internal', `${name} is not built yet`));
  return out as unknown as HandlerGroup<Names>;
}
