/// <reference types="vite/client" />

declare module 'virtual:lecture-headings' {
  export interface LectureHeading {
    depth: number;
    text: string;
    id: string;
  }
  const headings: Record<string, LectureHeading[]>;
  export default headings;
}

declare module '*.mdx' {
  import type { ComponentType } from 'react';
  const Component: ComponentType;
  export default Component;
}
