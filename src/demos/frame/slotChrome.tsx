/**
 * What the lecture's demo slot offers the demo inside it: the "widen" control, presenter mode, the
 * share dialog and the shortcut list. A frame shows these in its control row (so they cost no
 * height of their own) and tells the slot, which then drops its own bar. The slot also says when
 * the demo is resting (scrolled out of view), so a demo's own animation loop can stop too.
 * Outside a lecture slot there is no context and no buttons.
 */
import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface SlotChrome {
  /** The slot has text to sit beside, so widening means something. */
  canWiden: boolean;
  wide: boolean;
  toggle(): void;
  /** The demo shows the control itself (the slot hides its own); `hadFocus` when the slot's had it. */
  claim(): { release(): void; hadFocus: boolean };
  presenter: boolean;
  togglePresenter(): void;
  openShare(): void;
  openShortcuts(): void;
  /** Out of view: the slot has paused the run; animation loops should stop drawing. */
  resting: boolean;
}

export const SlotChromeContext = createContext<SlotChrome | null>(null);

/** True while the demo's slot is scrolled out of view (or false outside a lecture slot). */
export function useSlotResting(): boolean {
  return useContext(SlotChromeContext)?.resting ?? false;
}

/**
 * The slot's tools beside the status line: one small "demo tools" button opening a short menu of
 * presenter mode, share link and the shortcut list (one button, so a narrow frame keeps its rows).
 */
export function SlotTools() {
  const chrome = useContext(SlotChromeContext);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  if (!chrome) return null;
  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <span className="demo-frame__tools" ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
          toggleButton.current?.focus();
        }
      }}>
      <button type="button" ref={toggleButton} className="secondary demo-frame__tools-toggle" aria-expanded={open}
        aria-label="Demo tools: presenter mode, share link, shortcuts" title="Presenter mode, share link, keyboard shortcuts"
        onClick={() => setOpen(!open)}>
        <Icon path="M5 12h.01M12 12h.01M19 12h.01" />
      </button>
      {open ? (
        <span className="demo-frame__tools-menu" role="group" aria-label="Demo tools">
          <button type="button" className="secondary" aria-keyshortcuts="F" onClick={choose(chrome.togglePresenter)}>
            <Icon path="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />
            {chrome.presenter ? 'Leave presenter mode' : 'Presenter mode'}<kbd>F</kbd>
          </button>
          <button type="button" className="secondary" onClick={choose(chrome.openShare)}>
            <Icon path="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2" />
            Share a link…
          </button>
          <button type="button" className="secondary" aria-keyshortcuts="?" onClick={choose(chrome.openShortcuts)}>
            <Icon path="M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5h.01" />
            Keyboard shortcuts<kbd>?</kbd>
          </button>
        </span>
      ) : null}
      {chrome.presenter ? (
        <button type="button" className="demo-frame__leave" onClick={chrome.togglePresenter} title="Leave presenter mode (F or Esc)">
          Leave presenter mode
        </button>
      ) : null}
    </span>
  );
}

/** A small stroked icon in the text colour (system fonts lack the symbols on some machines). */
function Icon({ path }: { path: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="1.1em" height="1.1em" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
      <path d={path} />
    </svg>
  );
}

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
  if (!chrome || !chrome.canWiden || chrome.presenter) return null;
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
