// The one contract: every engine method (name → arguments → result) and every event
// (name → payload). Hosts derive routes, IPC handlers and CLI calls from these maps;
// argument schemas are enforced at every host edge.
import type { z } from 'zod';
import { analysesMethods } from './methods/analyses-methods';
import { approvalsMethods } from './methods/approvals-methods';
import { assetsMethods } from './methods/assets-methods';
import { auditEntriesMethods } from './methods/audit-entries-methods';
import { burstsMethods } from './methods/bursts-methods';
import { catalogsMethods } from './methods/catalogs-methods';
import { collectionsMethods } from './methods/collections-methods';
import { editsMethods } from './methods/edits-methods';
import { exportsMethods } from './methods/exports-methods';
import { faceGroupsMethods } from './methods/face-groups-methods';
import { foldersMethods } from './methods/folders-methods';
import { intakeRulesMethods } from './methods/intake-rules-methods';
import { jobsMethods } from './methods/jobs-methods';
import { librariesMethods } from './methods/libraries-methods';
import { licencesMethods } from './methods/licences-methods';
import { linkSuggestionsMethods } from './methods/link-suggestions-methods';
import { linksMethods } from './methods/links-methods';
import { presetsMethods } from './methods/presets-methods';
import { previewsMethods } from './methods/previews-methods';
import { productsMethods } from './methods/products-methods';
import { releasesMethods } from './methods/releases-methods';
import { renditionsMethods } from './methods/renditions-methods';
import { rightsMethods } from './methods/rights-methods';
import { rulesMethods } from './methods/rules-methods';
import { spinsMethods } from './methods/spins-methods';
import { suggestionsMethods } from './methods/suggestions-methods';
import { tagsMethods } from './methods/tags-methods';
import { takedownsMethods } from './methods/takedowns-methods';
import { uploadsMethods } from './methods/uploads-methods';
import { versionsMethods } from './methods/versions-methods';
import { usagesMethods } from './methods/usages-methods';
import { webhooksMethods } from './methods/webhooks-methods';

export { eventNames, events, type EventName, type EventPayload, type Events } from './events';

/**
 * Each namespace declares its methods in its own file, methods/<namespace>-methods.ts (a
 * plural noun: assets.list, catalogs.add); this is the whole map.
 */
export const methods = {
  ...analysesMethods,
  ...approvalsMethods,
  ...assetsMethods,
  ...auditEntriesMethods,
  ...burstsMethods,
  ...catalogsMethods,
  ...collectionsMethods,
  ...editsMethods,
  ...exportsMethods,
  ...faceGroupsMethods,
  ...foldersMethods,
  ...intakeRulesMethods,
  ...jobsMethods,
  ...librariesMethods,
  ...licencesMethods,
  ...linkSuggestionsMethods,
  ...linksMethods,
  ...presetsMethods,
  ...previewsMethods,
  ...productsMethods,
  ...releasesMethods,
  ...renditionsMethods,
  ...rightsMethods,
  ...rulesMethods,
  ...spinsMethods,
  ...suggestionsMethods,
  ...tagsMethods,
  ...takedownsMethods,
  ...uploadsMethods,
  ...versionsMethods,
  ...usagesMethods,
  ...webhooksMethods,
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
