/**
 * The rendered width of an element in CSS px (ResizeObserver), so an SVG can use it as its viewBox
 * width and draw its text at true size (14 px stays 14 px) in a side column, widened or on a phone.
 * Measured before the first paint, then on every resize; never below `min`.
 */
import { useLayoutEffect, useRef, useState } from 'react';

export function useWidth<E extends Element>(fallback = 480, min = 160) {
  const ref = useRef<E | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const w = Math.floor(element.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, Math.max(min, width)] as const;
}
