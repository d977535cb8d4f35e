// Left column: where the media comes from, a way to add more, and products to drop it on.
import { AddFolderForm } from '../AddFolderForm';
import { KeywordPanel } from '../keywords/KeywordPanel';
import { ProductDropPanel } from '../library/ProductDropPanel';
import { CatalogList } from './CatalogList';

export function Sidebar() {
  return (
    <aside className="sidebar">
      <CatalogList />
      <AddFolderForm variant="sidebar" />
      <KeywordPanel />
      <ProductDropPanel />
    </aside>
  );
}
