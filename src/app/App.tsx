import { StrictMode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { HomePage } from './HomePage';
import { LecturePage } from './LecturePage';
import { NotFoundPage } from './NotFoundPage';
import { BackendsRoute } from './BackendsRoute';

/** Router base without the trailing slash: '' at the root, '/rl-playground' on Pages. */
export const basename = import.meta.env.BASE_URL.replace(/\/$/, '');

/**
 * Every route of the site. The browser (main.tsx) and the build-time prerender
 * (serverEntry.tsx) render this same tree, so hydration finds the markup it expects.
 * Declarative routes: the site has no loaders or actions, and this keeps the data router's
 * machinery out of the page's JavaScript.
 */
export function AppRoutes() {
  return (
    <StrictMode>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="lecture/:slug" element={<LecturePage />} />
          <Route path="backends" element={<BackendsRoute />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </StrictMode>
  );
}

export function App() {
  return (
    <BrowserRouter basename={basename}>
      <AppRoutes />
    </BrowserRouter>
  );
}
