// Arguments against the contract's schema: the engine's host edge (src/main/hosts/dispatch.ts)
// and the renderer's fake transport both parse through here, so a renderer test cannot send
// what the engine would refuse.
import type { z } from 'zod';
import { methodSpec, type MethodName, type ParsedArgs } from './contract';
import { PackshotError } from './errors';

/** The parsed arguments, or a PackshotError('invalid_argument') naming the first issues. */
export function parseArgs<M extends MethodName>(method: M, rawArgs: unknown): ParsedArgs<M> {
  const parsed = methodSpec(method).args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    throw new PackshotError('invalid_argument', `${method}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data as ParsedArgs<M>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
    .join('; ');
}
