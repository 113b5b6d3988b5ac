// Global styles first, so component styles (imported by the components) come after them.
import 'katex/dist/katex.min.css';
import './styles.css';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/serviceWorker';

// Every known route's index.html holds the page prerendered at build time (scripts/prerender.mjs):
// hydrate it. 404.html holds an empty root (any unknown path lands there): render from scratch.
const root = document.getElementById('root')!;
if (root.firstElementChild) hydrateRoot(root, <App />);
else createRoot(root).render(<App />);

registerServiceWorker();
