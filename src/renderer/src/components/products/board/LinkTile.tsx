// One linked asset on the board. Drag it to reorder or move it to another slot; the same
// moves are buttons for the keyboard (earlier, later, role, make main, remove). In the
// desktop app a handle drags the file itself out into another app.
import type { DragEvent } from 'react';
import { MEDIA_ROLES, type MediaRole, type ProductLink } from '../../../../../shared/product-dto';
import { useServices } from '../../../app-context';
import { writeLinkDrag } from '../../../dnd/asset-drag';
import { insertionIndex, isRightHalf } from '../../../dnd/drop-position';
import { applyDrop, type DropTarget } from '../../../dnd/product-drop';
import { useDropActions } from '../../../dnd/use-drop-actions';
import { useDropZone } from '../../../dnd/use-drop-zone';
import { LinkThumb } from './LinkThumb';
import { ROLE_LABELS } from './role-labels';

interface LinkTileProps {
  link: ProductLink;
  index: number;
  /** The slot this tile sits in. */
  target: DropTarget & { slotSize: number };
  /** How many links a slot holds (to move this one to its end). */
  sizeOf: (role: MediaRole) => number;
}

export function LinkTile({ link, index, target, sizeOf }: LinkTileProps) {
  const { client, stores } = useServices();
  const actions = useDropActions();
  const { productId, role } = target;
  const zone = useDropZone((payload, event) => {
    const after = isRightHalf(event.clientX, event.currentTarget.getBoundingClientRect());
    void applyDrop(payload, { ...target, insertAt: insertionIndex(index, after) }, actions);
  });
  const products = () => stores.products.getState();
  const move = (toRole: MediaRole, position: number) =>
    void (toRole === 'main'
      ? products().setMain(productId, link.assetId)
      : products().moveLink(productId, link.assetId, toRole, position));

  const onDragStart = (event: DragEvent<HTMLLIElement>): void => {
    writeLinkDrag(event.dataTransfer, { productId, assetId: link.assetId }, link.name);
  };
  const last = index === target.slotSize - 1;
  return (
    <li
      className={`link-tile${zone.over ? ' is-drop-target' : ''}`}
      data-testid="link-tile"
      data-asset-id={link.assetId}
      data-name={link.name}
      data-position={link.position}
      draggable
      aria-label={`${link.name}, ${ROLE_LABELS[role]} ${index + 1} of ${target.slotSize}`}
      onDragStart={onDragStart}
      {...zone.handlers}
    >
      <LinkThumb link={link} />
      <span className="link-tile-name" title={link.name}>
        {link.name}
      </span>
      <div className="link-tile-tools" role="group" aria-label={`Arrange ${link.name}`}>
        <button
          type="button"
          className="icon-button"
          aria-label="Move earlier"
          title="Move earlier"
          disabled={index === 0}
          onClick={() => move(role, index - 1)}
        >
          ←
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Move later"
          title="Move later"
          disabled={last}
          onClick={() => move(role, index + 1)}
        >
          →
        </button>
        <select
          aria-label="Role"
          className="link-tile-role"
          value={role}
          onChange={(e) => {
            const next = e.target.value as MediaRole;
            move(next, sizeOf(next));
          }}
        >
          {MEDIA_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {role !== 'main' && (
          <button
            type="button"
            className="icon-button"
            data-testid="link-make-main"
            aria-label="Make main image"
            title="Make main image"
            onClick={() => void products().setMain(productId, link.assetId)}
          >
            ★
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          data-testid="link-remove"
          aria-label="Remove from product"
          title="Remove from product (the file stays)"
          onClick={() => void products().removeLink(productId, link.assetId)}
        >
          ✕
        </button>
        {client.canDragOut && (
          <span
            className="icon-button drag-out"
            draggable
            title="Drag the file into another app"
            aria-hidden="true"
            onDragStart={(event) => {
              // The OS drag replaces the in-page one: this handle carries the file itself.
              event.preventDefault();
              event.stopPropagation();
              client.startDragOut(link.assetId);
            }}
          >
            ⇱
          </span>
        )}
      </div>
    </li>
  );
}
