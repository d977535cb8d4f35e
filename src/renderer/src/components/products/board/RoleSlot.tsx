// One slot of the board (a role): its heading, its tiles in order, and the drop area after
// them. Dropping on the slot (not on a tile) puts the assets at its end.
import type { MediaRole, ProductLink } from '../../../../../shared/product-dto';
import { applyDrop, type DropTarget } from '../../../dnd/product-drop';
import { useDropActions } from '../../../dnd/use-drop-actions';
import { useDropZone } from '../../../dnd/use-drop-zone';
import { LinkTile } from './LinkTile';
import { ROLE_LABELS } from './role-labels';

interface RoleSlotProps {
  productId: number;
  role: MediaRole;
  links: ProductLink[];
  placeOf: NonNullable<DropTarget['placeOf']>;
  sizeOf: (role: MediaRole) => number;
}

export function RoleSlot({ productId, role, links, placeOf, sizeOf }: RoleSlotProps) {
  const actions = useDropActions();
  const target = { productId, role, slotSize: links.length, placeOf };
  const zone = useDropZone((payload) => void applyDrop(payload, target, actions));
  const headingId = `slot-${productId}-${role}`;
  return (
    <section
      className={`role-slot is-${role}${zone.over ? ' is-drop-target' : ''}`}
      data-testid="role-slot"
      data-role={role}
      aria-labelledby={headingId}
      {...zone.handlers}
    >
      <h3 id={headingId} className="role-slot-title">
        {ROLE_LABELS[role]}
        <span className="role-slot-count dim">{links.length > 0 ? ` ${links.length}` : ''}</span>
      </h3>
      <ol className="role-slot-tiles">
        {links.map((link, index) => (
          <LinkTile key={link.assetId} link={link} index={index} target={target} sizeOf={sizeOf} />
        ))}
      </ol>
      {links.length === 0 && <p className="role-slot-empty dim">Drop media here</p>}
    </section>
  );
}
