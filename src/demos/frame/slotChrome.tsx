/**
 * What the lecture's demo slot offers the demo inside it: the "widen" control. A frame shows it in
 * its control row (so it costs no height of its own) and tells the slot, which then drops its own
 * bar. Outside a lecture slot there is no context and no button.
 */
import { createContext, useContext, useLayoutEffect, useRef } from 'react';

export interface SlotChrome {
  wide: boolean;
  toggle(): void;
  /** The demo shows the control itself (the slot hides its own); `hadFocus` when the slot's had it. */
  claim(): { release(): void; hadFocus: boolean };
}

export const SlotChromeContext = createContext<SlotChrome | null>(null);

/** The widen / put-back toggle, keeping focus when the demo moves in the page. */
export function WidenButton() {
  const chrome = useContext(SlotChromeContext);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (!chrome) return;
    const { release, hadFocus } = chrome.claim();
    // The slot's own control had focus (the reader used it while the demo loaded): keep it here.
    if (hadFocus) button.current?.focus({ preventScroll: true });
    return release;
  }, [chrome]);
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
        const hadFocus = document.activeElement === button.current;
        refocus.current = hadFocus;
        const slot = button.current?.closest('[data-demo-slot]');
        chrome.toggle();
        // The demo moves in the page (and may re-render its controls): put focus back on the control.
        if (hadFocus) requestAnimationFrame(() => slot?.querySelector<HTMLButtonElement>('.demo-frame__widen')?.focus({ preventScroll: true }));
      }}
    >
      <span aria-hidden="true">↔</span>
    </button>
  );
}
