import { useEffect, useId, useRef, useState } from 'react';
import { LargeGridClient, type LargeGridConfig, type LargeGridProgress } from '../largeGridClient';

const SIDES = [64, 256, 512, 1024] as const;

interface Props {
  gamma: number;
  noise: number;
  livingReward: number;
  inPlace: boolean;
  /** Hands the client to the test API (bench). */
  onClient?: (client: LargeGridClient, last: () => LargeGridProgress | null) => void;
}

/** Random mazes up to 1024 x 1024 swept in a worker; the value map is drawn one pixel per cell. */
export function LargeGrid({ gamma, noise, livingReward, inPlace, onClient }: Props) {
  const id = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const clientRef = useRef<LargeGridClient | null>(null);
  const lastRef = useRef<LargeGridProgress | null>(null);
  const [side, setSide] = useState<number>(256);
  const [seed, setSeed] = useState(1);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<LargeGridProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  const client = () => {
    if (!clientRef.current) {
      clientRef.current = new LargeGridClient();
      onClient?.(clientRef.current, () => lastRef.current);
    }
    return clientRef.current;
  };

  useEffect(() => () => clientRef.current?.dispose(), []);

  const draw = (p: LargeGridProgress) => {
    lastRef.current = p;
    setProgress(p);
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    if (canvas.width !== p.cols || canvas.height !== p.rows) {
      canvas.width = p.cols;
      canvas.height = p.rows;
    }
    context.putImageData(new ImageData(new Uint8ClampedArray(p.image.buffer as ArrayBuffer), p.cols, p.rows), 0, 0);
  };

  const start = async () => {
    setError(null);
    setRunning(true);
    try {
      const config: LargeGridConfig = {
        side, seed, layout: 'maze', gamma: Math.min(gamma, 0.999), noise, livingReward, inPlace, precision: 'float32',
      };
      draw(await client().load(config));
      const final = await client().run(1e-6, 100_000, draw);
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
      <p className="gw-note">
        Uses the γ, noise, living reward and sweep kind above (γ capped at 0.999); Float32 values, one pixel per cell.
      </p>
      {error ? <p role="alert" className="gw-error">{error}</p> : null}
      <canvas ref={canvasRef} className="gw-large__canvas" width={side} height={side} aria-label="Value map of the large maze" role="img" />
      <p role="status" className="gw-status" aria-live="polite">
        {progress
          ? `${progress.rows} x ${progress.cols}: ${progress.sweeps} sweeps, residual ${Number.isFinite(progress.residual) ? progress.residual.toExponential(2) : '–'}, ` +
            `${progress.msPerSweep.toFixed(1)} ms per sweep${progress.done ? (progress.converged ? ', converged' : ', stopped') : ''}`
          : 'Not started.'}
      </p>
    </div>
  );
}
