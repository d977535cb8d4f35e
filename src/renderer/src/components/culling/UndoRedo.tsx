// Undo and redo buttons; their tooltips name the step they would undo or redo.
import { useServices } from '../../app-context';
import { useEdits } from '../../store-hooks';

const MOD = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? '⌘' : 'Ctrl+';

export function UndoRedo() {
  const { stores } = useServices();
  const canUndo = useEdits((s) => s.canUndo);
  const canRedo = useEdits((s) => s.canRedo);
  const undoLabel = useEdits((s) => s.undoLabel);
  const redoLabel = useEdits((s) => s.redoLabel);
  return (
    <div className="segmented" role="group" aria-label="History">
      <button
        type="button"
        className="segment"
        data-testid="undo-button"
        disabled={canUndo === false}
        title={`${undoLabel !== null ? `Undo “${undoLabel}”` : 'Undo'} (${MOD}Z)`}
        onClick={() => void stores.edits.getState().undo()}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        className="segment"
        data-testid="redo-button"
        disabled={canRedo === false}
        title={`${redoLabel !== null ? `Redo “${redoLabel}”` : 'Redo'} (${MOD}Shift+Z)`}
        onClick={() => void stores.edits.getState().redo()}
      >
        ↷ Redo
      </button>
    </div>
  );
}
