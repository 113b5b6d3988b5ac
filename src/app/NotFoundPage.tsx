import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const location = useLocation();
  useDocumentTitle('Page not found');
  return (
    <article className="page not-found">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{location.pathname}</code>. The link may be old, or a lecture may have moved.
      </p>
      <p>
        <Link to="/">Back to the syllabus</Link>
      </p>
    </article>
  );
}
