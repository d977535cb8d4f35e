// The window: first-run welcome, or sidebar | grid | preview (and the loupe over them);
// status bar and toasts always.
import { useState } from 'react';
import { useServices } from '../app-context';
import { useCatalogs } from '../store-hooks';
import { AppNav, type AppView } from './AppNav';
import { ExportView } from './export/ExportView';
import { CullingLayer } from './culling/CullingLayer';
import { AssetGrid } from './grid/AssetGrid';
import { Loupe } from './loupe/Loupe';
import { GridToolbar } from './toolbar/GridToolbar';
import { Notices } from './Notices';
import { PreviewPanel } from './preview/PreviewPanel';
import { Sidebar } from './sidebar/Sidebar';
import { StatusBar } from './StatusBar';
import { Welcome } from './Welcome';

export function App() {
  const [view, setView] = useState<AppView>('library');
  return (
    <div className="app">
      <AppNav view={view} onChange={setView} />
      <main className="app-main">{view === 'export' ? <ExportView /> : <MainView />}</main>
      <StatusBar />
      <Notices />
    </div>
  );
}

function MainView() {
  const status = useCatalogs((s) => s.status);
  const hasCatalogs = useCatalogs((s) => s.catalogs.length > 0);
  if (hasCatalogs) return <Workspace />;
  switch (status) {
    case 'loading':
      return <div className="screen-message">Loading…</div>;
    case 'error':
      return <LoadFailed />;
    case 'ready':
      return <Welcome />;
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
