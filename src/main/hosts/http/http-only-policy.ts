// What the loopback bridge refuses although the contract allows it: arguments that name files
// on this machine for the engine to read or copy. A browser page never has real paths of
// dropped or chosen files (it sends the bytes instead), so over HTTP such a path could only
// come from something steering the engine at files it should not touch. The desktop host and
// the command line, which do get real paths from the user, are not limited by this.
const PATH_ARGUMENTS: Partial<Record<string, readonly string[]>> = {
  'links.dropFiles': ['paths'],
  'products.import': ['path'],
  'products.importPreview': ['path'],
};

/** A reason to refuse the call over HTTP, or null when it may go on. */
export function refusedOverHttp(method: string, body: unknown): string | null {
  // Own keys only: `toString` or `constructor` must not find Object.prototype's.
  const names = Object.hasOwn(PATH_ARGUMENTS, method) ? PATH_ARGUMENTS[method] : undefined;
  if (!names || typeof body !== 'object' || body === null) return null;
  const given = names.filter((name) => (body as Record<string, unknown>)[name] !== undefined);
  if (given.length === 0) return null;
  return `${method}: ${given.join(', ')} cannot be given over the browser bridge; send the file's bytes instead`;
}
