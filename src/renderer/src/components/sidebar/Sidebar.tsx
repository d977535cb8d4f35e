// Left column: where the media comes from, and a way to add more.
import { AddFolderForm } from '../AddFolderForm';
import { KeywordPanel } from '../keywords/KeywordPanel';
import { CatalogList } from './CatalogList';

export function Sidebar() {
  return (
    <aside className="sidebar">
      <CatalogList />
      <AddFolderForm variant="sidebar" />
      <KeywordPanel />
    </aside>
  );
}
