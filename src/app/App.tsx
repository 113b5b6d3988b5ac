import { createBrowserRouter, RouterProvider } from 'react-router';
import { Layout } from './Layout';
import { HomePage } from './HomePage';
import { LecturePage } from './LecturePage';
import { NotFoundPage } from './NotFoundPage';
import { BackendsRoute } from './BackendsRoute';

/** Router base without the trailing slash: '' at the root, '/rl-playground' on Pages. */
const basename = import.meta.env.BASE_URL.replace(/\/$/, '');

const router = createBrowserRouter(
  [
    {
      element: <Layout />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'lecture/:slug', element: <LecturePage /> },
        { path: 'backends', element: <BackendsRoute /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename },
);

export function App() {
  return <RouterProvider router={router} />;
}
