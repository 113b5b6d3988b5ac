import { Algorithm } from './Algorithm';
import { DemoSlot } from './DemoSlot';
import { Note } from './Note';

/** Components every lecture's MDX can use without importing them. */
export const lectureComponents = { Algorithm, DemoSlot, Note };
