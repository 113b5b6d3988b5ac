import { useEffect, useRef, useState } from 'react';
import { createRng } from '../../algorithms/common/rng';
import { THETA_THRESHOLD, X_THRESHOLD, initialState, stepCartPole, TAU, type Action, type CartPoleState } from '../../algorithms/cartpole/env';
import { mlpForward, mlpScratch, type MlpWeights } from '../../algorithms/common/mlp';
import { sampleAction, softmax } from '../../algorithms/common/softmax';
import { registerTestTool } from '../runtime';
import { useSlotResting } from '../frame/slotChrome';
import { usePrefersReducedMotion } from '../../components/motion';
import { LIGHT_PALETTE, useCanvasPalette, type CanvasPalette } from '../../components/theme';
import { markLineScale, useLineScale } from '../../components/presenter';

export interface ViewPolicy {
  net: MlpWeights;
  /** Who drives, e.g. "pre-trained policy" or "training policy, iteration 12". */
  label: string;
}

interface Props {
  /** Read every frame: the latest policy (changing it does not re-render). */
  policyRef: { current: ViewPolicy | null };
  slotId: string;
}

const RANDOM_DRIVER = 'random pushes (no policy yet)';

/** The driver's name while a person drives (arrow keys or the on-screen push buttons). */
export const HAND_DRIVER = 'you (by hand)';

const WIDTH = 640;
const HEIGHT = 250;
const SCALE = WIDTH / (2 * X_THRESHOLD + 1.2); // px per metre
const GROUND = 190;
const POLE_PX = 2 * 0.5 * SCALE * 1.6; // drawn a bit longer than to scale, to read from afar

/**
 * The cart-pole at its real time step (τ = 0.02 s, 50 steps per second), drawn at 60 fps.
 * The policy picks a push every step, or the student does: hold an arrow key (canvas focused) or
 * press and hold an on-screen push button (mouse, pen or finger). With nothing held the pushes
 * alternate left and right: about zero net force, so the pole falls the way physics says.
 */
