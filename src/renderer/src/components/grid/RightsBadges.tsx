// A cell's rights at a glance: its licences today, any channel (the engine's rightsFlag),
// and its approval. Unmarked: no licence (in a library that records none every cell would
// say so; `rights:none` finds them) and draft (every file never reviewed is one).
import type { Asset } from '../../../../shared/dto';
import type { ApprovalState } from '../../../../shared/rights-dto';

const FLAG = {
  block: {
    label: 'Rights',
    title: 'A licence has ended or has not started yet: pre-flight blocks it for every channel',
  },
  warn: { label: 'Ends soon', title: 'A licence ends within its warning window' },
} as const;

const APPROVAL: Record<Exclude<ApprovalState, 'draft'>, { label: string; title: string }> = {
  'in-review': { label: 'In review', title: 'In review: no decision on this content yet' },
  approved: { label: '✓', title: 'Approved (this content)' },
  rejected: { label: '✗', title: 'Rejected (this content)' },
};

/** What the cell marks, if anything. */
export function rightsMarks(asset: Asset) {
  const flag =
    asset.rightsFlag === 'block' || asset.rightsFlag === 'warn' ? asset.rightsFlag : null;
  const approval =
    asset.approval !== undefined && asset.approval !== 'draft' ? asset.approval : null;
  return { flag, approval, any: flag !== null || approval !== null };
}

export function RightsBadges({ asset }: { asset: Asset }) {
  const { flag, approval, any } = rightsMarks(asset);
  if (!any) return null;
  return (
    <>
      {flag !== null && (
        <span
          className={`cell-tag rights-${flag}`}
          data-testid="cell-badge-rights"
          data-flag={flag}
          title={FLAG[flag].title}
          aria-label={FLAG[flag].title}
        >
          {FLAG[flag].label}
        </span>
      )}
      {approval !== null && (
        <span
          className={`cell-tag approval-${approval}`}
          data-testid="cell-badge-approval"
          data-approval={approval}
          title={APPROVAL[approval].title}
          aria-label={APPROVAL[approval].title}
        >
          {APPROVAL[approval].label}
        </span>
      )}
    </>
  );
}
