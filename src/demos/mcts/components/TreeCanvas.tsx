import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { MctsStoreApi } from '../store';
import { layoutTree, type TreeLayout } from '../treeLayout';
import { drawTree, fitView, hitTest, type View } from '../treeRender';
import { markLineScale, useLineScale } from '../../../components/presenter';
import { useCanvasColours } from '../../../components/theme';

/** While the search runs, the layout is recomputed at most this often. */
const RELAYOUT_MS = 250;

/** The search tree on a canvas: pan (drag), zoom (wheel, pinch, + and −), click to select, double-click or Enter to fold. */
export function TreeCanvas({ store, onLayout }: { store: MctsStoreApi; onLayout?: (layout: TreeLayout, draw: (view: View) => number, fit: () => View, canvas: () => HTMLCanvasElement | null) => void }) {
  const version = useStore(store, (s) => s.version);
  const cursor = useStore(store, (s) => s.cursor);
  const collapsed = useStore(store, (s) => s.collapsed);
  const search = useStore(store, (s) => s.search);
  const phase = useStore(store, (s) => s.phase);
  const selected = useStore(store, (s) => s.selected);
  const playing = useStore(store, (s) => s.playing);
  const lineScale = useLineScale();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The theme's paper and ink: a new palette makes a new draw(), which the effects below run.
  const colours = useCanvasColours(canvasRef);
  const wrapRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<View>({ x: 0, y: 24, k: 1 });
  const followRef = useRef(true);
  const sizeRef = useRef({ w: 300, h: 300 });
  const [layout, setLayout] = useState<TreeLayout | null>(null);
  const lastLayout = useRef(0);

  // The layout of the tree as it was after iteration `cursor` (throttled while running).
  useEffect(() => {
    const run = () => {
      lastLayout.current = performance.now();
      const { visits, total } = search.statsAt(cursor);
      // From expansion on, the new node shows (with N = 0 until the backup).
      const extra = phase && phase.index >= 1 ? phase.trace.expanded : -1;
      setLayout(layoutTree(search, visits, total, collapsed, extra));
    };
    const wait = playing ? RELAYOUT_MS - (performance.now() - lastLayout.current) : 0;
    if (wait <= 0) {
      run();
      return;
    }
    const t = setTimeout(run, wait);
    return () => clearTimeout(t);
  }, [search, version, cursor, collapsed, playing, phase]);

  const highlights = useMemo(() => {
    const best = search.bestMove();
    let chosen = -1;
    if (best >= 0 && cursor === search.iterations) {
      const first = search.firstChild[0];
      for (let i = 0; i < search.childCount[0]; i++) if (search.move[first + i] === best) chosen = first + i;
    }
    return { path: phase ? new Set(phase.trace.path) : undefined, chosen, selected, expanded: phase && phase.index >= 1 ? phase.trace.expanded : undefined };
    // version: the search mutates in place
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase, search, selected, cursor, version]);

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    if (!canvas || !layout) return 0;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    markLineScale(canvas, lineScale);
    return drawTree(ctx, layout, viewRef.current, sizeRef.current.w, sizeRef.current.h, highlights, lineScale, { paper: colours.paperSoft, ink: colours.ink });
  }, [layout, highlights, lineScale, colours]);

  useEffect(() => {
    if (layout && followRef.current) viewRef.current = fitView(layout, sizeRef.current.w, sizeRef.current.h);
    draw();
    if (layout && onLayout) {
      onLayout(layout, (view) => {
        viewRef.current = view;
        followRef.current = false;
        return draw();
      }, () => fitView(layout, sizeRef.current.w, sizeRef.current.h), () => canvasRef.current);
    }
  }, [layout, draw, onLayout]);

  // Canvas size follows its box (read through refs, so a new layout does not re-allocate the canvas).
  const layoutRef = useRef<TreeLayout | null>(null);
  const drawRef = useRef(draw);
  layoutRef.current = layout;
  drawRef.current = draw;
  useEffect(() => {
    const wrap = wrapRef.current;
    const canvas = canvasRef.current;
    if (!wrap || !canvas) return;
    const resize = () => {
      const w = Math.max(100, wrap.clientWidth);
      const h = Math.max(150, wrap.clientHeight);
      if (w === sizeRef.current.w && h === sizeRef.current.h && canvas.width > 0) return;
      sizeRef.current = { w, h };
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      const current = layoutRef.current;
      if (current && followRef.current) viewRef.current = fitView(current, w, h);
      drawRef.current();
    };
    sizeRef.current = { w: 0, h: 0 };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  const frame = useRef<number | null>(null);
  const redraw = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      draw();
    });
  }, [draw]);

  const zoomAt = useCallback((factor: number, sx: number, sy: number) => {
    const v = viewRef.current;
    const k = Math.max(0.02, Math.min(12, v.k * factor));
    const f = k / v.k;
    viewRef.current = { k, x: sx - (sx - v.x) * f, y: sy - (sy - v.y) * f };
    followRef.current = false;
    redraw();
  }, [redraw]);

  // Wheel zoom needs a non-passive listener.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - rect.left, e.clientY - rect.top);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [zoomAt]);

  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const moved = useRef(0);
  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    moved.current = 0;
  };
  const onPointerMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const prev = pointers.current.get(e.pointerId);
    if (!prev) return;
    const rect = e.currentTarget.getBoundingClientRect();
    if (pointers.current.size === 2) {
      const other = [...pointers.current.entries()].find(([id]) => id !== e.pointerId)?.[1];
      if (other) {
        const before = Math.hypot(prev.x - other.x, prev.y - other.y);
        const after = Math.hypot(e.clientX - other.x, e.clientY - other.y);
        if (before > 0) zoomAt(after / before, (e.clientX + other.x) / 2 - rect.left, (e.clientY + other.y) / 2 - rect.top);
      }
    } else {
      const v = viewRef.current;
      viewRef.current = { ...v, x: v.x + e.clientX - prev.x, y: v.y + e.clientY - prev.y };
      followRef.current = false;
      redraw();
    }
    moved.current += Math.abs(e.clientX - prev.x) + Math.abs(e.clientY - prev.y);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
  };
  const onPointerUp = (e: React.PointerEvent<HTMLCanvasElement>) => {
    pointers.current.delete(e.pointerId);
    if (moved.current < 5 && layout) {
      const rect = e.currentTarget.getBoundingClientRect();
      const hit = hitTest(layout, viewRef.current, e.clientX - rect.left, e.clientY - rect.top);
      if (hit !== null) store.getState().select(hit);
    }
  };
  const onDoubleClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    if (!layout) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const hit = hitTest(layout, viewRef.current, e.clientX - rect.left, e.clientY - rect.top);
    if (hit !== null) store.getState().toggleCollapse(hit);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLCanvasElement>) => {
    const s = store.getState();
    const node = s.selected ?? 0;
    const { w, h } = sizeRef.current;
    const visibleChildren = (id: number) => {
      const out: number[] = [];
      const first = s.search.firstChild[id];
      if (first < 0 || s.collapsed.has(id) || !layout) return out;
      for (let i = 0; i < s.search.childCount[id]; i++) if (layout.indexOf.has(first + i)) out.push(first + i);
      return out;
    };
    let handled = true;
    if (e.key === 'ArrowUp') s.select(node === 0 ? 0 : s.search.parent[node]);
    else if (e.key === 'ArrowDown') {
      const kids = visibleChildren(node);
      if (kids.length) s.select(kids.reduce((a, b) => (s.search.visits[b] > s.search.visits[a] ? b : a)));
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      if (node !== 0) {
        const sibs = visibleChildren(s.search.parent[node]);
        const at = sibs.indexOf(node);
        const next = sibs[at + (e.key === 'ArrowLeft' ? -1 : 1)];
        if (next !== undefined) s.select(next);
      }
    } else if (e.key === 'Enter' || e.key === ' ') s.toggleCollapse(node);
    else if (e.key === '+' || e.key === '=') zoomAt(1.3, w / 2, h / 2);
    else if (e.key === '-') zoomAt(1 / 1.3, w / 2, h / 2);
    else if (e.key === '0') {
      followRef.current = true;
      if (layout) viewRef.current = fitView(layout, w, h);
      redraw();
    } else handled = false;
    if (handled) e.preventDefault();
  };

  // Keep the selected node on screen when it moves by keyboard.
  useEffect(() => {
    if (!layout || selected === null) return;
    const i = layout.indexOf.get(selected);
    if (i === undefined) return;
    const v = viewRef.current;
    const { w, h } = sizeRef.current;
    const sx = layout.x[i] * v.k + v.x;
    const sy = layout.y[i] * v.k + v.y;
    if (sx < 20 || sx > w - 20 || sy < 20 || sy > h - 20) {
      viewRef.current = { ...v, x: w / 2 - layout.x[i] * v.k, y: h / 2 - layout.y[i] * v.k };
      followRef.current = false;
    }
    redraw();
  }, [selected, layout, redraw]);

  return (
    <div className="mcts-tree" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        className="mcts-tree__canvas"
        tabIndex={0}
        role="img"
        aria-label={`Search tree: ${layout ? layout.count : 0} visited nodes after iteration ${cursor}${layout?.omitted ? ` (the most visited; ${layout.omitted.toLocaleString('en-US')} rarely visited nodes not drawn)` : ''}. Arrow keys move between nodes, Enter folds or unfolds, + and − zoom, 0 fits the tree.`}
        data-testid="mcts-tree"
        data-nodes={layout?.count ?? 0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={(e) => pointers.current.delete(e.pointerId)}
        onDoubleClick={onDoubleClick}
        onKeyDown={onKeyDown}
      />
      {layout?.omitted ? (
        <p className="mcts-tree__note" data-testid="mcts-omitted">
          The {layout.count.toLocaleString('en-US')} most visited nodes; {layout.omitted.toLocaleString('en-US')} rarely visited ones not drawn.
        </p>
      ) : null}
      <div className="mcts-tree__tools">
        <button type="button" className="secondary" onClick={() => zoomAt(1.3, sizeRef.current.w / 2, sizeRef.current.h / 2)} aria-label="Zoom in">+</button>
        <button type="button" className="secondary" onClick={() => zoomAt(1 / 1.3, sizeRef.current.w / 2, sizeRef.current.h / 2)} aria-label="Zoom out">−</button>
        <button type="button" className="secondary" onClick={() => { followRef.current = true; if (layout) viewRef.current = fitView(layout, sizeRef.current.w, sizeRef.current.h); redraw(); }}>Fit</button>
      </div>
    </div>
  );
}
