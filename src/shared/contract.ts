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
 * plural noun: assets.list, catalogs.add), built on first use (methods/lazy-methods.ts);
 * this maps each namespace to its file's map.
 */
const namespaces = {
  analyses: analysesMethods,
  approvals: approvalsMethods,
  assets: assetsMethods,
  auditEntries: auditEntriesMethods,
  bursts: burstsMethods,
  catalogs: catalogsMethods,
  collections: collectionsMethods,
  edits: editsMethods,
  exports: exportsMethods,
  faceGroups: faceGroupsMethods,
  folders: foldersMethods,
  intakeRules: intakeRulesMethods,
  jobs: jobsMethods,
  libraries: librariesMethods,
  licences: licencesMethods,
  linkSuggestions: linkSuggestionsMethods,
  links: linksMethods,
  presets: presetsMethods,
  previews: previewsMethods,
  products: productsMethods,
  releases: releasesMethods,
  renditions: renditionsMethods,
  rights: rightsMethods,
  rules: rulesMethods,
  spins: spinsMethods,
  suggestions: suggestionsMethods,
  tags: tagsMethods,
  takedowns: takedownsMethods,
  uploads: uploadsMethods,
  versions: versionsMethods,
  usages: usagesMethods,
  webhooks: webhooksMethods,
};

type Built = { [N in keyof typeof namespaces]: ReturnType<(typeof namespaces)[N]> };
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
/** The whole map: method name → its argument schema and result type. */
export type Methods = Intersection<Built[keyof Built]>;
export type MethodName = keyof Methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = Methods[M]['result'];

/** What the engine implements: one async handler per method, on parsed arguments. */
export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>) => Promise<MethodResult<M>>;
};

/** The namespace's map a method name belongs to (built now), or undefined. */
function namespaceOf(name: string): Record<string, unknown> | undefined {
  const ns = name.slice(0, Math.max(0, name.indexOf('.')));
  return Object.hasOwn(namespaces, ns) ? namespaces[ns as keyof Built]() : undefined;
}

/** One method's argument schema and result type; builds only its namespace's schemas. */
export function methodSpec<M extends MethodName>(method: M): Methods[M] {
  return (namespaceOf(method) as Methods)[method];
}

export function isMethodName(name: string): name is MethodName {
  const map = namespaceOf(name);
  return map !== undefined && Object.hasOwn(map, name);
}

/** Every method's spec (builds every schema: for tests and listings, not per call). */
export function allMethods(): Methods {
  return Object.assign({}, ...Object.values(namespaces).map((build) => build())) as Methods;
}

export function methodNames(): MethodName[] {
  return Object.keys(allMethods()) as MethodName[];
}
