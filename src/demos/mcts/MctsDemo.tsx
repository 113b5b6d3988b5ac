import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { DemoProps } from '../types';
import { DemoFrame, DetailsTable } from '../frame';
import { registerController } from '../platform/controllers';
import { readLink, useStoreInLink } from '../platform/useDemoParams';
import { mctsManifest } from './manifest';
import { Board, boardPicture } from './components/Board';
import { MainSettings, PlayPanel, Timeline } from './components/Controls';
import { Formula } from './components/Formula';
import { PhasePanel } from './components/PhasePanel';
import { RootChart } from './components/RootChart';
import { TreeCanvas } from './components/TreeCanvas';
import { createMctsController } from './controller';
import { createMctsStore, type MctsStoreApi } from './store';
import { installMctsTestApi } from './testApi';
import type { TreeLayout } from './treeLayout';
import type { View } from './treeRender';
import './mcts.css';

function BoardArea({ store }: { store: MctsStoreApi }) {
  const s = useStore(store);
  const picture = useMemo(() => boardPicture(s), [s]);
  return <Board store={store} picture={picture} />;
}

function Notices({ store, linkProblems }: { store: MctsStoreApi; linkProblems: string[] }) {
  const error = useStore(store, (s) => s.error);
  const note = useStore(store, (s) => s.note);
  if (!error && !note && linkProblems.length === 0) return null;
  return (
    <>
      {linkProblems.length ? (
        <div role="alert" className="mcts-error">
          <p>Some settings in the link were ignored:</p>
          <ul>{linkProblems.map((p) => <li key={p}>{p}</li>)}</ul>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mcts-error" data-testid="mcts-error">
          {error} <button type="button" className="secondary" onClick={() => store.getState().dismissError()}>Dismiss</button>
        </p>
      ) : null}
      {note ? <p className="mcts-note mcts-news" data-testid="mcts-news" aria-live="polite">{note}</p> : null}
    </>
  );
}

function Details({ store }: { store: MctsStoreApi }) {
  const s = useStore(store);
  const children = s.search.rootChildren();
  let nodes = 0;
  for (let i = 0; i < s.search.nodeCount; i++) if (s.search.visits[i] > 0) nodes++;
  const rows = [
    { label: 'Iterations', value: s.search.iterations },
    { label: 'Visited nodes (root included)', value: nodes },
    { label: 'Allocated nodes (children wait with N = 0)', value: s.search.nodeCount },
    { label: 'N(root)', value: s.search.visits[0] },
    { label: 'Σ N(children of the root)', value: children.reduce((a, ch) => a + ch.n, 0) },
    { label: 'Last worker search', value: s.lastSearchMs === null ? '–' : `${s.lastSearchMs.toFixed(0)} ms` },
    ...children.map((ch) => ({ label: `${s.game.moveLabel(ch.move)}: N, Q/N, UCT`, value: `${ch.n}, ${Number.isFinite(ch.value) ? ch.value.toFixed(3) : '–'}, ${Number.isFinite(ch.score) ? ch.score.toFixed(3) : '∞'}` })),
  ];
  return <DetailsTable caption="The root and its children (visit counts sum to N(root): every iteration passes through one child)" rows={rows} />;
}

/** The store from the link; a position that is not a board of the chosen problem is reported and ignored. */
function storeFromLink(table: ReturnType<typeof mctsManifest.params>, slotId: string) {
  const { values, problems } = readLink(table, slotId);
  const init = { gameId: values.gameId, c: values.c, rollout: values.rollout, budget: values.budget, seed: values.seed };
  if (values.position !== '') {
    try {
      return { store: createMctsStore({ ...init, position: values.position }), linkProblems: problems };
    } catch (error) {
      problems.push(`${slotId}.position: ${(error as Error).message}; using the start position`);
    }
  }
  return { store: createMctsStore(init), linkProblems: problems };
}

/** Monte Carlo tree search: the four phases one at a time, then whole budgets, on games and a maze. */
export default function MctsDemo({ slotId }: DemoProps) {
  // The link's settings (problem, position, C, rollout, budget, seed); every change is written back.
  const [table] = useState(() => mctsManifest.params());
  const [{ store, linkProblems }] = useState(() => storeFromLink(table, slotId));
  useStoreInLink(store, table, slotId);
  const [controller] = useState(() => createMctsController(store));
  const renderer = useRef<{ layout: TreeLayout; draw: (view: View) => number; fit: () => View; canvas: () => HTMLCanvasElement | null } | null>(null);
  useEffect(() => installMctsTestApi(slotId, store, renderer), [slotId, store]);
  useEffect(() => {
    const unregister = registerController(slotId, controller);
    return () => {
      unregister();
      store.getState().dispose();
    };
  }, [slotId, store, controller]);
  const onLayout = useCallback((layout: TreeLayout, draw: (view: View) => number, fit: () => View, canvas: () => HTMLCanvasElement | null) => {
    renderer.current = { layout, draw, fit, canvas };
  }, []);
  return (
    <div className="mcts" data-mcts={slotId}>
      <DemoFrame
        label="Monte Carlo tree search"
        controller={controller}
        unit="search iteration"
        notices={<Notices store={store} linkProblems={linkProblems} />}
        stage={
          <div className="mcts-stage">
            <TreeCanvas store={store} onLayout={onLayout} />
            <Timeline store={store} />
            <div className="mcts-stage__row">
              <BoardArea store={store} />
              <PhasePanel store={store} />
            </div>
          </div>
        }
        settings={<MainSettings store={store} />}
        chart={
          <div className="mcts-chart-area">
            <RootChart store={store} />
            <Formula store={store} />
          </div>
        }
        panels={[
          { id: 'play', label: 'Play, position and time budget', content: <PlayPanel store={store} /> },
          { id: 'details', label: 'Details', content: <Details store={store} /> },
          {
            id: 'help', label: 'How to read the tree',
            content: (
              <ul className="mcts-help">
                <li>Each dot is a position the search has visited; the root (top) is the position searched. Colour: the mean value Q/N for the player who moved into the node (blue 1, grey ½, red 0).</li>
                <li>Edges get wider with visits; the green edge is the move the search would play now (the most visited child of the root).</li>
                <li>Zoom in (wheel, pinch, + or the buttons) to read N, Q/N and the UCT score under each node. Drag to pan. Click a node to select it; double-click (or Enter) folds or unfolds its subtree.</li>
                <li>The timeline replays the tree as it stood after any earlier iteration.</li>
              </ul>
            ),
          },
        ]}
      />
    </div>
  );
}
