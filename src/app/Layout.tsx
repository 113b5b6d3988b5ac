import { useEffect, useId, useState } from 'react';
import { ThemeSwitch } from './ThemeSwitch';
import { UpdatePrompt } from './UpdatePrompt';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { MDXProvider } from '@mdx-js/react';
import { LECTURES } from '../lectures/catalog';
import { lectureComponents } from '../lectures/components';
import { SearchBox } from './SearchBox';
import { lectureHeadings } from './searchIndex';
import { useSidebarCollapsed } from './sidebarPreference';

/** Site chrome: header with search, the syllabus and the current lecture's contents. */
export function Layout() {
  const { slug } = useParams();
  const location = useLocation();
  const toc = slug ? lectureHeadings(slug).filter((heading) => heading.depth === 2) : [];

  // On a phone the lecture list starts folded (it would fill the first screen) and folds again
  // after each navigation; on wider screens it is a sidebar that stays open unless the reader
  // collapses it to a thin rail (a choice remembered in localStorage) to give the content room.
  const narrow = () => window.matchMedia('(max-width: 800px)').matches;
  // Prerendered folded (the build knows no screen size; hydration must match), opened on mount.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    if (!narrow()) setMenuOpen(true);
  }, []);
  const [collapsed, setCollapsed] = useSidebarCollapsed();
  const listId = useId();

  // Moving to another page: scroll to its top unless the link points at a heading.
  useEffect(() => {
    if (!location.hash) window.scrollTo(0, 0);
    if (narrow()) setMenuOpen(false);
  }, [location.pathname, location.hash]);

  return (
    <MDXProvider components={lectureComponents}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="site-header__brand">
          RL Playground
        </Link>
        <SearchBox />
        <nav aria-label="Site" className="site-header__links">
          <NavLink to="/backends">Backends</NavLink>
          <ThemeSwitch />
        </nav>
      </header>
      <UpdatePrompt />
      <div className={collapsed ? 'site-body site-body--collapsed' : 'site-body'}>
        <nav className="sidebar" aria-label="Lectures">
          <button
            type="button"
            className="sidebar__collapse"
            aria-controls={listId}
            onClick={() => setCollapsed(!collapsed)}
          >
            <span aria-hidden="true">{collapsed ? '»' : '«'}</span> {collapsed ? 'Show lectures' : 'Hide lectures'}
          </button>
          <details
            id={listId}
            className="sidebar__details"
            open={menuOpen}
            onToggle={(event) => setMenuOpen((event.currentTarget as HTMLDetailsElement).open)}
          >
            <summary>Lectures</summary>
            <ol className="sidebar__lectures">
              {LECTURES.map((lecture) => (
                <li key={lecture.slug}>
                  <NavLink to={`/lecture/${lecture.slug}`}>
                    <span className="sidebar__number">{lecture.number}</span> {lecture.title}
                  </NavLink>
                  {lecture.slug === slug && toc.length > 0 ? (
                    <ol className="sidebar__toc" aria-label="On this page">
                      {toc.map((heading) => (
                        <li key={heading.id}>
                          <a href={`#${heading.id}`}>{heading.text}</a>
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </li>
              ))}
            </ol>
          </details>
        </nav>
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </MDXProvider>
  );
}
