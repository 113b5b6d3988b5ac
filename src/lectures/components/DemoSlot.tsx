import { Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
// Only the small context module: the frame itself arrives with the demo's chunk.
import { SlotChromeContext, type SlotChrome } from '../../demos/frame/slotChrome';
import { LineScaleContext, PRESENTER_LINE_SCALE } from '../../components/presenter';
import { getController } from '../../demos/platform/controllers';
import { DEMOS, DEFAULT_DEMO_HEIGHT, type DemoEntry } from '../demoRegistry';
import { DemoErrorBoundary } from './DemoErrorBoundary';
import { ShareDialog } from './ShareDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { actionForKey, type SlotAction } from './slotKeys';
import { useClassroomLink } from './useClassroomLink';
import { useRestOffscreen } from './useRestOffscreen';
import { useWideDemo } from './wideDemo';
import './DemoSlot.css';

interface DemoSlotProps {
  /** Key in the demo registry. */
  demo: string;
  /** Unique on the page; namespaces the demo's URL state. Defaults to the demo key. */
  id?: string;
  variant?: string;
  /** The lecture text the demo sits beside (on wide screens) or above (on narrow ones). */
  children?: ReactNode;
}

/**
 * How far outside the viewport a slot starts loading its demo: about two screens ahead, so the
 * demo has usually mounted by the time the reader reaches it.
 */
export const DEMO_MOUNT_MARGIN = '1500px 0px';

/**
 * A place in a lecture where a live demo sits. Wide screens: the demo beside the text, sticky
 * while the text scrolls, with a control that widens it to the full width (the text goes below).
 * Narrow screens: the text, then the demo. The demo's code, its worker and its libraries load
 * only when the slot nears the viewport; until then (and in the prerendered page) a placeholder
 * of the same height holds its place. A demo not built yet says so plainly.
 */
export function DemoSlot({ demo, id, variant, children }: DemoSlotProps) {
  const entry = DEMOS[demo];
  if (!entry) throw new Error(`Unknown demo "${demo}" in a lecture slot`);
  const slotId = id ?? demo;
  if (!entry.component) {
    return (
      <section className={slotClass(children, false)} data-demo-slot={slotId}>
        {children ? <div className="with-demo__text">{children}</div> : null}
        <div className="with-demo__demo" role="region" aria-label={`Live demo: ${entry.title}`}>
          <div className="demo-coming">
            <p className="demo-coming__label">Demo coming</p>
            <p className="demo-coming__title">{entry.title}</p>
            <p>{entry.description}</p>
          </div>
        </div>
      </section>
    );
  }
  return (
    <LiveDemoSlot entry={entry} slotId={slotId} variant={variant}>
      {children}
    </LiveDemoSlot>
  );
}

function slotClass(children: ReactNode, wide: boolean) {
  return ['with-demo', 'demo-slot', children ? '' : 'with-demo--alone', wide ? 'with-demo--wide' : ''].filter(Boolean).join(' ');
}

function LiveDemoSlot({ entry, slotId, variant, children }: { entry: DemoEntry; slotId: string; variant?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  const [wide, setWide] = useWideDemo(slotId);
  const Demo = entry.component!;
  const style = { '--demo-height': `${entry.height ?? DEFAULT_DEMO_HEIGHT}px` } as CSSProperties;

  const widen = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const toggle = () => {
    refocus.current = document.activeElement === widen.current;
    setWide(!wide);
  };
  // A demo in the shared frame shows the widen control in its own control row (no extra height);
  // until it does (placeholder, loading, a demo without the frame) the slot shows its bar.
  const [claimed, setClaimed] = useState(0);
  const [presenter, setPresenter] = useState(false);
  const [dialog, setDialog] = useState<'share' | 'shortcuts' | null>(null);
  const [said, setSaid] = useState('');
  const rest = useRestOffscreen(box, slotId, near);
  const classroom = useClassroomLink(slotId);
  const togglePresenter = useCallback(() => setPresenter((p) => !p), []);
  const chrome = useMemo<SlotChrome>(() => ({
    canWiden: Boolean(children),
    wide,
    toggle: () => setWide(!wide),
    claim: () => {
      const hadFocus = widen.current !== null && document.activeElement === widen.current;
      setClaimed((n) => n + 1);
      return { hadFocus, release: () => setClaimed((n) => n - 1) };
    },
    presenter,
    togglePresenter,
    openShare: () => setDialog('share'),
    openShortcuts: () => setDialog('shortcuts'),
    resting: rest.resting && !presenter,
  }), [children, wide, setWide, presenter, togglePresenter, rest.resting]);

  // Presenter mode: the page behind does not scroll.
  useEffect(() => {
    if (!presenter) return;
    document.documentElement.classList.add('presenting');
    return () => document.documentElement.classList.remove('presenting');
  }, [presenter]);

  /** Runs a shortcut's action on the demo's controller; returns false when it does not apply. */
  const perform = useCallback((action: SlotAction): boolean => {
    const controller = getController(slotId);
    const say = (words: string) => setSaid(words);
    switch (action) {
      case 'toggle-presenter':
        setPresenter((p) => !p);
        return true;
      case 'exit':
        if (!presenter) return false;
        setPresenter(false);
        return true;
      case 'help':
        setDialog('shortcuts');
        return true;
    }
    if (!controller) return false;
    const playing = controller.status().playing;
    switch (action) {
      case 'toggle-play':
        if (playing) controller.pause();
        else controller.play();
        say(playing ? 'Paused' : 'Playing');
        break;
      case 'step':
        if (playing) return true;
        controller.step();
        say('One step');
        break;
      case 'reset': controller.reset(); say('Reset'); break;
      case 'faster': controller.faster(); say('Faster'); break;
      case 'slower': controller.slower(); say('Slower'); break;
      case 'next-preset': controller.nextPreset(); say('Next preset'); break;
      case 'previous-preset': controller.previousPreset(); say('Previous preset'); break;
    }
    return true;
  }, [slotId, presenter]);

  const onKeyDown = useCallback((event: KeyboardEvent | React.KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest?.('dialog')) return;
    const action = actionForKey({
      key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey,
      targetTag: target.tagName ?? '', targetRole: target.getAttribute?.('role'), targetEditable: target.isContentEditable,
    });
    if (action && perform(action)) event.preventDefault();
  }, [perform]);

  // In presenter mode the shortcuts work wherever the focus is.
  useEffect(() => {
    if (!presenter) return;
    const onWindowKey = (event: KeyboardEvent) => {
      if (box.current?.contains(event.target as Node)) return; // the demo's own handler has it
      onKeyDown(event);
    };
    window.addEventListener('keydown', onWindowKey);
    return () => window.removeEventListener('keydown', onWindowKey);
  }, [presenter, onKeyDown]);
  // The demo moved (to the top of its section, or back beside the text): keep it in view, and
  // keep focus on the control if the move took it away.
  useLayoutEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    if (document.activeElement !== widen.current) widen.current?.focus({ preventScroll: true });
    box.current?.scrollIntoView({ block: 'start' });
  }, [wide]);

  // Text first (beside it on a wide screen, above it on a narrow one); widened, the demo comes
  // first at the full width and the text follows. Keyed, so React moves nodes, never remounts.
  const text = children ? (
    <div key="text" className="with-demo__text">
      {children}
    </div>
  ) : null;
  const demo = (
    <div key="demo" className="with-demo__demo" role="region" aria-label={`Live demo: ${entry.title}`} ref={box} onKeyDown={onKeyDown} tabIndex={-1}>
      {rest.rested ? (
        <div className="demo-slot__rested" role="status">
          <span>Paused while it was out of view, to spare your battery.</span>
          <button type="button" onClick={rest.resume}>Resume</button>
          <button type="button" className="secondary" onClick={rest.dismiss}>Dismiss</button>
        </div>
      ) : null}
      {classroom.problems.length || classroom.hidden.length ? (
        <div className="demo-slot__classroom" role="note">
          {classroom.problems.map((p) => <p key={p}>{p}</p>)}
          {classroom.hidden.length ? (
            <p>
              This classroom link hides {classroom.hidden.length} control{classroom.hidden.length === 1 ? '' : 's'}.{' '}
              <button type="button" className="linklike" onClick={classroom.showAll}>Show all controls</button>
            </p>
          ) : null}
        </div>
      ) : null}
      {children && claimed === 0 ? (
        <div className="demo-slot__bar">
          <button type="button" ref={widen} className="demo-slot__widen" aria-pressed={wide} onClick={toggle}>
            {wide ? 'Put the demo beside the text' : 'Widen the demo'}
          </button>
        </div>
      ) : null}
      {near ? (
        <DemoErrorBoundary title={entry.title}>
          <Suspense fallback={<DemoPlaceholder title={entry.title} loading />}>
            <SlotChromeContext.Provider value={children ? chrome : null}>
              <LineScaleContext.Provider value={presenter ? PRESENTER_LINE_SCALE : 1}>
                <Demo slotId={slotId} variant={variant} />
              </LineScaleContext.Provider>
            </SlotChromeContext.Provider>
          </Suspense>
        </DemoErrorBoundary>
      ) : (
        <DemoPlaceholder title={entry.title} />
      )}
    </div>
  );
  return (
    <section
      id={`demo-${slotId}`}
      className={slotClass(children, wide && !presenter) + (presenter ? ' demo-slot--presenter' : '')}
      data-demo-slot={slotId}
      data-demo-state={near ? 'mounted' : 'waiting'}
      data-presenter={presenter || undefined}
      data-resting={rest.resting || undefined}
      aria-label={presenter ? `Presenter mode: ${entry.title}` : undefined}
      style={style}
    >
      {classroom.css ? <style>{classroom.css}</style> : null}
      {wide || presenter ? [demo, text] : [text, demo]}
      <p className="visually-hidden" aria-live="polite">{said}</p>
      {dialog === 'shortcuts' ? <ShortcutsDialog open onClose={() => setDialog(null)} title={entry.title} /> : null}
      {dialog === 'share' ? <ShareDialog open onClose={() => setDialog(null)} slotId={slotId} title={entry.title} /> : null}
    </section>
  );
}

/** What stands in the demo's place until it mounts (and in the page as prerendered). */
function DemoPlaceholder({ title, loading = false }: { title: string; loading?: boolean }) {
  return (
    <div className="demo-placeholder" aria-busy={loading}>
      <p className="demo-placeholder__title">{title}</p>
      <p className="demo-placeholder__note">{loading ? 'Loading the demo…' : 'The live demo loads as you scroll to it.'}</p>
      <noscript>
        <p className="demo-placeholder__note">It runs in your browser and needs JavaScript.</p>
      </noscript>
    </div>
  );
}

/** True once the element has come within DEMO_MOUNT_MARGIN of the viewport (and stays true). */
function useNearViewport(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: DEMO_MOUNT_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, near]);
  return near;
}
