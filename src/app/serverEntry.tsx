// Build-time entry (scripts/prerender.mjs): renders one route of the site to HTML, waiting for
// every lazy lecture so the lecture's text and its KaTeX math are in the page the route serves.
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { AppRoutes, basename } from './App';
import { findLecture } from '../lectures/catalog';

/**
 * Title of the page at an app path such as `/lecture/policy-gradients`, as useDocumentTitle
 * will set it, or null where the page keeps the site's title.
 */
export function pageTitle(path: string): string | null {
  const lecture = /^\/lecture\/([^/]+)$/.exec(path);
  if (lecture) return `${findLecture(lecture[1])?.title ?? 'Page not found'} · RL Playground`;
  if (path === '/') return 'Deep reinforcement learning, live · RL Playground';
  return null;
}

/** HTML of the app at an app path (without the base), e.g. `/lecture/policy-gradients`. */
export async function render(path: string): Promise<string> {
  const { prelude } = await prerender(
    <StaticRouter basename={basename} location={`${basename}${path}`}>
      <AppRoutes />
    </StaticRouter>,
    // Never outline a large finished boundary (the lecture) into a hidden segment that an inline
    // script swaps in: the page must read with scripts blocked.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  return new Response(prelude).text();
}
