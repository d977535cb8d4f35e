import type { ErrorCode } from '../../../shared/errors';

export function statusFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_argument':
      return 400;
    case 'unauthorized':
      return 401;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'io':
    case 'internal':
      return 500;
  }
}
