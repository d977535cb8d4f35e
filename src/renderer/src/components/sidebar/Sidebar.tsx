// Left column: where the media comes from, and a way to add more.
import { AddFolderForm } from '../AddFolderForm';
import { CollectionsSection } from '../collections/CollectionsSection';
import { CatalogList } from './CatalogList';

export function Sidebar() {
  return (
    <aside className="sidebar">
      <CatalogList />
      <CollectionsSection />
      <AddFolderForm variant="sidebar" />
    </aside>
  );
}
