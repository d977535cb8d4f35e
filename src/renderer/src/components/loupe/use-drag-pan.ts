// Panning a scrolled element by dragging it, like a hand tool. Tells a drag from a click,
// so the click that ends a drag does not also toggle the zoom.
import { useRef, type PointerEvent, type RefObject } from 'react';

/** Movement (px) beyond which a press is a drag, not a click. */
const DRAG_THRESHOLD = 4;

export interface DragPan {
  /** Spread onto the scrolled element. */
  handlers: {
    onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    onPointerMove: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: () => void;
    onPointerCancel: () => void;
  };
  /** True once, right after a press that moved: the click that follows is not a click. */
  consumeDrag: () => boolean;
}

export function useDragPan(ref: RefObject<HTMLElement | null>, enabled: boolean): DragPan {
  const press = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const dragged = useRef(false);

  const end = (): void => {
    press.current = null;
  };

  return {
    handlers: {
      onPointerDown(event) {
        const element = ref.current;
        dragged.current = false;
        if (!enabled || element === null || event.button !== 0) return;
        press.current = {
          x: event.clientX,
          y: event.clientY,
          left: element.scrollLeft,
          top: element.scrollTop,
        };
        try {
          // Keeps the drag going when the pointer leaves the window.
          element.setPointerCapture(event.pointerId);
        } catch {
          // Not an active pointer (a synthetic event): panning works without capture.
        }
      },
      onPointerMove(event) {
        const element = ref.current;
        const start = press.current;
        if (element === null || start === null) return;
        const dx = event.clientX - start.x;
        const dy = event.clientY - start.y;
        if (Math.abs(dx) + Math.abs(dy) > DRAG_THRESHOLD) dragged.current = true;
        element.scrollLeft = start.left - dx;
        element.scrollTop = start.top - dy;
      },
      onPointerUp: end,
      onPointerCancel: end,
    },
    consumeDrag() {
      const was = dragged.current;
      dragged.current = false;
      return was;
    },
  };
}
