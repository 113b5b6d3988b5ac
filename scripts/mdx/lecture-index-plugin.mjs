// Vite plugin: `virtual:lecture-headings` exports the ## and ### headings of every lecture
// (text and the id rehype-slug gives them), read from the MDX source at build time, so the
// table of contents and the search box work without loading every lecture's code.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';

const ID = 'virtual:lecture-headings';
const RESOLVED = '\0' + ID;

/** Plain text of a markdown heading: drop emphasis, code ticks and link targets. */
export function headingText(markdown) {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

export function extractHeadings(source) {
  const slugger = new GithubSlugger();
  const headings = [];
  let inFence = false;
  for (const line of source.split('\n')) {
    if (/^(```|\$\$)/.test(line.trim())) inFence = !inFence;
    if (inFence) continue;
    const match = /^(#{1,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const text = headingText(match[2]);
    const id = slugger.slug(text);
    if (match[1].length >= 2) headings.push({ depth: match[1].length, text, id });
  }
  return headings;
}

export default function lectureIndexPlugin(lecturesDir) {
  return {
    name: 'lecture-headings',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const index = {};
      for (const slug of readdirSync(lecturesDir)) {
        const file = join(lecturesDir, slug, 'index.mdx');
        if (!existsSync(file)) continue;
        this.addWatchFile(file);
        index[slug] = extractHeadings(readFileSync(file, 'utf8'));
      }
      return `export default ${JSON.stringify(index)};`;
    },
  };
}
