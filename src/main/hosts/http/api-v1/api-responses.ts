import type { ServerResponse } from 'node:http';

/** The one error body of `/api/v1/`: `{ "error": { "code", "message" } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; reasons?: readonly unknown[] };
}

export function sendApiJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendApiError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Omit<ApiErrorBody['error'], 'code' | 'message'> = {},
): void {
  sendApiJson(res, status, { error: { code, message, ...extra } } satisfies ApiErrorBody);
}
