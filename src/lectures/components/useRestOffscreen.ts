import { useEffect, useState, type RefObject } from 'react';
import { getController } from '../../demos/platform/controllers';

export interface RestState {
  /** Out of view: animation loops should stop (the slot tells the demo through its chrome). */
  resting: boolean;
  /** The slot paused a running demo when it left the view, and it is back in view, still paused. */
  rested: boolean;
  resume(): void;
  dismiss(): void;
}

/**
 * A demo scrolled out of view rests: if it was playing, its controller is paused (training ticks
 * stop), and when it comes back the slot says so and offers to resume. Nothing resumes by itself:
 * a student returning to the demo decides.
 */
export function useRestOffscreen(box: RefObject<HTMLElement | null>, slotId: string, mounted: boolean): RestState {
  const [inView, setInView] = useState(true);
  const [rested, setRested] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setInView(entries[entries.length - 1].isIntersecting), { threshold: 0 });
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);

  useEffect(() => {
    if (!mounted || inView) return;
    const controller = getController(slotId);
    if (controller?.status().playing) {
      controller.pause();
      setRested(true);
    }
  }, [inView, mounted, slotId]);

  // Played again (its own button, a shortcut): the note has done its job.
  useEffect(() => {
    if (!rested) return;
    const controller = getController(slotId);
    if (!controller) return;
    return controller.subscribe(() => {
      if (controller.status().playing) setRested(false);
    });
  }, [rested, slotId]);

  return {
    resting: mounted && !inView,
    rested: rested && inView,
    resume: () => {
      setRested(false);
      getController(slotId)?.play();
    },
    dismiss: () => setRested(false),
  };
}
