import {
  isMethodName,
  type Handlers,
  type MethodArgs,
  type MethodName,
  type MethodResult,
} from '../../shared/contract';
import { isDamage } from '../engine';
import type { InvokeOutcome } from '../../shared/bridge';
import { PackshotError, type ErrorPayload } from '../../shared/errors';
import { parseArgs } from '../../shared/parse-args';

/**
 * The one host edge: every host (IPC, HTTP, CLI) calls the engine through here, so every
 * argument is validated against the contract's schema and every error crosses as a code.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawArgs: unknown,
): Promise<InvokeOutcome> {
  try {
    // Own properties only (isMethodName and the handler): `toString`, `__proto__` are unknown.
    if (!isMethodName(method) || !Object.hasOwn(handlers, method)) {
      throw new PackshotError('not_found', `Unknown method: ${method.slice(0, 100)}`);
    }
    const args = parseArgs(method, rawArgs);
    const handler = handlers[method] as (args: unknown) => Promise<unknown>;
    return { ok: true, result: await handler(args) };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof PackshotError) return error.toPayload();
  if (isDamage(error)) {
    // A damaged page met after opening: the library's file is named by `packshot doctor`.
    return {
      code: 'io',
      message: `The library is damaged (${(error as Error).message}): close Packshot and run \`packshot doctor\` to check it and restore a backup or salvage what is readable`,
    };
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { code: 'not_found', message: (error as Error).message };
  if (code === 'EACCES' || code === 'EPERM')
    return { code: 'io', message: (error as Error).message };
  console.error('packshot: internal error:', error);
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** dispatch for in-process callers (the CLI, tests): the result, or the error thrown. */
export async function invoke<M extends MethodName>(
  handlers: Handlers,
  method: M,
  args: MethodArgs<M>,
): Promise<MethodResult<M>> {
  const outcome = await dispatch(handlers, method, args);
  if (!outcome.ok) throw new PackshotError(outcome.error.code, outcome.error.message);
  return outcome.result as MethodResult<M>;
}
