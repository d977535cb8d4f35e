// Above the grid: what is shown and how many, in which order and at what size; below that,
// the filters, the search and what to do with it (save, collections); then culling.
import { useAssets, useCatalogs, useCollections } from '../../store-hooks';
import { CollectionActions } from '../collections/CollectionActions';
import { formatCount } from '../../format/count';
import { CullingBar } from '../culling/CullingBar';
import { FormatFilter } from './FormatFilter';
import { SearchBox } from './SearchBox';
import { SpinActions } from '../spins/SpinActions';
import { SortSelect } from './SortSelect';
import { StateFilter } from './StateFilter';
import { ThumbSizeSlider } from './ThumbSizeSlider';

export function GridToolbar() {
  const catalogId = useAssets((s) => s.view.catalogId);
  const folder = useAssets((s) => s.view.folder);
  const total = useAssets((s) => s.total);
  const catalogs = useCatalogs((s) => s.catalogs);
  const catalogName =
    catalogId === null
      ? 'All media'
      : (catalogs.find((c) => c.id === catalogId)?.name ?? 'Catalog');
  const collectionId = useAssets((s) => s.view.collection?.id);
  const collection = useCollections((s) => s.collections.find((c) => c.id === collectionId));
  const title = collection
    ? collection.name
    : folder === null
      ? catalogName
      : `${catalogName} / ${folder}`;

  return (
    <header className="grid-toolbar">
      <div className="toolbar-row">
        <h2 className="grid-title" title={title}>
          {title}
        </h2>
        <span className="grid-count" data-testid="grid-count">
          {total === null ? '' : `${formatCount(total)} ${total === 1 ? 'item' : 'items'}`}
        </span>
        <span className="toolbar-spacer" />
        <SortSelect />
        <ThumbSizeSlider />
      </div>
      <div className="toolbar-row">
        <StateFilter />
        <FormatFilter />
        <SearchBox />
        <CollectionActions />
        <SpinActions />
      </div>
      <CullingBar />
    </header>
  );
}
