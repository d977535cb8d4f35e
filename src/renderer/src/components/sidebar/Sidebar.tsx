// Left column: where the media comes from, a way to add more, products to drop it on, and
// the offline AI's status and preferences.
import { AddFolderForm } from '../AddFolderForm';
import { AiStatusSection } from '../ai/AiStatusSection';
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
      <AiStatusSection />
    </aside>
  );
}
