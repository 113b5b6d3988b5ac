/**
 * Draws a laid-out UCT tree on a 2D canvas under a pan/zoom transform. Edges are batched by width
 * (width grows with visits), nodes are coloured by Q/N, and numbers appear once the zoom makes room
 * for them; only what is on screen is drawn, so thousands of nodes pan smoothly.
 */
import type { TreeLayout } from './treeLayout';

/** The theme's colours the tree is drawn in (the node colours are data: the same on both papers). */
export interface TreeColours {
  /** The canvas's background. */
  paper: string;
  /** Numbers, the selected node's ring and folded nodes' rims. */
  ink: string;
}

export const LIGHT_TREE_COLOURS: TreeColours = { paper: '#f3f5f8', ink: '#16202c' };

export interface View {
  /** Screen = world · k + (x, y). */
  x: number;
  y: number;
  k: number;
}

export interface Highlights {
  /** Node ids on the current iteration's path. */
  path?: ReadonlySet<number>;
  /** The chosen move's child of the root. */
  chosen?: number;
  selected?: number | null;
  /** The node created by this iteration's expansion. */
  expanded?: number;
}

const WIDTH_BUCKETS = 6;
const COLOUR_BUCKETS = 21;

/** Colour of a mean value in [0, 1] (for the player who moved into the node): red 0, grey 0.5, blue 1. */
export function valueColour(v: number): string {
  if (!Number.isFinite(v)) return '#9aa5b1';
  const t = Math.max(0, Math.min(1, v));
  const r = Math.round(t < 0.5 ? 200 : 200 - (t - 0.5) * 2 * 170);
  const g = Math.round(t < 0.5 ? 60 + t * 2 * 110 : 170 - (t - 0.5) * 2 * 70);
  const b = Math.round(t < 0.5 ? 50 + t * 2 * 120 : 170 + (t - 0.5) * 2 * 60);
  return `rgb(${r},${g},${b})`;
}

/**
 * Draws the tree; returns how many edges it drew. `lineScale` multiplies line widths, node radii
 * and the numbers' type (presenter mode's thick lines); `colours` are the theme's.
 */
