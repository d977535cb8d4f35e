// One line of the preview's facts: a label and a value, or nothing when the value is absent
// (the panel shows only what is known).
import type { ReactNode } from 'react';

interface FactProps {
  label: string;
  testId?: string;
  /** Full text for a tooltip, when the value is shortened. */
  title?: string;
  className?: string;
  children: ReactNode;
}

export function Fact({ label, testId, title, className, children }: FactProps) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId} title={title} className={className}>
        {children}
      </dd>
    </>
  );
}
