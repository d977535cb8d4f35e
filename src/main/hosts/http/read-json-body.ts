import type { IncomingMessage } from 'node:http';
import { PackshotError } from '../../../shared/errors';

const MAX_BODY_BYTES = 1024 * 1024;

/** The request's JSON body, at most 1 MiB; an empty body is `{}`. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new PackshotError('invalid_argument', 'Request body over 1 MiB');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PackshotError('invalid_argument', 'Request body is not valid JSON');
  }
}
