// Left column: where the media comes from, a way to add more, and products to drop it on.
import { AddFolderForm } from '../AddFolderForm';
import { ProductDropPanel } from '../library/ProductDropPanel';
import { CatalogList } from './CatalogList';

export function Sidebar() {
  return (
    <aside className="sidebar">
      <CatalogList />
      <AddFolderForm variant="sidebar" />
      <ProductDropPanel />
    </aside>
  );
}
