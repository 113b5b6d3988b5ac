import { Algorithm } from './Algorithm';
import { CodeBlock } from './CodeBlock';
import { DemoSlot } from './DemoSlot';
import { Note } from './Note';

/** Components every lecture's MDX can use without importing them (`pre` replaces code blocks). */
export const lectureComponents = { Algorithm, DemoSlot, Note, pre: CodeBlock };
