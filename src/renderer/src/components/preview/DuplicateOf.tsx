// "Copy of #12": the asset with the same content seen first. Selecting it works when it is
// in the list shown now; otherwise the id is all there is to show.
import { useServices } from '../../app-context';
import { locateAsset } from '../../store/asset-pages';
import { useAssets } from '../../store-hooks';

export function DuplicateOf({ id }: { id: number }) {
  const { stores } = useServices();
  const index = useAssets((s) => locateAsset(s.pages, id, null)?.index ?? null);
  return (
    <p className="preview-duplicate" data-testid="preview-duplicate">
      Copy of{' '}
      <button
        type="button"
        className="link-button"
        disabled={index === null}
        title={index === null ? 'Not in the list shown now' : 'Select the original'}
        onClick={() => {
          if (index !== null) stores.selection.getState().select(index, id);
        }}
      >
        #{id}
      </button>
    </p>
  );
}
