// Binds the culling keyboard to the window, except while the user types in a field or a
// dialog (other than the loupe and compare view) is open.
import { useEffect } from 'react';
import { useServices } from '../../app-context';
import { compareSelection, cull, toggleLabel } from './culling-actions';
import { blockingDialogOpen, cullingAction, isTypingTarget } from './culling-keys';

export function useCullingKeys(): void {
  const services = useServices();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return;
      if (isTypingTarget(event.target) || blockingDialogOpen(document)) return;
      const action = cullingAction(event);
      if (action === null) return;
      // Holding a key down must not send an edit per repeat.
      if (event.repeat && action.kind !== 'undo' && action.kind !== 'redo') return;
      const { stores } = services;
      switch (action.kind) {
        case 'cull':
          void cull(services, action.change);
          break;
        case 'label':
          void toggleLabel(services, action.label);
          break;
        case 'undo':
          void stores.edits.getState().undo();
          break;
        case 'redo':
          void stores.edits.getState().redo();
          break;
        case 'selectAll':
          if (stores.compare.getState().open) return;
          stores.selection.getState().selectAll();
          break;
        case 'compare':
          if (!compareSelection(services)) return;
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [services]);
}
