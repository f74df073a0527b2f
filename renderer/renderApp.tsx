import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './api/client';
import { DataProvider } from './api/DataProvider';
import type { Transport } from './api/transport';
import { MissingToken } from './components/MissingToken';

export function renderApp(transport: Transport | null): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {transport ? (
        <DataProvider client={createClient(transport)}>
          <App />
        </DataProvider>
      ) : (
        <MissingToken />
      )}
    </StrictMode>,
  );
}
