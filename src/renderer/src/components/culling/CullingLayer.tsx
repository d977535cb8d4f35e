// What culling adds over the workspace: its keyboard, the compare view and the undo toast.
import { CompareView } from '../compare/CompareView';
import { EditToast } from './EditToast';
import { useCullingKeys } from './use-culling-keys';

export function CullingLayer() {
  useCullingKeys();
  return (
    <>
      <CompareView />
      <EditToast />
    </>
  );
}
