/**
 * Presenter mode's thick lines for canvases. The lecture's demo slot provides the scale (2 in
 * presenter mode, 1 otherwise); a canvas multiplies its line widths, small marker sizes and the
 * font sizes of text it draws by it, and draws again when it changes. SVG and chart lines get
 * the same treatment from CSS (DemoSlot.css), which a canvas cannot.
 *
 * A canvas records the scale its last drawing used as `data-line-scale` (set from the value it
 * passed to lineWidth), so a test reads what was drawn rather than what was asked for.
 */
import { createContext, useContext } from 'react';

/** How much thicker lines are in presenter mode. */
export const PRESENTER_LINE_SCALE = 2;

/** 1 outside presenter mode (and outside a lecture's demo slot). */
export const LineScaleContext = createContext(1);

/** The factor to multiply line widths (and small markers and canvas text) by. */
export function useLineScale(): number {
  return useContext(LineScaleContext);
}

/** Records on the canvas the scale its drawing used. */
export function markLineScale(canvas: HTMLCanvasElement | null | undefined, scale: number): void {
  if (canvas && canvas.dataset.lineScale !== String(scale)) canvas.dataset.lineScale = String(scale);
}