export function CartpoleView({ policyRef, slotId }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const palette = useCanvasPalette(canvasRef);
  // Presenter mode's thick lines: read every frame; a change repaints a still picture too.
  const lineScale = useLineScale();
  const scaleRef = useRef(lineScale);
  const repaint = useRef<() => void>(() => {});
  useEffect(() => {
    scaleRef.current = lineScale;
    repaint.current();
  }, [lineScale]);
  const [manual, setManual] = useState(false);
  const manualRef = useRef(false);
  /** The push held down by a key or a button; null when none is. */
  const heldRef = useRef<Action | null>(null);
  const [status, setStatus] = useState('');
  /** The picture in words, for the canvas's description (updated with the status, 4 times a second). */
  const [pose, setPose] = useState('');
  const sim = useRef({ state: null as CartPoleState | null, steps: 0, lastEpisode: 0, episodes: 0, action: 1 as Action, driver: '', pushing: true });

  useEffect(() => {
    manualRef.current = manual;
  }, [manual]);

  // Out of view the loop stops (no frames, no simulation); with reduced motion asked for, it
  // waits for the student to start it (or to drive by hand).
  const resting = useSlotResting();
  const reducedMotion = usePrefersReducedMotion();
  const [motionAllowed, setMotionAllowed] = useState(false);
  const still = resting || (reducedMotion && !motionAllowed && !manual);
  const stillRef = useRef(still);
  const wake = useRef<() => void>(() => {});
  useEffect(() => {
    stillRef.current = still;
    if (!still) wake.current();
  }, [still]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    canvas.width = WIDTH * dpr;
    canvas.height = HEIGHT * dpr;
    ctx.scale(dpr, dpr);
    const rng = createRng(12345);
    const probs = new Float64Array(2);
    let scratch: Float64Array[] | null = null;
    let scratchFor: MlpWeights | null = null;
    let alternate: Action = 0;
    const s = sim.current;
    s.state = initialState(rng);
    let last = performance.now();
    let carry = 0;
    let frame = 0;
    let raf = 0;

    const chooseAction = (current: CartPoleState): Action => {
      let state = current;
      if (manualRef.current) {
        s.driver = HAND_DRIVER;
        s.pushing = heldRef.current !== null;
        if (heldRef.current !== null) return heldRef.current;
        alternate = alternate === 0 ? 1 : 0;
        return alternate;
      }
      s.pushing = true;
      const policy = policyRef.current;
      if (!policy) {
        s.driver = RANDOM_DRIVER;
        return rng.next() < 0.5 ? 0 : 1;
      }
      // The first policy takes over from random pushes: a fresh episode (not a half-fallen pole)
      // and fresh counts, so the status speaks of this driver only.
      if (s.driver === RANDOM_DRIVER) {
        s.state = initialState(rng);
        s.steps = 0;
        s.episodes = 0;
        s.lastEpisode = 0;
        state = s.state;
      }
      if (scratchFor !== policy.net) {
        scratch = mlpScratch(policy.net.sizes);
        scratchFor = policy.net;
      }
      s.driver = policy.label;
      softmax(mlpForward(policy.net, [state.x, state.xDot, state.theta, state.thetaDot], 0, scratch!), probs);
      return sampleAction(probs, rng) as Action;
    };

    const tick = (now: number) => {
      if (stillRef.current) {
        raf = 0;
        return;
      }
      carry = Math.min(carry + (now - last) / 1000, 0.2);
      last = now;
      while (carry >= TAU) {
        carry -= TAU;
        s.action = chooseAction(s.state!);
        const { state, terminated } = stepCartPole(s.state!, s.action);
        s.steps++;
        if (terminated || s.steps >= 500) {
          s.lastEpisode = s.steps;
          s.episodes++;
          s.steps = 0;
          s.state = initialState(rng);
        } else s.state = state;
      }
      paint(s.pushing ? s.action : null);
      if (++frame % 15 === 0) {
        setStatus(`Driver: ${s.driver} · step ${s.steps} · last episode ${s.episodes ? s.lastEpisode : '–'}`);
        setPose(`The pole leans ${((s.state!.theta * 180) / Math.PI).toFixed(0)}° from upright; the cart is at ${s.state!.x.toFixed(1)} m.`);
      }
      raf = requestAnimationFrame(tick);
    };
    const paint = (action: Action | null) => {
      draw(ctx, s.state!, action, palette.current ?? LIGHT_PALETTE, scaleRef.current);
      markLineScale(canvas, scaleRef.current);
    };
    paint(null);
    repaint.current = () => paint(s.pushing ? s.action : null);
    wake.current = () => {
      if (raf !== 0) return;
      last = performance.now();
      raf = requestAnimationFrame(tick);
    };
    wake.current();
    const unregister = registerTestTool(`cartpole-view:${slotId}`, async () => ({ ...s.state!, steps: s.steps, lastEpisode: s.lastEpisode, episodes: s.episodes, driver: s.driver, action: s.action, held: heldRef.current }));
    return () => {
      cancelAnimationFrame(raf);
      wake.current = () => {};
      repaint.current = () => {};
      unregister();
    };
  }, [policyRef, slotId, palette]);

  const hold = (action: Action) => {
    heldRef.current = action;
    if (!manualRef.current) {
      manualRef.current = true;
      setManual(true);
    }
  };
  const release = (action: Action) => {
    if (heldRef.current === action) heldRef.current = null;
  };
  const onKey = (event: React.KeyboardEvent, down: boolean) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const action: Action = event.key === 'ArrowLeft' ? 0 : 1;
    if (down) hold(action);
    else release(action);
  };
  /** Press-and-hold for mouse, pen and touch; Space or Enter on the focused button does the same. */
  const pushButton = (action: Action) => ({
    onPointerDown: (e: React.PointerEvent<HTMLButtonElement>) => {
      e.preventDefault();
      e.currentTarget.setPointerCapture?.(e.pointerId);
      hold(action);
    },
    onPointerUp: () => release(action),
    onPointerCancel: () => release(action),
    onLostPointerCapture: () => release(action),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key !== ' ' && e.key !== 'Enter') return;
      e.preventDefault();
      hold(action);
    },
    onKeyUp: (e: React.KeyboardEvent) => {
      if (e.key === ' ' || e.key === 'Enter') release(action);
    },
    onContextMenu: (e: React.MouseEvent) => e.preventDefault(),
  });

  return (
    <div className="cartpole-view">
      <canvas
        ref={canvasRef}
        className="cartpole-view__canvas"
        tabIndex={0}
        role="img"
        aria-label="Cart-pole. Focus here and hold the Left or Right arrow key, or hold a push button, to push the cart yourself."
        aria-describedby={`${slotId}-cartpole-state`}
        onKeyDown={(e) => onKey(e, true)}
        onKeyUp={(e) => onKey(e, false)}
      />
      <div className="cartpole-view__bar" role="group" aria-label="Drive the cart by hand">
        {reducedMotion && !motionAllowed && !manual ? (
          <button type="button" className="cartpole-view__animate" onClick={() => setMotionAllowed(true)}
            title="Your system asks for less motion, so the cart waits for you">
            ▶ Animate
          </button>
        ) : null}
        <button type="button" className="secondary cartpole-view__push" aria-label="Push left" title="Push left: press and hold (or hold ←)" {...pushButton(0)}>
          <span aria-hidden="true">◀ </span>Left
        </button>
        <button
          type="button"
          className="secondary cartpole-view__manual"
          aria-pressed={manual}
          title={manual ? 'Pressed: you drive. Press again to give control back to the policy' : 'Drive the cart yourself: hold a push button or an arrow key'}
          onClick={() => {
            heldRef.current = null;
            manualRef.current = !manual;
            setManual(!manual);
            canvasRef.current?.focus();
          }}
        >
          Drive by hand
        </button>
        <button type="button" className="secondary cartpole-view__push" aria-label="Push right" title="Push right: press and hold (or hold →)" {...pushButton(1)}>
          Right<span aria-hidden="true"> ▶</span>
        </button>
      </div>
      <p className="cartpole-view__status" id={`${slotId}-cartpole-state`} aria-live="off" data-testid="cartpole-driver">{status}<span className="visually-hidden"> {pose}</span></p>
    </div>
  );
}

