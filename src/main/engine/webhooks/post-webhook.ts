// One attempt: POST the body to the receiver with a time limit, following no redirect, and
// reading at most a few KB of the answer (a receiver that streams forever costs nothing).
import { signatureHeader } from './sign-payload';

export interface PostRequest {
  url: string;
  secret: string;
  event: string;
  deliveryId: string;
  body: string;
  timeoutMs: number;
  /** Aborted when a closing engine stops waiting: the attempt ends as unanswered. */
  closeWait?: AbortSignal;
}

export interface PostOutcome {
  ok: boolean;
  /** The answer's status, or null when there was none (refused, timed out, bad TLS). */
  status: number | null;
  error: string | null;
}

const BODY_CAP = 4096;
const ERROR_TEXT = 300;

export async function postWebhook(request: PostRequest): Promise<PostOutcome> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.closeWait ? AbortSignal.any([timeout, request.closeWait]) : timeout;
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Packshot-Webhooks/1',
        'x-packshot-event': request.event,
        'x-packshot-delivery': request.deliveryId,
        'x-packshot-signature': signatureHeader(
          request.secret,
          request.body,
          Math.floor(Date.now() / 1000),
        ),
      },
      body: request.body,
    });
    const text = await readCapped(response);
    if (response.status >= 200 && response.status < 300)
      return { ok: true, status: response.status, error: null };
    const redirect = response.status >= 300 && response.status < 400;
    const why = redirect
      ? `redirect to ${response.headers.get('location') ?? '?'} (not followed)`
      : text.trim().slice(0, ERROR_TEXT);
    return {
      ok: false,
      status: response.status,
      error: `HTTP ${response.status}${why ? `: ${why}` : ''}`,
    };
  } catch (error) {
    const closed = request.closeWait?.aborted === true && !timeout.aborted;
    const why = closed ? 'no answer before the engine closed' : describe(error, request.timeoutMs);
    return { ok: false, status: null, error: why };
  }
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < BODY_CAP) {
      const chunk = await reader.read();
      if (chunk.done) break;
      chunks.push(chunk.value);
      size += chunk.value.byteLength;
    }
  } catch {
    // The answer's status is what counts; a body cut short is only less to show.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, BODY_CAP).toString('utf8');
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string }) : null;
  const message = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${message} (${cause.code})` : (cause?.message ?? message);
}
