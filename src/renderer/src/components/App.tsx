// The window: first-run welcome, or a view chosen in the header (Library: sidebar | grid |
// preview with the loupe over them; Products; Export); status bar and toasts always.
import { useServices } from '../app-context';
import type { Section } from '../store/nav-store';
import { useCatalogs, useNav } from '../store-hooks';
import { CullingLayer } from './culling/CullingLayer';
import { ExportView } from './export/ExportView';
import { AssetGrid } from './grid/AssetGrid';
import { Loupe } from './loupe/Loupe';
import { SectionNav } from './nav/SectionNav';
import { FileDropDialog } from './products/FileDropDialog';
import { ProductsView } from './products/ProductsView';
import { GridToolbar } from './toolbar/GridToolbar';
import { JobsPanel } from './jobs/JobsPanel';
import { Notices } from './Notices';
import { PeopleView } from './people/PeopleView';
import { RightsStartNotice } from './rights/RightsStartNotice';
import { RightsView } from './rights/RightsView';
import { ReviewView } from './review/ReviewView';
import { PreviewPanel } from './preview/PreviewPanel';
import { Sidebar } from './sidebar/Sidebar';
import { StatusBar } from './StatusBar';
import { Welcome } from './Welcome';

export function App() {
  return (
    <div className="app">
      <main className="app-main">
        <MainView />
      </main>
      <JobsPanel />
      <StatusBar />
      <FileDropDialog />
      <RightsStartNotice />
      <Notices />
    </div>
  );
}

function MainView() {
  const status = useCatalogs((s) => s.status);
  const hasCatalogs = useCatalogs((s) => s.catalogs.length > 0);
  if (hasCatalogs) return <Sections />;
  switch (status) {
    case 'loading':
      return <div className="screen-message">Loading…</div>;
    case 'error':
      return <LoadFailed />;
    case 'ready':
      return <Welcome />;
  }
}

/** The header's views; a new one is a case here and an entry in SECTIONS. */
function Sections() {
  const section = useNav((s) => s.section);
  return (
    <div className="sections">
      <SectionNav />
      <SectionView section={section} />
    </div>
  );
}

function SectionView({ section }: { section: Section }) {
  switch (section) {
    case 'library':
      return <Workspace />;
    case 'products':
      return <ProductsView />;
    case 'export':
      return <ExportView />;
    case 'rights':
      return <RightsView />;
    case 'review':
      return <ReviewView />;
    case 'people':
      return <PeopleView />;
  }
}

function Workspace() {
  return (
    <div className="workspace">
      <Sidebar />
      <section className="browser" aria-label="Media">
        <GridToolbar />
        <AssetGrid />
      </section>
      <PreviewPanel />
      <Loupe />
      <CullingLayer />
    </div>
  );
}

function LoadFailed() {
  const { stores } = useServices();
  const error = useCatalogs((s) => s.error);
  return (
    <div className="screen-message" role="alert">
      <p>Packshot could not reach its engine.</p>
      {error !== null && <p className="dim">{error}</p>}
      <button
        type="button"
        className="primary"
        onClick={() => void stores.catalogs.getState().refresh()}
      >
        Try again
      </button>
    </div>
  );
}
