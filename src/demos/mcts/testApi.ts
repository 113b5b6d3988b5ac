/** Test builds only (VITE_TEST_HOOKS=1): read the demo's state and time the worker and the renderer. */
import { testMode } from '../runtime/testHook';
import type { GameId } from '../../algorithms/mcts';
import { MctsWorker } from './client';
import type { MctsStoreApi } from './store';
import type { TreeLayout } from './treeLayout';
import type { View } from './treeRender';

export interface MctsTestApi {
  state(): { game: string; position: string; c: number; budget: number; iterations: number; cursor: number; phase: string | null; error: string | null; bestMove: number; rootVisits: number; childVisitSum: number; nodes: number };
  /** Iterations per second in a fresh worker, random rollouts, through the generic interface. */
  benchIterations(game: GameId, ms: number): Promise<{ perSecond: number; iterations: number; nodes: number }>;
  /** Draws the current layout `frames` times while panning; ms per frame (median, mean). */
  benchRender(frames: number): { nodes: number; median: number; mean: number; max: number };
}

declare global {
  interface Window {
    __rlMcts?: Record<string, MctsTestApi>;
  }
}

export function installMctsTestApi(slotId: string, store: MctsStoreApi, renderer: { current: { layout: TreeLayout; draw: (view: View) => number; fit: () => View; canvas: () => HTMLCanvasElement | null } | null }): () => void {
  if (!testMode()) return () => {};
  const demos = (window.__rlMcts ??= {});
  demos[slotId] = {
    state() {
      const s = store.getState();
      const first = s.search.firstChild[0];
      let sum = 0;
      for (let i = 0; first >= 0 && i < s.search.childCount[0]; i++) sum += s.search.visits[first + i];
      let nodes = 0;
      for (let i = 0; i < s.search.nodeCount; i++) if (s.search.visits[i] > 0) nodes++;
      return {
        game: s.gameId, position: s.position, c: s.c, budget: s.budget, iterations: s.search.iterations, cursor: s.cursor,
        phase: s.phase ? ['selection', 'expansion', 'rollout', 'backup'][s.phase.index] : null, error: s.error,
        bestMove: s.search.bestMove(), rootVisits: s.search.visits[0], childVisitSum: sum, nodes,
      };
    },
    async benchIterations(game, ms) {
      const worker = new MctsWorker();
      try {
        return await worker.bench(game, ms);
      } finally {
        worker.dispose();
      }
    },
    benchRender(frames) {
      const r = renderer.current;
      if (!r) throw new Error('No tree drawn yet.');
      const times: number[] = [];
      // The whole tree in view (fitted), panned back and forth and zoomed a little: every node on screen.
      const fit = r.fit();
      for (let f = 0; f < frames; f++) {
        const t0 = performance.now();
        r.draw({ x: fit.x + ((f % 20) - 10) * 4, y: fit.y + (f % 7), k: fit.k * (1 + (f % 5) * 0.02) });
        // Reading a pixel makes the browser rasterise now, so the time includes the drawing itself.
        r.canvas()?.getContext('2d')?.getImageData(0, 0, 1, 1);
        times.push(performance.now() - t0);
      }
      const sorted = [...times].sort((a, b) => a - b);
      return { nodes: r.layout.count, median: sorted[Math.floor(frames / 2)], mean: times.reduce((a, b) => a + b, 0) / frames, max: sorted[frames - 1] };
    },
  };
  return () => {
    delete demos[slotId];
  };
}
