// Vite plugin: two virtual modules read from the lectures' MDX source at build time.
// - `virtual:lecture-headings` (in the app shell): the ## and ### headings of every lecture (text
//   and the id rehype-slug gives them) and where each demo is placed, so the table of contents and
//   a search by title, heading or demo name work without loading any lecture's code.
// - `virtual:lecture-text` (a lazy chunk, imported only when the search box is first used): the
//   plain body text of every section, so the search also finds words in the prose.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';

const HEADINGS_ID = 'virtual:lecture-headings';
const TEXT_ID = 'virtual:lecture-text';

/** Plain text of a markdown heading: drop emphasis, code ticks and link targets. */
export function headingText(markdown) {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

// TeX commands worth keeping in a snippet, as the character a reader would say.
const TEX_SYMBOLS = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η',
  theta: 'θ', vartheta: 'θ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π',
  rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ',
  Omega: 'Ω', nabla: '∇', sum: 'Σ', prod: 'Π', int: '∫', infty: '∞', partial: '∂', le: '≤', leq: '≤',
  ge: '≥', geq: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '~', propto: '∝', mid: '|', in: '∈',
  to: '→', rightarrow: '→', leftarrow: '←', gets: '←', cdot: '·', times: '×', pm: '±', star: '*',
  ldots: '…', cdots: '…', dots: '…', E: 'E', log: 'log', exp: 'exp', max: 'max', min: 'min',
  arg: 'arg', argmax: 'argmax', argmin: 'argmin', KL: 'KL',
};

/** A rough reading of inline TeX for search snippets: `\pi_\theta(a \mid s)` gives `πθ(a | s)`. */
export function texToText(tex) {
  return tex
    .replace(/\\(?:[,;:! ]|quad|qquad)/g, ' ')
    .replace(/\\([A-Za-z]+)/g, (_, name) => TEX_SYMBOLS[name] ?? '')
    .replace(/\\\{/g, '⦃')
    .replace(/\\\}/g, '⦄')
    .replace(/\\(.)/g, '$1')
    .replace(/[{}_^&]/g, '')
    .replace(/⦃/g, '{')
    .replace(/⦄/g, '}')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain text of one paragraph of MDX prose: math read roughly, markup and tags dropped. */
export function proseText(markdown) {
  return markdown
    .replace(/\$([^$]+)\$/g, (_, tex) => texToText(tex))
    .replace(/<[A-Za-z][^>]*\btitle="([^"]*)"[^>]*>/g, ' $1. ')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]/g, '')
    .replace(/(^|\W)_+|_+(\W|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One pass over a lecture's MDX: its headings (ids as rehype-slug makes them), the body text of
 * each section (the part before the first heading has id ''), and the section each demo sits in.
 * Display math and code blocks are left out of the text.
 */
export function extractLecture(source) {
  const slugger = new GithubSlugger();
  const headings = [];
  const sections = [{ id: '', text: '' }];
  const demos = [];
  let fence = null;
  let paragraph = [];
  const flush = () => {
    const text = proseText(paragraph.join(' '));
    paragraph = [];
    if (!text) return;
    const section = sections[sections.length - 1];
    section.text = section.text ? `${section.text} ${text}` : text;
  };
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (fence) {
      if (trimmed.startsWith(fence)) fence = null;
      continue;
    }
    const opens = /^(```|~~~|\$\$)/.exec(trimmed);
    if (opens) {
      // Display math usually sits inside a sentence: leave a mark where it was. Code ends one.
      if (opens[1] === '$$') paragraph.push('…');
      else flush();
      // A one-line `$$ … $$` opens and closes on the same line.
      if (!(opens[1] === '$$' && trimmed.length > 2 && trimmed.endsWith('$$'))) fence = opens[1];
      continue;
    }
    if (/^(import|export)\s/.test(trimmed)) continue;
    const heading = /^(#{1,3})\s+(.+?)\s*#*\s*$/.exec(trimmed);
    if (heading) {
      flush();
      const text = headingText(heading[2]);
      const id = slugger.slug(text);
      if (heading[1].length >= 2) {
        headings.push({ depth: heading[1].length, text, id });
        sections.push({ id, text: '' });
      }
      continue;
    }
    const demo = /<DemoSlot\b[^>]*\bdemo="([^"]+)"/.exec(trimmed);
    if (demo) demos.push({ demo: demo[1], section: sections[sections.length - 1].id });
    if (trimmed === '') flush();
    // List and quote markers belong to the line, not the text.
    else paragraph.push(trimmed.replace(/^(?:[-*+>]|\d+\.)\s+/, ''));
  }
  flush();
  return { headings, sections: sections.filter((section) => section.text), demos };
}

/** Kept for callers that only need the headings. */
export function extractHeadings(source) {
  return extractLecture(source).headings;
}

export default function lectureIndexPlugin(lecturesDir) {
  const readAll = (context) => {
    const lectures = {};
    for (const slug of readdirSync(lecturesDir)) {
      const file = join(lecturesDir, slug, 'index.mdx');
      if (!existsSync(file)) continue;
      context.addWatchFile(file);
      lectures[slug] = extractLecture(readFileSync(file, 'utf8'));
    }
    return lectures;
  };
  const pick = (lectures, key) =>
    Object.fromEntries(Object.entries(lectures).map(([slug, lecture]) => [slug, lecture[key]]));
  return {
    name: 'lecture-index',
    resolveId(id) {
      return id === HEADINGS_ID || id === TEXT_ID ? '\0' + id : undefined;
    },
    load(id) {
      if (id === '\0' + HEADINGS_ID) {
        const lectures = readAll(this);
        return [
          `export default ${JSON.stringify(pick(lectures, 'headings'))};`,
          `export const demoPlacements = ${JSON.stringify(pick(lectures, 'demos'))};`,
        ].join('\n');
      }
      if (id === '\0' + TEXT_ID) {
        return `export default ${JSON.stringify(pick(readAll(this), 'sections'))};`;
      }
      return undefined;
    },
  };
}
