/// <reference types="vite/client" />

declare module 'virtual:lecture-headings' {
  export interface LectureHeading {
    depth: number;
    text: string;
    id: string;
  }
  const headings: Record<string, LectureHeading[]>;
  export default headings;
  /** Where each lecture places its demos: the registry key and the heading id of the section. */
  export const demoPlacements: Record<string, { demo: string; section: string }[]>;
}

/** Body text of every lecture section, for the search box; a lazy chunk. */
declare module 'virtual:lecture-text' {
  const sections: Record<string, { id: string; text: string }[]>;
  export default sections;
}

declare module '*.mdx' {
  import type { ComponentType } from 'react';
  const Component: ComponentType;
  export default Component;
}