export function drawTree(ctx: CanvasRenderingContext2D, layout: TreeLayout, view: View, cssWidth: number, cssHeight: number, hl: Highlights = {}, lineScale = 1, colours: TreeColours = LIGHT_TREE_COLOURS): number {
  const { x, y, k } = view;
  ctx.save();
  ctx.fillStyle = colours.paper;
  ctx.fillRect(0, 0, cssWidth, cssHeight);
  const margin = 40;
  const visible = (sx: number, sy: number) => sx > -margin && sx < cssWidth + margin && sy > -margin && sy < cssHeight + margin;
  const rootN = Math.max(1, layout.rootVisits);
  // Edges, batched by width bucket.
  const buckets: number[][] = Array.from({ length: WIDTH_BUCKETS }, () => []);
  for (let i = 1; i < layout.count; i++) {
    const p = layout.parentIndex[i];
    if (p < 0) continue;
    const sx = layout.x[i] * k + x;
    const sy = layout.y[i] * k + y;
    const px = layout.x[p] * k + x;
    const py = layout.y[p] * k + y;
    if (!visible(sx, sy) && !visible(px, py)) continue;
    const share = Math.sqrt(layout.visits[i] / rootN);
    buckets[Math.min(WIDTH_BUCKETS - 1, Math.floor(share * WIDTH_BUCKETS))].push(i);
  }
  ctx.strokeStyle = '#7b8794';
  let drawn = 0;
  buckets.forEach((list, b) => {
    if (!list.length) return;
    ctx.lineWidth = lineScale * Math.max(0.6, (0.6 + b * 1.6) * Math.min(1.5, Math.sqrt(k)));
    ctx.beginPath();
    for (const i of list) {
      const p = layout.parentIndex[i];
      ctx.moveTo(layout.x[p] * k + x, layout.y[p] * k + y);
      ctx.lineTo(layout.x[i] * k + x, layout.y[i] * k + y);
    }
    ctx.stroke();
    drawn += list.length;
  });
  // The highlighted path (this iteration) and the chosen move's edge.
  const strokeEdge = (id: number, colour: string, width: number) => {
    const i = layout.indexOf.get(id);
    if (i === undefined) return;
    const p = layout.parentIndex[i];
    if (p < 0) return;
    ctx.strokeStyle = colour;
    ctx.lineWidth = width * lineScale;
    ctx.beginPath();
    ctx.moveTo(layout.x[p] * k + x, layout.y[p] * k + y);
    ctx.lineTo(layout.x[i] * k + x, layout.y[i] * k + y);
    ctx.stroke();
  };
  if (hl.chosen !== undefined && hl.chosen >= 0) strokeEdge(hl.chosen, '#1f9d55', 7);
  if (hl.path) for (const id of hl.path) strokeEdge(id, '#ff9f1c', 4);
  // Nodes, batched by colour (values quantised to 1/20) so thousands cost a few fills.
  const r = lineScale * Math.max(2, Math.min(9, 5 * Math.sqrt(k)));
  const colourBuckets: number[][] = Array.from({ length: COLOUR_BUCKETS + 1 }, () => []);
  const folded: number[] = [];
  for (let i = 0; i < layout.count; i++) {
    const sx = layout.x[i] * k + x;
    const sy = layout.y[i] * k + y;
    if (!visible(sx, sy)) continue;
    const v = layout.mean[i];
    colourBuckets[Number.isFinite(v) ? Math.round(Math.max(0, Math.min(1, v)) * (COLOUR_BUCKETS - 1)) : COLOUR_BUCKETS].push(i);
    if (layout.folded[i]) folded.push(i);
  }
  colourBuckets.forEach((list, b) => {
    if (!list.length) return;
    ctx.fillStyle = valueColour(b === COLOUR_BUCKETS ? NaN : b / (COLOUR_BUCKETS - 1));
    ctx.beginPath();
    for (const i of list) {
      const sx = layout.x[i] * k + x;
      const sy = layout.y[i] * k + y;
      ctx.moveTo(sx + r, sy);
      ctx.arc(sx, sy, r, 0, Math.PI * 2);
    }
    ctx.fill();
  });
  if (folded.length) {
    ctx.strokeStyle = colours.ink;
    ctx.lineWidth = 2 * lineScale;
    ctx.beginPath();
    for (const i of folded) {
      const sx = layout.x[i] * k + x;
      const sy = layout.y[i] * k + y;
      ctx.moveTo(sx + r, sy);
      ctx.arc(sx, sy, r, 0, Math.PI * 2);
    }
    ctx.stroke();
  }
  const ring = (id: number | null | undefined, colour: string, extra: number) => {
    if (id === null || id === undefined || id < 0) return;
    const i = layout.indexOf.get(id);
    if (i === undefined) return;
    ctx.strokeStyle = colour;
    ctx.lineWidth = 3 * lineScale;
    ctx.beginPath();
    ctx.arc(layout.x[i] * k + x, layout.y[i] * k + y, r + extra * lineScale, 0, Math.PI * 2);
    ctx.stroke();
  };
  ring(hl.expanded, '#ff9f1c', 5);
  ring(hl.selected, colours.ink, 3);
  // Numbers, when there is room for them.
  if (k >= 1.6) {
    ctx.fillStyle = colours.ink;
    ctx.font = `${lineScale * Math.min(14, 4 + 4 * k)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let i = 0; i < layout.count; i++) {
      const sx = layout.x[i] * k + x;
      const sy = layout.y[i] * k + y;
      if (!visible(sx, sy)) continue;
      const lines = [`N ${layout.visits[i]}`, `Q/N ${Number.isFinite(layout.mean[i]) ? layout.mean[i].toFixed(2) : '–'}`];
      if (Number.isFinite(layout.score[i])) lines.push(`UCT ${layout.score[i].toFixed(2)}`);
      lines.forEach((line, j) => ctx.fillText(line, sx, sy + r + 2 + j * lineScale * Math.min(15, 5 + 4 * k)));
    }
  }
  ctx.restore();
  return drawn;
}

/** The node under a screen point (within a few pixels), or null. */
export function hitTest(layout: TreeLayout, view: View, sx: number, sy: number): number | null {
  const wx = (sx - view.x) / view.k;
  const wy = (sy - view.y) / view.k;
  const tolerance = 12 / view.k; // 12 screen pixels
  let best: number | null = null;
  let bestD = tolerance * tolerance;
  for (let i = 0; i < layout.count; i++) {
    const dx = layout.x[i] - wx;
    const dy = layout.y[i] - wy;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = layout.ids[i];
    }
  }
  return best;
}

/** A view that fits the whole layout into the canvas. */
export function fitView(layout: TreeLayout, cssWidth: number, cssHeight: number): View {
  let minX = Infinity;
  let maxX = -Infinity;
  for (let i = 0; i < layout.count; i++) {
    minX = Math.min(minX, layout.x[i]);
    maxX = Math.max(maxX, layout.x[i]);
  }
  if (!Number.isFinite(minX)) return { x: cssWidth / 2, y: 24, k: 1 };
  const w = Math.max(1, maxX - minX);
  const h = Math.max(1, layout.height);
  const k = Math.max(0.02, Math.min(3, (cssWidth - 40) / w, (cssHeight - 70) / h));
  return { x: cssWidth / 2 - ((minX + maxX) / 2) * k, y: 24, k };
}
