// The one contract: every engine method (name → arguments → result) and every event
// (name → payload). Hosts derive routes, IPC handlers and CLI calls from these maps;
// argument schemas are enforced at every host edge.
import type { z } from 'zod';
import { assetMethods } from './methods/asset-methods';
import { catalogMethods } from './methods/catalog-methods';
import { editMethods } from './methods/edit-methods';
import { exportMethods } from './methods/export-methods';
import { collectionMethods } from './methods/collection-methods';
import { intakeMethods } from './methods/intake-methods';
import { jobMethods } from './methods/job-methods';
import { productMethods } from './methods/product-methods';
import { tagMethods } from './methods/tag-methods';

export { eventNames, events, type EventName, type EventPayload, type Events } from './events';

/** Each domain declares its methods in its own file under methods/; this is the whole map. */
export const methods = {
  ...catalogMethods,
  ...assetMethods,
  ...tagMethods,
  ...editMethods,
  ...jobMethods,
  ...productMethods,
  ...exportMethods,
  ...intakeMethods,
  ...collectionMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = Methods[M]['result'];

/** What the engine implements: one async handler per method, on parsed arguments. */
export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>) => Promise<MethodResult<M>>;
};

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
