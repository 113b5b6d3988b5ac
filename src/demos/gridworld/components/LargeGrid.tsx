import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { IMAGE_DECADES } from '../../../algorithms/gridworld';
import { LargeGridClient, type LargeGridConfig, type LargeGridProgress } from '../largeGridClient';
import { Slider } from './Controls';
import { LIGHT_PALETTE, useCanvasColours } from '../../../components/theme';

const SIDES = [64, 256, 512, 1024] as const;
const TOLERANCE = 1e-6;
const MAX_ZOOM = 64;

interface Props {
  noise: number;
  livingReward: number;
  inPlace: boolean;
  /** Hands the client to the test API (bench). */
  onClient?: (client: LargeGridClient, last: () => LargeGridProgress | null) => void;
}

/**
 * Sweeps until the residual γ^k r₀ falls to the tolerance: k ≈ log(tol / r₀) / log γ, where r₀ is
 * the first sweep's change (the largest |reward|, 1 for these mazes).
 */
export function sweepsToConverge(gamma: number, tolerance: number, firstResidual = 1): number {
  if (gamma <= 0) return 1;
  if (gamma >= 1) return Infinity;
  return Math.max(1, Math.ceil(Math.log(tolerance / firstResidual) / Math.log(gamma)));
}

const seconds = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toPrecision(2)} s` : `${(ms / 60_000).toPrecision(2)} min`);

/** The view: device pixels per cell and the cell at the canvas centre. */
interface View { zoom: number; cx: number; cy: number }

/**
 * Whole-number zooms: k device pixels per cell from 1 up, or one device pixel per k x k block of
 * cells below (zoom 1/k, k a power of two, drawn from a box-averaged copy), so no cell is
 * resampled unevenly.
 */
const snap = (zoom: number) => (zoom >= 1 ? Math.min(MAX_ZOOM, Math.floor(zoom)) : 2 ** -Math.min(4, Math.ceil(Math.log2(1 / zoom) - 1e-9)));

/**
 * The image shrunk by k = 2^m in each direction, each pixel the mean of its k x k block of cells:
 * m halvings, each a bilinear draw at exactly half size, which samples the shared corner of every
 * 2 x 2 block and so averages it (done by the browser's canvas, off the main thread's JS).
 */
function boxAverage(image: HTMLCanvasElement, k: number): HTMLCanvasElement {
  let current = image;
  for (let factor = 1; factor < k; factor *= 2) {
    const half = document.createElement('canvas');
    half.width = Math.max(1, Math.floor(current.width / 2));
    half.height = Math.max(1, Math.floor(current.height / 2));
    const context = half.getContext('2d')!;
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'low';
    context.drawImage(current, 0, 0, half.width * 2, half.height * 2, 0, 0, half.width, half.height);
    current = half;
  }
  return current;
}

/**
 * Random mazes up to 1024 x 1024 swept in a worker. The value image (one pixel per cell) is drawn
 * onto a canvas at device resolution: at whole-number zooms with nearest-neighbour scaling, and
 * below one pixel per cell as a box average of k x k blocks (no moiré). Wheel, pinch,
 * drag, the +/− buttons and the keyboard zoom and pan.
 */
export function LargeGrid({ noise, livingReward, inPlace, onClient }: Props) {
  const id = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const imageRef = useRef<HTMLCanvasElement | null>(null);
  const clientRef = useRef<LargeGridClient | null>(null);
  const lastRef = useRef<LargeGridProgress | null>(null);
  const viewRef = useRef<View | null>(null);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const [side, setSide] = useState<number>(256);
  const [seed, setSeed] = useState(1);
  const [gamma, setGamma] = useState(0.99);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<LargeGridProgress | null>(null);
  const [zoomLabel, setZoomLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The margin around the maze in the theme's soft paper (read through a ref: a sweep in flight
  // draws with the redraw it started with).
  const colours = useCanvasColours(canvasRef);
  const marginColour = useRef(LIGHT_PALETTE.paperSoft);

  const client = () => {
    if (!clientRef.current) {
      clientRef.current = new LargeGridClient();
      onClient?.(clientRef.current, () => lastRef.current);
    }
    return clientRef.current;
  };

  useEffect(() => () => clientRef.current?.dispose(), []);

  /** Fits the whole maze into the canvas. */
  const fitView = useCallback((): View | null => {
    const canvas = canvasRef.current;
    const image = imageRef.current;
    if (!canvas || !image) return null;
    return { zoom: snap(Math.min(canvas.width / image.width, canvas.height / image.height)), cx: image.width / 2, cy: image.height / 2 };
  }, []);

  const redraw = useCallback(() => {
    const canvas = canvasRef.current;
    const image = imageRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = marginColour.current;
    context.fillRect(0, 0, canvas.width, canvas.height);
    if (!image) return;
    const view = (viewRef.current ??= fitView());
    if (!view) return;
    // Whole device pixels for the origin, so every cell covers the same pixels.
    const x0 = Math.round(canvas.width / 2 - view.cx * view.zoom);
    const y0 = Math.round(canvas.height / 2 - view.cy * view.zoom);
    context.imageSmoothingEnabled = false;
    if (view.zoom >= 1) {
      context.drawImage(image, 0, 0, image.width, image.height, x0, y0, image.width * view.zoom, image.height * view.zoom);
    } else {
      const k = Math.round(1 / view.zoom);
      const small = boxAverage(image, k);
      context.drawImage(small, x0, y0);
    }
    setZoomLabel(view.zoom >= 1 ? `${view.zoom} device ${view.zoom === 1 ? 'pixel' : 'pixels'} per cell` : `one device pixel per ${Math.round(1 / view.zoom)} x ${Math.round(1 / view.zoom)} cells (averaged)`);
  }, [fitView]);

  useEffect(() => {
    marginColour.current = colours.paperSoft;
    redraw();
  }, [colours, redraw]);

  // Keep the canvas at device resolution as its box changes.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const resize = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
      const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
        viewRef.current = null;
        redraw();
      }
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [redraw]);

  const draw = (p: LargeGridProgress) => {
    lastRef.current = p;
    setProgress(p);
    let image = imageRef.current;
    if (!image || image.width !== p.cols || image.height !== p.rows) {
      image = document.createElement('canvas');
      image.width = p.cols;
      image.height = p.rows;
      imageRef.current = image;
      viewRef.current = null;
    }
    image.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(p.image.buffer as ArrayBuffer), p.cols, p.rows), 0, 0);
    redraw();
  };

  const start = async () => {
    setError(null);
    setRunning(true);
    try {
      const config: LargeGridConfig = { side, seed, layout: 'maze', gamma, noise, livingReward, inPlace, precision: 'float32' };
      draw(await client().load(config));
      const final = await client().run(TOLERANCE, 100_000, draw);
      if (final) draw(final);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  };

  const stop = () => {
    void clientRef.current?.stop();
    setRunning(false);
  };

  /** Zooms by `factor` keeping the cell under canvas point (px, py) (device pixels) in place. */
  const zoomAt = (factor: number, px?: number, py?: number) => {
    const canvas = canvasRef.current;
    const view = viewRef.current ?? fitView();
    if (!canvas || !view) return;
    const x = px ?? canvas.width / 2;
    const y = py ?? canvas.height / 2;
    const cellX = view.cx + (x - canvas.width / 2) / view.zoom;
    const cellY = view.cy + (y - canvas.height / 2) / view.zoom;
    const zoom = snap(view.zoom * factor);
    const bounded = Math.min(MAX_ZOOM, Math.max(1 / 16, zoom));
    if (bounded === view.zoom && factor !== 1) return;
    viewRef.current = { zoom: bounded, cx: cellX - (x - canvas.width / 2) / bounded, cy: cellY - (y - canvas.height / 2) / bounded };
    redraw();
  };
  const panBy = (dx: number, dy: number) => {
    const view = viewRef.current ?? fitView();
    if (!view) return;
    viewRef.current = { ...view, cx: view.cx - dx / view.zoom, cy: view.cy - dy / view.zoom };
    redraw();
  };
  const fit = () => { viewRef.current = fitView(); redraw(); };

  const devicePoint = (event: { clientX: number; clientY: number }) => {
    const canvas = canvasRef.current!;
    const box = canvas.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * canvas.width) / box.width, y: ((event.clientY - box.top) * canvas.height) / box.height };
  };
  const onWheel = (event: globalThis.WheelEvent) => {
    event.preventDefault();
    const { x, y } = devicePoint(event);
    zoomAt(event.deltaY < 0 ? 2 : 0.5, x, y);
  };
  // The wheel listener must not be passive, so the page does not scroll while zooming.
  const wheelRef = useRef(onWheel);
  wheelRef.current = onWheel;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const listener = (event: globalThis.WheelEvent) => wheelRef.current(event);
    canvas.addEventListener('wheel', listener, { passive: false });
    return () => canvas.removeEventListener('wheel', listener);
  }, []);
  const onPointerDown = (event: PointerEvent) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, devicePoint(event));
  };
  const onPointerMove = (event: PointerEvent) => {
    const before = pointers.current.get(event.pointerId);
    if (!before) return;
    const now = devicePoint(event);
    if (pointers.current.size === 2) {
      // Pinch: zoom by the change in distance between the two fingers, about their midpoint.
      const [other] = [...pointers.current.entries()].filter(([key]) => key !== event.pointerId).map(([, p]) => p);
      const d0 = Math.hypot(before.x - other.x, before.y - other.y);
      const d1 = Math.hypot(now.x - other.x, now.y - other.y);
      if (d0 > 0 && (d1 / d0 > 1.25 || d1 / d0 < 0.8)) {
        zoomAt(d1 > d0 ? 2 : 0.5, (now.x + other.x) / 2, (now.y + other.y) / 2);
        pointers.current.set(event.pointerId, now);
      }
      return;
    }
    panBy(now.x - before.x, now.y - before.y);
    pointers.current.set(event.pointerId, now);
  };
  const onPointerUp = (event: PointerEvent) => { pointers.current.delete(event.pointerId); };
  const onKeyDown = (event: KeyboardEvent) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const step = canvas.width / 8;
    const keys: Record<string, () => void> = {
      '+': () => zoomAt(2), '=': () => zoomAt(2), '-': () => zoomAt(0.5), '0': fit,
      ArrowLeft: () => panBy(step, 0), ArrowRight: () => panBy(-step, 0), ArrowUp: () => panBy(0, step), ArrowDown: () => panBy(0, -step),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const sweeps = sweepsToConverge(gamma, TOLERANCE);
  const measured = progress && progress.msPerSweep > 0 ? progress.msPerSweep : null;
  const estimate = `At γ = ${gamma} the largest change shrinks by γ each sweep: about ${sweeps.toLocaleString('en-US')} sweeps to reach ${TOLERANCE.toExponential(0)}` +
    (measured ? `, about ${seconds(sweeps * measured)} at the measured ${measured.toFixed(2)} ms per sweep.` : '; the time appears once the first sweeps are timed.');

  return (
    <div className="gw-large">
      <div className="gw-row">
        <label htmlFor={`${id}-side`}>Maze size</label>
        <select id={`${id}-side`} value={side} onChange={(e) => setSide(Number(e.target.value))} disabled={running}>
          {SIDES.map((s) => (
            <option key={s} value={s}>{s} x {s}</option>
          ))}
        </select>
        <label htmlFor={`${id}-seed`}>Seed</label>
        <input id={`${id}-seed`} type="number" min={0} max={1e9} value={seed} disabled={running} className="gw-number"
          onChange={(e) => setSeed(Math.max(0, Math.min(1e9, Math.round(Number(e.target.value) || 0))))} />
        {running ? (
          <button type="button" onClick={stop}>Stop</button>
        ) : (
          <button type="button" onClick={() => void start()}>Build maze and run</button>
        )}
      </div>
      <Slider label="Large-maze discount γ" value={gamma} min={0.9} max={0.999} step={0.001} digits={3} onChange={setGamma} />
      <p className="gw-note" data-testid="gw-large-estimate">{estimate}</p>
      <p className="gw-note">
        Uses the noise, living reward and sweep kind above; Float32 values. Colour is logarithmic in |V| over {IMAGE_DECADES} decades, so the values can be seen
        spreading from the goal.
      </p>
      {error ? <p role="alert" className="gw-error">{error}</p> : null}
      <div className="gw-row" role="group" aria-label="Zoom">
        <button type="button" className="secondary" onClick={() => zoomAt(0.5)} aria-label="Zoom out">−</button>
        <button type="button" className="secondary" onClick={() => zoomAt(2)} aria-label="Zoom in">+</button>
        <button type="button" className="secondary" onClick={fit}>Fit</button>
        <span className="gw-note" data-testid="gw-large-zoom">{zoomLabel}</span>
      </div>
      <canvas
        ref={canvasRef}
        className="gw-large__canvas"
        tabIndex={0}
        role="img"
        aria-label="Value map of the large maze: drag to pan, wheel or pinch to zoom; keys + and − zoom, arrows pan, 0 fits"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <p role="status" className="gw-status" aria-live="polite">
        {progress
          ? `${progress.rows} x ${progress.cols}: ${progress.sweeps.toLocaleString('en-US')} ${progress.sweeps === 1 ? 'sweep' : 'sweeps'}, largest change ${Number.isFinite(progress.residual) ? progress.residual.toExponential(2) : '–'}, ` +
            `${progress.msPerSweep.toFixed(1)} ms per sweep${progress.done ? (progress.converged ? ', converged' : ', stopped') : ''}`
          : 'Not started.'}
      </p>
    </div>
  );
}