/**
 * `action` null: no arrow (a person drives with nothing held, so the pushes alternate). `scale`
 * multiplies line widths and text (presenter mode's thick lines).
 */
function draw(ctx: CanvasRenderingContext2D, state: CartPoleState, action: Action | null, colors: CanvasPalette = LIGHT_PALETTE, scale = 1) {
  const cx = WIDTH / 2 + state.x * SCALE;
  ctx.fillStyle = colors.paper;
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  // Track and its limits at x = ±2.4.
  ctx.strokeStyle = colors.ink;
  ctx.lineWidth = 3 * scale;
  ctx.beginPath();
  ctx.moveTo(10, GROUND + 22);
  ctx.lineTo(WIDTH - 10, GROUND + 22);
  ctx.stroke();
  ctx.fillStyle = colors.warn;
  for (const side of [-1, 1]) {
    const lx = WIDTH / 2 + side * X_THRESHOLD * SCALE;
    ctx.fillRect(lx - 3 * scale, GROUND - 20, 6 * scale, 48);
  }
  ctx.font = `600 ${15 * scale}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillText('−2.4 m', WIDTH / 2 - X_THRESHOLD * SCALE, GROUND + 45);
  ctx.fillText('+2.4 m', WIDTH / 2 + X_THRESHOLD * SCALE, GROUND + 45);
  ctx.textAlign = 'start';
  // Cart.
  ctx.fillStyle = colors.accent;
  ctx.fillRect(cx - 40, GROUND - 10, 80, 32);
  if (action !== null) drawArrow(ctx, cx, action === 1 ? 1 : -1, colors, scale);
  drawPole(ctx, state, cx, colors, scale);
}

/** Push arrow: orange, pointing the way the force acts. */
function drawArrow(ctx: CanvasRenderingContext2D, cx: number, dir: 1 | -1, colors: CanvasPalette, scale: number) {
  ctx.strokeStyle = colors.highlight;
  ctx.fillStyle = colors.highlight;
  ctx.lineWidth = 6 * scale;
  const ax = cx - dir * 48;
  const head = 14 * scale;
  ctx.beginPath();
  ctx.moveTo(ax - dir * (20 + head), GROUND + 6);
  ctx.lineTo(ax - dir * (head - 8), GROUND + 6);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(ax, GROUND + 6);
  ctx.lineTo(ax - dir * head, GROUND + 6 - 10 * scale);
  ctx.lineTo(ax - dir * head, GROUND + 6 + 10 * scale);
  ctx.fill();
}

/** Pole: positive θ leans right; y grows downwards on a canvas. */
function drawPole(ctx: CanvasRenderingContext2D, state: CartPoleState, cx: number, colors: CanvasPalette, scale: number) {
  const tipX = cx + POLE_PX * Math.sin(state.theta);
  const tipY = GROUND - 10 - POLE_PX * Math.cos(state.theta);
  const fallen = Math.abs(state.theta) > THETA_THRESHOLD * 0.75;
  ctx.strokeStyle = fallen ? colors.warn : colors.ink;
  ctx.lineWidth = 10 * scale;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(cx, GROUND - 10);
  ctx.lineTo(tipX, tipY);
  ctx.stroke();
  ctx.fillStyle = colors.paper;
  ctx.beginPath();
  ctx.arc(cx, GROUND - 10, 5 * scale, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = colors.ink;
  ctx.font = `600 ${16 * scale}px system-ui, sans-serif`;
  ctx.fillText(`θ = ${((state.theta * 180) / Math.PI).toFixed(1)}°   x = ${state.x.toFixed(2)} m`, 12, 6 + 16 * scale);
}
