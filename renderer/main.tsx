// Base styles first, so each feature's own stylesheet (imported by its components) comes after them.
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createClient } from './api/client';
import { ClientContext } from './api/ClientContext';
import { pickTransport } from './api/transport';
import { MissingToken } from './components/MissingToken';

const transport = pickTransport();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {transport ? (
      <ClientContext value={createClient(transport)}>
        <App />
      </ClientContext>
    ) : (
      <MissingToken />
    )}
  </StrictMode>,
);
