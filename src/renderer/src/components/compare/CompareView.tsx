// Two or more selected frames side by side, full window. The culling keys act on the frame
// under focus; Left / Right (or a click) move the focus; Escape or C closes.
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useServices } from '../../app-context';
import { useCompare } from '../../store-hooks';
import { CompareFrame } from './CompareFrame';

export function CompareView() {
  const open = useCompare((s) => s.open);
  return open ? <CompareOverlay /> : null;
}

function CompareOverlay() {
  const { stores } = useServices();
  const ids = useCompare((s) => s.ids);
  const focus = useCompare((s) => s.focus);
  const rootRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const previous = document.activeElement;
    rootRef.current?.focus({ preventScroll: true });
    return () => {
      if (previous instanceof HTMLElement) previous.focus({ preventScroll: true });
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const compare = stores.compare.getState();
    switch (event.key) {
      case 'Escape':
      case 'c':
      case 'C':
        compare.close();
        break;
      case 'ArrowLeft':
        compare.move(-1);
        break;
      case 'ArrowRight':
        compare.move(1);
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={rootRef}
      className="compare"
      data-testid="compare-view"
      role="dialog"
      aria-modal="true"
      aria-label={`Compare ${ids.length} frames`}
      data-culling-keys=""
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div
        className="compare-frames"
        style={{ gridTemplateColumns: `repeat(${Math.min(ids.length, 4)}, minmax(0, 1fr))` }}
      >
        {ids.map((id, position) => (
          <CompareFrame
            key={id}
            id={id}
            focused={position === focus}
            onFocus={() => stores.compare.getState().setFocus(position)}
          />
        ))}
      </div>
      <button
        type="button"
        className="loupe-close"
        aria-label="Close (Escape)"
        title="Close (Escape)"
        onClick={() => stores.compare.getState().close()}
      >
        ×
      </button>
    </div>
  );
}
