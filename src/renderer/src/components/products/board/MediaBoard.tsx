// A product's media board: one slot per role, in the contract's board order, each holding
// its linked assets in order. Assets dropped on a slot are linked there; tiles drag to
// reorder within a slot or move to another; every change is one undoable step.
import { useCallback, useMemo } from 'react';
import {
  MEDIA_ROLES,
  type MediaRole,
  type ProductDetail,
  type ProductLink,
} from '../../../../../shared/product-dto';
import { RoleSlot } from './RoleSlot';

export function MediaBoard({ detail }: { detail: ProductDetail }) {
  const byRole = useMemo(() => groupByRole(detail.links), [detail.links]);
  const placeOf = useCallback(
    (assetId: number) => {
      const link = detail.links.find((l) => l.assetId === assetId);
      return link === undefined ? null : { role: link.role, position: link.position };
    },
    [detail.links],
  );
  const sizeOf = useCallback((role: MediaRole) => byRole.get(role)?.length ?? 0, [byRole]);
  return (
    <div className="media-board" data-testid="media-board" aria-label="Media board">
      {MEDIA_ROLES.map((role) => (
        <RoleSlot
          key={role}
          productId={detail.id}
          role={role}
          links={byRole.get(role) ?? []}
          placeOf={placeOf}
          sizeOf={sizeOf}
        />
      ))}
    </div>
  );
}

function groupByRole(links: readonly ProductLink[]): Map<MediaRole, ProductLink[]> {
  const groups = new Map<MediaRole, ProductLink[]>();
  for (const link of links) {
    const list = groups.get(link.role) ?? [];
    list.push(link);
    groups.set(link.role, list);
  }
  for (const list of groups.values()) list.sort((a, b) => a.position - b.position);
  return groups;
}
