// Undo and Redo for the board's edits (the engine keeps one history for every edit; the
// keyboard shortcuts live elsewhere, app-wide).
import { useServices } from '../../app-context';
import { useProducts } from '../../store-hooks';

export function HistoryButtons() {
  const { stores } = useServices();
  const canUndo = useProducts((s) => s.canUndo);
  const canRedo = useProducts((s) => s.canRedo);
  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button
        type="button"
        data-testid="board-undo"
        disabled={!canUndo}
        onClick={() => void stores.products.getState().undo()}
      >
        Undo
      </button>
      <button
        type="button"
        data-testid="board-redo"
        disabled={!canRedo}
        onClick={() => void stores.products.getState().redo()}
      >
        Redo
      </button>
    </div>
  );
}
