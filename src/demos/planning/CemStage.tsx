/**
 * The point robot's room on a canvas: obstacles (with the planner's safety margin), the goal, the
 * latest CEM round's sampled trajectories coloured by cost (cheap blue, costly orange), the elites
 * in green, the mean path before (dashed) and after (purple) the refit with the elites' spread as
 * circles, the committed plan (short dashes) and the path actually driven, all in the theme's
 * colours (CSS variables, read again when the theme changes).
 */
import { useEffect, useRef } from 'react';
import type { CemView } from '../../algorithms/planning/session';
import { markLineScale, useLineScale } from '../../components/presenter';
import { LIGHT_PALETTE, rgbOf, useCanvasColours, type CanvasPalette } from '../../components/theme';

/** From cheap (t = 0, the theme's blue) to costly (t = 1, its orange). */
function mixer(colours: CanvasPalette): (t: number) => string {
  const cheap = rgbOf(colours.chart1);
  const costly = rgbOf(colours.highlight);
  return (t) => {
    const c = cheap.map((v, k) => Math.round(v + (costly[k] - v) * t));
    return `rgb(${c[0]} ${c[1]} ${c[2]})`;
  };
}

/**
 * `w` multiplies line widths and the robot's dot (presenter mode's thick lines); `colours` are the
 * theme's (paper, ink and the Okabe–Ito data colours, lighter on dark paper).
 */
function draw(canvas: HTMLCanvasElement, view: CemView, w = 1, colours: CanvasPalette = LIGHT_PALETTE) {
  const dpr = window.devicePixelRatio || 1;
  const size = canvas.clientWidth || 400;
  canvas.width = Math.round(size * dpr);
  canvas.height = Math.round(size * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  markLineScale(canvas, w);
  const { task } = view;
  const s = size / task.size;
  const X = (x: number) => x * s;
  const Y = (y: number) => size - y * s;
  ctx.clearRect(0, 0, size, size);
  ctx.fillStyle = colours.paper;
  ctx.fillRect(0, 0, size, size);
  // obstacles and margins
  for (const o of task.obstacles) {
    ctx.beginPath();
    ctx.arc(X(o.x), Y(o.y), (o.r + task.margin) * s, 0, 2 * Math.PI);
    ctx.setLineDash([4, 4]);
    ctx.strokeStyle = colours.inkSoft;
    ctx.globalAlpha = 0.55;
    ctx.lineWidth = 1 * w;
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(X(o.x), Y(o.y), o.r * s, 0, 2 * Math.PI);
    ctx.fillStyle = colours.obstacle;
    ctx.fill();
  }
  // goal and start
  ctx.beginPath();
  ctx.arc(X(task.goal[0]), Y(task.goal[1]), task.goalRadius * s, 0, 2 * Math.PI);
  ctx.fillStyle = colours.chart3;
  ctx.globalAlpha = 0.25;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = colours.chart3;
  ctx.lineWidth = 2 * w;
  ctx.stroke();
  const line = (flat: ArrayLike<number>, offset: number, points: number) => {
    ctx.beginPath();
    for (let t = 0; t < points; t++) {
      const px = X(flat[offset + 2 * t]);
      const py = Y(flat[offset + 2 * t + 1]);
      if (t === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
  };
  const points = view.horizon + 1;
  const showFan = view.fan && view.phase !== 'done' && !(view.mode === 'open-loop' && view.phase === 'act');
  if (view.fan && showFan) {
    const mix = mixer(colours);
    const n = view.fanCosts.length;
    const order = view.fanCosts.map((c, i) => [c, i] as const).sort((a, b) => a[0] - b[0]);
    const rank = new Array<number>(n);
    order.forEach(([, i], r) => (rank[i] = n > 1 ? r / (n - 1) : 0));
    ctx.lineWidth = 1 * w;
    ctx.globalAlpha = 0.35;
    for (let i = n - 1; i >= 0; i--) {
      if (view.fanElite[i]) continue;
      ctx.strokeStyle = mix(rank[i]);
      line(view.fan, i * points * 2, points);
    }
    ctx.globalAlpha = 0.9;
    ctx.lineWidth = 1.6 * w;
    ctx.strokeStyle = colours.chart3;
    for (let i = 0; i < n; i++) if (view.fanElite[i]) line(view.fan, i * points * 2, points);
    ctx.globalAlpha = 1;
    // the refit Gaussian: its mean path and the elites' spread around it
    ctx.fillStyle = colours.chart4;
    ctx.strokeStyle = colours.chart4;
    ctx.lineWidth = 1 * w;
    view.eliteSpread.forEach((r, t) => {
      if (t === 0 || view.meanAfter.length < 2 * (t + 1)) return;
      ctx.beginPath();
      ctx.arc(X(view.meanAfter[2 * t]), Y(view.meanAfter[2 * t + 1]), Math.max(1, r * s), 0, 2 * Math.PI);
      ctx.globalAlpha = 0.15;
      ctx.fill();
      ctx.globalAlpha = 0.6;
      ctx.stroke();
    });
    ctx.globalAlpha = 1;
    if (view.method === 'cem') {
      ctx.setLineDash([6, 4]);
      ctx.strokeStyle = colours.chart4Deep;
      ctx.lineWidth = 1.5 * w;
      line(view.meanBefore, 0, points);
      ctx.setLineDash([]);
      ctx.strokeStyle = colours.chart4;
      ctx.lineWidth = 3 * w;
      line(view.meanAfter, 0, points);
    }
  }
  if (view.planPath) {
    ctx.setLineDash([3, 3]);
    ctx.strokeStyle = colours.ink;
    ctx.lineWidth = 2 * w;
    line(view.planPath, 0, view.planPath.length / 2);
    ctx.setLineDash([]);
  }
  // the path actually driven, and the robot
  ctx.strokeStyle = colours.ink;
  ctx.lineWidth = 2.5 * w;
  line(view.path, 0, view.path.length / 2);
  ctx.beginPath();
  ctx.arc(X(view.position[0]), Y(view.position[1]), 6 * w, 0, 2 * Math.PI);
  ctx.fillStyle = view.outcome === 'crash' ? colours.chart2 : colours.ink;
  ctx.fill();
}

export function describeCem(view: CemView): string {
  const where = `Robot at (${view.position[0].toFixed(2)}, ${view.position[1].toFixed(2)}) after ${view.steps} steps`;
  const outcome = view.outcome === 'goal' ? ', reached the goal' : view.outcome === 'crash' ? ', crashed into an obstacle' : view.outcome === 'out-of-steps' ? ', out of steps before the goal' : '';
  const round = view.fanCosts.length ? `; latest round: ${view.sampleCount} samples, ${view.fanElite.filter(Boolean).length} elites, cheapest cost ${Math.min(...view.fanCosts).toFixed(1)}` : '';
  return `${where}${outcome}${round}.`;
}

export function CemStage({ view }: { view: CemView }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const lineScale = useLineScale();
  const colours = useCanvasColours(ref);
  useEffect(() => {
    if (ref.current) draw(ref.current, view, lineScale, colours);
  }, [view, lineScale, colours]);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => draw(canvas, view, lineScale, colours));
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [view, lineScale, colours]);
  return <canvas ref={ref} className="pl-room" role="img" aria-label={describeCem(view)} />;
}
