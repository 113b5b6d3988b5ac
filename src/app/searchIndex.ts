import headings, { demoPlacements } from 'virtual:lecture-headings';
import { LECTURES } from '../lectures/catalog';
import { DEMOS } from '../lectures/demoRegistry';
import { prepare, search, type SearchEntry, type SearchResult } from './searchText';

export type { SearchHit, SearchResult } from './searchText';

/** Section bodies by lecture slug and heading id ('' is the text before the first heading). */
type SectionText = Map<string, Map<string, string>>;

/**
 * Every lecture (title and summary), every placed demo (its name and registry key, so
 * "cartpole" and "cart-pole" both find it) and every heading; with `text`, each section's body.
 */
function buildEntries(text?: SectionText): SearchEntry[] {
  return LECTURES.flatMap((lecture) => {
    const where = `Lecture ${lecture.number}: ${lecture.title}`;
    const body = text?.get(lecture.slug);
    const entries: SearchEntry[] = [
      {
        to: `/lecture/${lecture.slug}`,
        label: lecture.title,
        lecture: `Lecture ${lecture.number}`,
        kind: 'lecture',
        title: lecture.title,
        summary: lecture.summary,
        body: body?.get(''),
      },
    ];
    for (const { demo, section } of demoPlacements[lecture.slug] ?? []) {
      const entry = DEMOS[demo];
      if (!entry) continue;
      entries.push({
        to: `/lecture/${lecture.slug}${section ? `#${section}` : ''}`,
        label: `Demo: ${entry.title}`,
        lecture: where,
        kind: 'demo',
        title: `${entry.title} ${demo} demo`,
      });
    }
    for (const heading of headings[lecture.slug] ?? []) {
      entries.push({
        to: `/lecture/${lecture.slug}#${heading.id}`,
        label: heading.text,
        lecture: where,
        kind: 'heading',
        title: heading.text,
        body: body?.get(heading.id),
      });
    }
    return entries;
  });
}

let titlesOnly: ReturnType<typeof prepare> | undefined;
let withText: ReturnType<typeof prepare> | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the body-text index (a separate chunk, about 90 kB gzipped, kept out of the page's first
 * load) once; resolves when searches include the body text, rejects if it could not be fetched.
 */
export function loadLectureText(): Promise<void> {
  loading ??= import('virtual:lecture-text').then(
    ({ default: sections }) => {
      const text: SectionText = new Map(
        Object.entries(sections).map(([slug, list]) => [slug, new Map(list.map((s) => [s.id, s.text]))]),
      );
      withText = prepare(buildEntries(text));
    },
    (error: unknown) => {
      loading = undefined; // let a later focus try again
      throw error;
    },
  );
  return loading;
}

export function lectureTextLoaded(): boolean {
  return withText !== undefined;
}

/** Titles, demos and headings always; the body text too once `loadLectureText` has finished. */
export function searchLectures(query: string, limit?: number): SearchResult {
  titlesOnly ??= prepare(buildEntries());
  return search(withText ?? titlesOnly, query, limit);
}

export function lectureHeadings(slug: string) {
  return headings[slug] ?? [];
}
