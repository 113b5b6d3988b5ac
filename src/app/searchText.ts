// Matching and ranking for the lecture search: pure functions over plain entries (no DOM, no data).

/** What an entry is; also the tie-break order between equally good matches. */
export type EntryKind = 'lecture' | 'demo' | 'heading' | 'text';
const KIND_RANK: Record<EntryKind, number> = { lecture: 0, demo: 1, heading: 2, text: 3 };

export interface SearchEntry {
  /** Path inside the app, e.g. `/lecture/policy-gradients#baselines`. */
  to: string;
  label: string;
  /** Where it is, e.g. "Lecture 2: Policy gradients". */
  lecture: string;
  kind: EntryKind;
  /** Searched first and weighted up: a title, heading or demo name. */
  title: string;
  /** Weighted like the title (a lecture's one-line summary); shown when the match is here. */
  summary?: string;
  /** The section's body text, searched too; a match here shows a snippet. */
  body?: string;
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export interface SearchHit {
  to: string;
  label: string;
  lecture: string;
  /** `text` when some query word was found only in the body text (then `snippet` shows it). */
  kind: EntryKind;
  snippet?: Snippet;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches in all, before the list was cut to its limit. */
  total: number;
}

/** How well a word occurs: 3 a whole word, 2 the start of a word, 1 inside a word, 0 not at all. */
export const WHOLE = 3;
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

interface Occurrence {
  quality: number;
  index: number;
  count: number;
}

/** Best occurrence of `word` in `haystack` (both lower case) and how often it occurs at all. */
export function findWord(haystack: string, word: string): Occurrence {
  let best: Occurrence = { quality: 0, index: -1, count: 0 };
  let count = 0;
  for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + 1)) {
    count += 1;
    const starts = !isWordChar(haystack[at - 1]);
    const ends = !isWordChar(haystack[at + word.length]);
    const quality = starts && ends ? WHOLE : starts ? 2 : 1;
    if (quality > best.quality) best = { quality, index: at, count: 0 };
  }
  return { ...best, count };
}

/** The text around `index`, cut at word boundaries, with the match itself apart. */
export function snippetAround(text: string, index: number, length: number, before = 60, after = 100): Snippet {
  let start = Math.max(0, index - before);
  let end = Math.min(text.length, index + length + after);
  if (start > 0 && text[start - 1] !== ' ') start = text.indexOf(' ', start) + 1 || start;
  if (start > index) start = index;
  if (end < text.length) end = Math.max(text.lastIndexOf(' ', end), index + length);
  return {
    before: (start > 0 ? '…' : '') + text.slice(start, index),
    match: text.slice(index, index + length),
    after: text.slice(index + length, end) + (end < text.length ? '…' : ''),
  };
}

export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

interface Lowered {
  entry: SearchEntry;
  title: string;
  summary: string;
  body: string;
}
const NONE: Occurrence = { quality: 0, index: -1, count: 0 };

/** Lower-cased copies of the entries, made once per index rather than once per key press. */
export function prepare(entries: readonly SearchEntry[]): Lowered[] {
  return entries.map((entry) => ({
    entry,
    title: entry.title.toLowerCase(),
    summary: (entry.summary ?? '').toLowerCase(),
    body: (entry.body ?? '').toLowerCase(),
  }));
}

/**
 * Entries containing every word of the query (in the title or the body), best first: whole words
 * before word starts before fragments ("reinforce" finds REINFORCE before "reinforcement"); then
 * titles, demos, headings, body text; then more occurrences; then course order.
 */
export function search(prepared: readonly Lowered[], query: string, limit = 15): SearchResult {
  const words = queryWords(query);
  if (words.length === 0) return { hits: [], total: 0 };
  const scored: { hit: SearchHit; quality: number; rank: number; count: number; order: number }[] = [];
  prepared.forEach(({ entry, title, summary, body }, order) => {
    let quality = 0;
    let count = 0;
    let inBodyOnly = false;
    // Where to show a match that the label does not: the body text, else the summary.
    let bestBody: { word: string; at: Occurrence } | undefined;
    let bestSummary: { word: string; at: Occurrence } | undefined;
    for (const word of words) {
      const inLabel = findWord(title, word);
      const inSummary = summary ? findWord(summary, word) : NONE;
      const inTitle = inSummary.quality > inLabel.quality ? inSummary : inLabel;
      const inBody = body ? findWord(body, word) : NONE;
      if (inTitle.quality === 0 && inBody.quality === 0) return;
      quality += Math.max(inTitle.quality, inBody.quality);
      count += inLabel.count + inSummary.count + inBody.count;
      if (inBody.quality > inTitle.quality) {
        inBodyOnly = true;
        if (!bestBody || inBody.quality > bestBody.at.quality) bestBody = { word, at: inBody };
      } else if (inTitle === inSummary && (!bestSummary || inSummary.quality > bestSummary.at.quality)) {
        bestSummary = { word, at: inSummary };
      }
    }
    const kind: EntryKind = inBodyOnly && entry.kind !== 'demo' ? 'text' : entry.kind;
    const snippet =
      bestBody && entry.body
        ? snippetAround(entry.body, bestBody.at.index, bestBody.word.length)
        : bestSummary && entry.summary
          ? snippetAround(entry.summary, bestSummary.at.index, bestSummary.word.length)
          : undefined;
    scored.push({
      hit: { to: entry.to, label: entry.label, lecture: entry.lecture, kind, snippet },
      quality,
      rank: KIND_RANK[kind],
      count,
      order,
    });
  });
  scored.sort((a, b) => b.quality - a.quality || a.rank - b.rank || b.count - a.count || a.order - b.order);
  return { hits: scored.slice(0, limit).map((s) => s.hit), total: scored.length };
}
