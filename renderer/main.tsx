// Base styles first, so each feature's own stylesheet (imported by its components) comes after them.
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './api/client';
import { DataProvider } from './api/DataProvider';
import { pickTransport } from './api/transport';
import { MissingToken } from './components/MissingToken';

const transport = pickTransport();
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
