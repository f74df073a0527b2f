// Base styles first, so each feature's own stylesheet (imported by its components) comes after them.
import './styles/app.css';
import { askFirstScreen } from './api/firstScreenCalls';
import { pickTransport } from './api/transport';

// This entry is small so that it runs as soon as the page is parsed: the first screen's reads are on
// their way while the app's chunk (index.html preloads it) arrives and is evaluated.
const transport = pickTransport();
const app = transport && askFirstScreen(transport);
void import('./renderApp').then(({ renderApp }) => renderApp(app));
