/**
 * What the lecture's demo slot offers the demo inside it: the "widen" control. A frame shows it in
 * its control row (so it costs no height of its own) and tells the slot, which then drops its own
 * bar. Outside a lecture slot there is no context and no button.
 */
import { createContext, useContext, useLayoutEffect, useRef } from 'react';

export interface SlotChrome {
  wide: boolean;
  toggle(): void;
  /** The demo shows the control itself; returns the release (on unmount). */
  claim(): () => void;
}

export const SlotChromeContext = createContext<SlotChrome | null>(null);

/** The widen / put-back toggle, keeping focus when the demo moves in the page. */
export function WidenButton() {
  const chrome = useContext(SlotChromeContext);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useLayoutEffect(() => chrome?.claim(), [chrome]);
  const wide = chrome?.wide ?? false;
  useLayoutEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    button.current?.focus({ preventScroll: true });
  }, [wide]);
  if (!chrome) return null;
  return (
    <button
      type="button"
      ref={button}
      className="secondary demo-frame__widen"
      aria-pressed={wide}
      aria-label={wide ? 'Put the demo beside the text' : 'Widen the demo'}
      title={wide ? 'Put the demo back beside the text' : 'Give the demo the full width (the text goes below)'}
      onClick={() => {
        refocus.current = document.activeElement === button.current;
        chrome.toggle();
      }}
    >
      {wide ? 'Beside text' : 'Widen'}
    </button>
  );
}
