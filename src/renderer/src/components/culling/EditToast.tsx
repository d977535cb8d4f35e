// Says what Undo or Redo just did ("Undone: Rating 5 on 3 assets"), then fades.
import { useEffect } from 'react';
import { useServices } from '../../app-context';
import { useEdits } from '../../store-hooks';

const SHOW_MS = 4000;

export function EditToast() {
  const { stores } = useServices();
  const toast = useEdits((s) => s.toast);
  useEffect(() => {
    if (toast === null) return undefined;
    const timer = setTimeout(() => stores.edits.getState().dismissToast(), SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast, stores]);
  if (toast === null) return null;
  return (
    <div className="edit-toast" role="status" data-testid="edit-toast" key={toast.id}>
      {toast.text}
    </div>
  );
}
