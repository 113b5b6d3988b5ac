import type { ComponentProps } from 'react';

/** A code sample: scrolls sideways on narrow screens, so it must be reachable by keyboard. */
export function CodeBlock(props: ComponentProps<'pre'>) {
  return <pre tabIndex={0} aria-label="Code sample" {...props} />;
}
