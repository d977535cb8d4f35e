// Toolbar actions for 360° spins: make one of the selected images (ordered by the numbers
// in their names; Make spin needs two or more), and dissolve the selected spin. Both are
// undoable (Undo in the culling bar, or Ctrl+Z).
import { useState } from 'react';
import { useServices } from '../../app-context';
import { selectionTarget } from '../../store/selection-target';
import { useSelection } from '../../store-hooks';
import { NameForm } from '../collections/NameForm';
import { useSelectedAsset } from '../use-selected-asset';

export function SpinActions() {
  const { client, stores } = useServices();
  const many = useSelection((s) => s.all || s.ids.size >= 2);
  const asset = useSelectedAsset();
  const [naming, setNaming] = useState(false);

  if (naming)
    return (
      <NameForm
        label="Name of the spin"
        submit="Make spin"
        onCancel={() => setNaming(false)}
        onSubmit={async (name) => {
          const target = await selectionTarget(
            client,
            stores.selection.getState(),
            stores.assets.getState().view,
          );
          if (target === null) return;
          await client.call(
            'spins.create',
            target.kind === 'ids' ? { assetIds: target.ids, name } : { query: target.query, name },
          );
          setNaming(false);
        }}
      />
    );
  return (
    <div className="spin-actions">
      <button
        type="button"
        data-testid="make-spin"
        disabled={!many}
        title={many ? 'Make a 360° spin of the selected images' : 'Select the frames first'}
        onClick={() => setNaming(true)}
      >
        Make spin
      </button>
      {asset?.spin && (
        <button
          type="button"
          data-testid="dissolve-spin"
          title={`Dissolve ${asset.spin.name}: its ${asset.spin.frames} frames show again`}
          onClick={() => {
            client
              .call('spins.dissolve', { id: asset.spin?.id ?? 0 })
              .catch((cause: unknown) =>
                stores.notices.getState().report('Could not dissolve the spin', cause),
              );
          }}
        >
          Dissolve spin
        </button>
      )}
    </div>
  );
}
