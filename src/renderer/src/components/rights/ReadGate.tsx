// What a section shows before its read answers: "Loading…", or that it could not read and
// a button to try again. Once it has a value, a later failed refresh keeps showing it.
import type { ReactNode } from 'react';
import type { Read } from './use-read';

export function ReadGate<T>({
  read,
  what,
  children,
}: {
  read: Read<T>;
  what: string;
  children: (value: T) => ReactNode;
}) {
  if (read.value !== null) return <>{children(read.value)}</>;
  if (read.failed)
    return (
      <div className="screen-message" role="alert">
        Could not read {what}.{' '}
        <button type="button" onClick={read.retry}>
          Try again
        </button>
      </div>
    );
  return <div className="screen-message">Loading…</div>;
}
