// Start-up: pick the transport once, build the client and stores, wire events, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app-context';
import { Client } from './client';
import { App } from './components/App';
import { connectStores } from './store/connect-stores';
import { createStores } from './store/create-stores';
import { selectTransport } from './transport/select-transport';
import './styles/theme.css';
import './styles/layout.css';
import './styles/welcome.css';
import './styles/grid.css';
import './styles/preview.css';
import './styles/status.css';
import './styles/jobs.css';
import './styles/loupe.css';
import './styles/spin.css';
import './styles/export.css';
import './styles/dialog.css';
import './styles/culling.css';
import './styles/sections.css';
import './styles/products.css';
import './styles/rights.css';
import './styles/organize.css';
import './styles/review.css';
import './styles/asset-rights.css';
import './styles/versions.css';
import './styles/video.css';
import './styles/ai.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');

const client = new Client(selectTransport());
const stores = createStores(client);
connectStores(client, stores);

createRoot(root).render(
  <StrictMode>
    <AppProvider services={{ client, stores }}>
      <App />
    </AppProvider>
  </StrictMode>,
);
