// PLACEHOLDER until the export engine lands (later commits on this branch).
import { PackshotError } from '../../../shared/errors';
import type { exportMethods } from '../../../shared/methods/export-methods';
import type { EngineContext, HandlerGroup } from '../engine-context';

type Names = keyof typeof exportMethods;

export function exportHandlers(_ctx: EngineContext): HandlerGroup<Names> {
  const notYet = (): Promise<never> =>
    Promise.reject(new PackshotError('internal', 'Channel packs are not built yet'));
  const names = Object.keys({
    'presets.list': 0,
    'presets.get': 0,
    'presets.save': 0,
    'presets.copy': 0,
    'presets.delete': 0,
    'renditions.setFocus': 0,
    'renditions.get': 0,
    'renditions.setOverride': 0,
    'renditions.clearOverride': 0,
    'export.check': 0,
    'export.start': 0,
    'export.cancel': 0,
    'export.status': 0,
    'export.wait': 0,
  } satisfies Record<Names, 0>);
  return Object.fromEntries(names.map((n) => [n, notYet])) as unknown as HandlerGroup<Names>;
}
