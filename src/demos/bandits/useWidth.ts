/**
 * The rendered width of an element in CSS px (ResizeObserver), so an SVG can use it as its viewBox
 * width and draw its text at true size (14 px stays 14 px) in a side column, widened or on a phone.
 */
import { useEffect, useRef, useState } from 'react';

export function useWidth<E extends Element>(fallback = 480) {
  const ref = useRef<E | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, Math.max(240, width)] as const;
}
