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

/**
 * Wide display equations scroll sideways; a scrollable region must be reachable by keyboard,
 * so those (and only those) become focusable, with a label for screen readers.
 */
function FocusableOverflow() {
  useEffect(() => {
    const update = () => {
      for (const display of document.querySelectorAll<HTMLElement>('.lecture .katex-display')) {
        // A box skipped by content-visibility has no laid-out content to measure: keep its mark
        // until it is rendered again (contentvisibilityautostatechange below re-measures it).
        if (display.checkVisibility?.({ contentVisibilityAuto: true }) === false) continue;
        const overflows = display.scrollWidth > display.clientWidth + 1;
        if (overflows && !display.hasAttribute('tabindex')) {
          display.tabIndex = 0;
          display.setAttribute('role', 'group');
          display.setAttribute('aria-label', 'Equation (scrolls sideways)');
        } else if (!overflows && display.hasAttribute('tabindex')) {
          display.removeAttribute('tabindex');
          display.removeAttribute('role');
          display.removeAttribute('aria-label');
        }
      }
    };
    update();
    // KaTeX fonts arriving late widen the formulas: measure again then, and on every resize.
    let live = true;
    void document.fonts?.ready.then(() => live && update());
    const observer = new ResizeObserver(update);
    const article = document.querySelector('.lecture');
    if (article) observer.observe(article);
    // A demo that renders a formula later (a lazy demo, a new Bellman backup) need not resize the
    // article, so also measure after the article's content changes (once per frame at most).
    let frame = 0;
    // Only additions that bring a display formula count: demos redraw their SVG every frame, and
    // measuring (a forced layout of a KaTeX-heavy page) on each of those would cost long tasks.
    const bringsFormula = (records: MutationRecord[]) =>
      records.some((r) => Array.from(r.addedNodes).some((n) => n instanceof Element && (n.matches('.katex-display') || n.querySelector('.katex-display') !== null)));
    const mutations = new MutationObserver((records) => {
      if (!bringsFormula(records)) return;
      if (frame === 0) frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    });
    if (article) mutations.observe(article, { childList: true, subtree: true });
    // Equations skip rendering while far off screen; measure each when it is rendered. The event
    // does not bubble, so listen in the capture phase.
    const onRendered = (event: Event) => {
      if ((event as Event & { skipped?: boolean }).skipped === false && frame === 0) frame = requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    article?.addEventListener('contentvisibilityautostatechange', onRendered, true);
    return () => {
      live = false;
      observer.disconnect();
      mutations.disconnect();
      article?.removeEventListener('contentvisibilityautostatechange', onRendered, true);
      cancelAnimationFrame(frame);
    };
  });
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
        <FocusableOverflow />
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
