// Makes an element a drop target for what products take (assets, links, OS files where the
// host gives their paths), with an "over" flag for the highlight.
import { useState, type DragEvent } from 'react';
import { useServices } from '../app-context';
import { carriesDroppable, LINK_MIME, readDrop, type DropPayload } from './asset-drag';

export interface DropZone {
  over: boolean;
  handlers: {
    onDragOver(event: DragEvent<HTMLElement>): void;
    onDragLeave(event: DragEvent<HTMLElement>): void;
    onDrop(event: DragEvent<HTMLElement>): void;
  };
}

export function useDropZone(
  onPayload: (payload: DropPayload, event: DragEvent<HTMLElement>) => void,
): DropZone {
  const { client } = useServices();
  const [over, setOver] = useState(false);
  const accepts = (event: DragEvent<HTMLElement>): boolean =>
    carriesDroppable(event.dataTransfer, client.canDropFiles);
  return {
    over,
    handlers: {
      onDragOver(event) {
        if (!accepts(event)) return;
        // Innermost zone wins (a tile inside a slot inside a board).
        event.preventDefault();
        event.stopPropagation();
        // Must be one the source allows (copyMove for ours, copy for OS files).
        const moving = [...event.dataTransfer.types].includes(LINK_MIME);
        event.dataTransfer.dropEffect = moving ? 'move' : 'copy';
        setOver(true);
      },
      onDragLeave(event) {
        // Leaving for a child is not leaving.
        const next = event.relatedTarget;
        if (next instanceof Node && event.currentTarget.contains(next)) return;
        setOver(false);
      },
      onDrop(event) {
        setOver(false);
        if (!accepts(event)) return;
        event.preventDefault();
        event.stopPropagation();
        onPayload(readDrop(event.dataTransfer), event);
      },
    },
  };
}
