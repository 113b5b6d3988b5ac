import { lazy, Suspense, useEffect, useMemo, type ComponentType, type LazyExoticComponent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { findLecture, LECTURES } from '../lectures/catalog';
import { NotFoundPage } from './NotFoundPage';
import { useDocumentTitle } from './useDocumentTitle';

const lazyLectures = new Map<string, LazyExoticComponent<ComponentType>>();

function lectureComponent(slug: string, load: () => Promise<{ default: ComponentType }>) {
  let component = lazyLectures.get(slug);
  if (!component) {
    component = lazy(load);
    lazyLectures.set(slug, component);
  }
  return component;
}

/** After the lecture's code arrives, honour a `#heading` in the URL. */
function ScrollToHash() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView();
  }, [hash]);
  return null;
}

export function LecturePage() {
  const { slug } = useParams();
  const lecture = findLecture(slug);
  useDocumentTitle(lecture ? lecture.title : 'Page not found');
  const Content = useMemo(() => (lecture ? lectureComponent(lecture.slug, lecture.load) : null), [lecture]);
  if (!lecture || !Content) return <NotFoundPage />;

  const index = LECTURES.indexOf(lecture);
  const previous = LECTURES[index - 1];
  const next = LECTURES[index + 1];
  return (
    <article className="lecture" aria-labelledby="lecture-title">
      <p className="lecture__kicker">Lecture {lecture.number}</p>
      <h1 id="lecture-title">{lecture.title}</h1>
      <Suspense fallback={<p className="lecture__loading">Loading the lecture…</p>}>
        <Content />
        <ScrollToHash />
      </Suspense>
      <nav className="lecture__pager" aria-label="Previous and next lecture">
        {previous ? (
          <Link to={`/lecture/${previous.slug}`} rel="prev">
            ← Lecture {previous.number}: {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`/lecture/${next.slug}`} rel="next">
            Lecture {next.number}: {next.title} →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
