import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { selectHost } from './host/select-host';
import './styles.css';

ModuleRegistry.registerModules([AllCommunityModule]);

const appHost = selectHost();
createRoot(document.getElementById('root')!).render(
  // No StrictMode: its doubled effects would run the startup sequence (recovery prompt) twice in development.
  <App appHost={appHost} />,
);
