import type { MethodArgs, MethodName, MethodResult } from '../../../shared/contract';
import type { Engine } from '../../engine';
import { invoke } from '../dispatch';
import type { RightsFlags } from './rights-flags';

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

export interface CliContext {
  engine: Engine;
  positionals: string[];
  flags: {
    json: boolean;
    port: number | undefined;
    query: string | undefined;
    xmp: string | undefined;
    /** products import: column mapping as JSON. */
    map: string | undefined;
    /** link rules apply: one regular expression instead of the configured rules. */
    rule: string | undefined;
    /** spins create: the new spin's name. */
    name: string | undefined;
    dryRun: boolean;
    /** export / check: channel preset ids, comma-separated. */
    channel: string | undefined;
    /** export: the pack's folder. */
    out: string | undefined;
    /** catalog rules: a JSON file of intake rules to set. */
    set: string | undefined;
    /** catalog rules: apply the rules to the files already indexed. */
    apply: boolean;
    /** export: what to do with images that fail pre-flight (skip | warn). */
    failures: string | undefined;
    /** export: prefix of 'Image Src' in the Shopify CSV. */
    baseUrl: string | undefined;
    /** takedown: licences ending within this many days. */
    days: string | undefined;
    /** takedown: write the list to this CSV file. */
    csv: string | undefined;
    /** takedown --csv: replace an existing file. */
    force: boolean;
    /** audit: entries from this date on. */
    since: string | undefined;
    /** audit: only entries after this row id. */
    afterId: string | undefined;
    /** webhooks add: the events, comma-separated. */
    events: string | undefined;
    /** ai run: the tasks, comma-separated. */
    only: string | undefined;
    /** ai run: analyse again what is current. */
    again: boolean;
    /** ai accept / reject: this suggested tag path only. */
    tag: string | undefined;
    /** rights, release, approval; export / check --approved-only. */
    rights: RightsFlags;
    /** serve: the address to listen on (another than loopback needs apiKeys). */
    host: string | undefined;
    /** serve: the API keys file; serves /api/v1/ to keys (LAN mode). */
    apiKeys: string | undefined;
  };
  /** The built UI, served in browser mode. */
  rendererDir: string;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Calls the engine through the same validating edge as the IPC and HTTP hosts. */
export function call<M extends MethodName>(
  engine: Engine,
  method: M,
  args: MethodArgs<M>,
): Promise<MethodResult<M>> {
  return invoke(engine.handlers, method, args);
}

export function writeJson(out: NodeJS.WritableStream, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}
