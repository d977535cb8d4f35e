// Left column: where the media comes from, a way to add more, and products to drop it on.
import { AddFolderForm } from '../AddFolderForm';
import { KeywordPanel } from '../keywords/KeywordPanel';
import { ProductDropPanel } from '../library/ProductDropPanel';
import { CollectionsSection } from '../collections/CollectionsSection';
import { CatalogList } from './CatalogList';

export function Sidebar() {
  return (
    <aside className="sidebar">
      <CatalogList />
      <CollectionsSection />
      <AddFolderForm variant="sidebar" />
      <KeywordPanel />
      <ProductDropPanel />
    </aside>
  );
}
