// The library itself: its data folder and the engine's version.
import type { AppInfo } from '../dto';
import { type } from '../phantom-type';
import { empty } from './schema-parts';
import { lazyMethods } from './lazy-methods';

export const librariesMethods = lazyMethods(() => ({
  'libraries.info': { args: empty, result: type<AppInfo>() },
}));
