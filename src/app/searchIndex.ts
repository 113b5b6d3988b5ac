import headings from 'virtual:lecture-headings';
import { LECTURES } from '../lectures/catalog';

export interface SearchHit {
  /** Path inside the app, e.g. `/lecture/policy-gradients#baselines`. */
  to: string;
  label: string;
  lecture: string;
}

interface Entry extends SearchHit {
  haystack: string;
}

const ENTRIES: Entry[] = LECTURES.flatMap((lecture) => [
  {
    to: `/lecture/${lecture.slug}`,
    label: lecture.title,
    lecture: `Lecture ${lecture.number}`,
    haystack: `${lecture.title} ${lecture.summary}`.toLowerCase(),
  },
  ...(headings[lecture.slug] ?? []).map((heading) => ({
    to: `/lecture/${lecture.slug}#${heading.id}`,
    label: heading.text,
    lecture: `Lecture ${lecture.number}: ${lecture.title}`,
    haystack: heading.text.toLowerCase(),
  })),
]);

/** Lecture titles and headings containing every word of the query, titles first. */
export function searchLectures(query: string, limit = 12): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return ENTRIES.filter((entry) => words.every((word) => entry.haystack.includes(word)))
    .slice(0, limit)
    .map(({ to, label, lecture }) => ({ to, label, lecture }));
}

export function lectureHeadings(slug: string) {
  return headings[slug] ?? [];
}
