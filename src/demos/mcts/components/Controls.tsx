import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { MAX_BUDGET, type MctsStoreApi } from '../store';

/** A text field applied on Enter or on leaving it; a bad value leaves the setting as it was (the store says why). */
function ApplyField({ label, value, onApply, width = '6em', testId, hint, param }: { label: string; value: string; onApply: (text: string) => void; width?: string; testId: string; hint?: string; param?: string }) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <label className="primary-setting mcts-field" htmlFor={id} title={hint} data-param={param}>
      <span className="primary-setting__label">{label}</span>
      <input id={id} data-testid={testId} value={text} style={{ width }} inputMode="decimal"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') onApply(text); }}
        onBlur={() => { if (text !== value) onApply(text); }} />
    </label>
  );
}

export function MainSettings({ store }: { store: MctsStoreApi }) {
  const gameId = useStore(store, (s) => s.gameId);
  const c = useStore(store, (s) => s.c);
  const rollout = useStore(store, (s) => s.rollout);
  const budget = useStore(store, (s) => s.budget);
  const gameSel = useId();
  const rolloutSel = useId();
  const s = store.getState();
  return (
    <div className="mcts-settings">
      <label className="primary-setting" htmlFor={gameSel} data-param="gameId">
        <span className="primary-setting__label">Problem</span>
        <select id={gameSel} value={gameId} onChange={(e) => s.setGame(e.target.value)} data-testid="mcts-game">
          <option value="tictactoe">Tic-tac-toe</option>
          <option value="connect4">Connect Four</option>
          <option value="maze">Maze with coins (one agent)</option>
        </select>
      </label>
      <ApplyField label="C" value={String(c)} onApply={(t) => s.setC(t)} testId="mcts-c" param="c" width="4.5em" hint="The exploration constant in the UCT score (0.5: UCB1's bonus √(2 ln N / n)); applying it restarts the search" />
      <label className="primary-setting" htmlFor={rolloutSel} data-param="rollout">
        <span className="primary-setting__label">Rollout</span>
        <select id={rolloutSel} value={rollout} onChange={(e) => s.setRollout(e.target.value)} data-testid="mcts-rollout">
          <option value="random">Random moves</option>
          <option value="heuristic">Win, else avoid losing at once</option>
        </select>
      </label>
      <ApplyField label="Budget (iterations)" value={String(budget)} onApply={(t) => s.setBudget(t)} testId="mcts-budget" param="budget" hint={`1 to ${MAX_BUDGET.toLocaleString('en-US')}`} />
    </div>
  );
}

export function Timeline({ store }: { store: MctsStoreApi }) {
  const cursor = useStore(store, (s) => s.cursor);
  const iterations = useStore(store, (s) => s.search.iterations);
  useStore(store, (s) => s.version);
  const id = useId();
  return (
    <div className="mcts-timeline">
      <label htmlFor={id}>Timeline: the tree after iteration <strong data-testid="mcts-cursor">{cursor.toLocaleString('en-US')}</strong> of {iterations.toLocaleString('en-US')}</label>
      <input id={id} type="range" min={0} max={Math.max(0, iterations)} step={1} value={cursor} disabled={iterations === 0}
        data-testid="mcts-timeline" onChange={(e) => store.getState().scrub(Number(e.target.value))} />
    </div>
  );
}

export function PlayPanel({ store }: { store: MctsStoreApi }) {
  const game = useStore(store, (s) => s.game);
  const position = useStore(store, (s) => s.position);
  const selfPlay = useStore(store, (s) => s.selfPlay);
  const busy = useStore(store, (s) => s.busy);
  const timeMs = useStore(store, (s) => s.timeMs);
  const seed = useStore(store, (s) => s.seed);
  const s = store.getState();
  return (
    <div className="mcts-play">
      <p className="mcts-note">
        {game.players === 2
          ? 'Play against MCTS: click a cell (or column) on the board for your move, then let MCTS answer with the budget above. Or let it play both sides.'
          : 'Walk the agent yourself, or let MCTS pick each step with the budget above.'}
      </p>
      <div className="mcts-row">
        <button type="button" onClick={() => void s.mctsMove()} disabled={busy !== null} data-testid="mcts-move">MCTS moves</button>
        <label className="mcts-check"><input type="checkbox" checked={selfPlay} onChange={(e) => s.setSelfPlay(e.target.checked)} data-testid="mcts-selfplay" /> Self-play to the end</label>
        <button type="button" className="secondary" onClick={() => s.setGame(game.id)}>New game</button>
      </div>
      <div className="mcts-row">
        <ApplyField label="Position" value={position} onApply={(t) => s.setPosition(t)} testId="mcts-position" width="min(22em, 70vw)"
          hint="Rows top to bottom separated by /, with x, o and . (x moves first)" />
      </div>
      <div className="mcts-row">
        <ApplyField label="Time budget (ms)" value={String(timeMs)} onApply={(t) => s.setTimeMs(t)} testId="mcts-time" />
        <button type="button" className="secondary" onClick={() => void s.searchInWorker(true)} disabled={busy !== null} data-testid="mcts-search-time">Search for that long</button>
        <ApplyField label="Seed" value={String(seed)} onApply={(t) => s.setSeed(t)} testId="mcts-seed" />
      </div>
    </div>
  );
}
