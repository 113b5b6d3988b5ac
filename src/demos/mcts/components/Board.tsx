import { useId } from 'react';
import { useStore } from 'zustand';
import type { Game, GameState, Maze } from '../../../algorithms/mcts';
import type { MctsStoreApi } from '../store';

/** What the board shows: a position, with the tree path's moves and the rollout's moves marked. */
export interface BoardPicture {
  state: GameState;
  /** Cells (or columns) played along the tree path, in order. */
  pathMoves: number[];
  /** Moves the default policy played, in order. */
  rolloutMoves: number[];
  caption: string;
}

/** The position at the root, or what the current phase is about (the path walked, the rollout played). */
export function boardPicture(s: ReturnType<MctsStoreApi['getState']>): BoardPicture {
  const { search, phase, game, selected } = s;
  if (phase) {
    const leaf = phase.trace.path[phase.trace.path.length - 1];
    const pathMoves = phase.trace.path.slice(1).map((n) => search.move[n]);
    if (phase.index === 2) {
      const state = search.stateAt(leaf);
      for (const m of phase.trace.rolloutMoves) game.play(state, m);
      return { state, pathMoves, rolloutMoves: phase.trace.rolloutMoves, caption: `Rollout: ${phase.trace.rolloutMoves.length} moves of the ${search.rollout} default policy, result ${resultWords(game, phase.trace.value)}` };
    }
    return { state: search.stateAt(leaf), pathMoves, rolloutMoves: [], caption: phase.index === 0 ? 'Selection: the path the tree policy walks' : phase.index === 1 ? 'Expansion: the new node\'s position' : `Backup: ${resultWords(game, phase.trace.value)} added along the path` };
  }
  if (selected !== null && selected > 0 && selected < search.nodeCount) {
    const pathMoves: number[] = [];
    for (let n = selected; n > 0; n = search.parent[n]) pathMoves.unshift(search.move[n]);
    return { state: search.stateAt(selected), pathMoves, rolloutMoves: [], caption: 'The selected node\'s position' };
  }
  return { state: s.root, pathMoves: [], rolloutMoves: [], caption: game.players === 2 ? `The position searched: ${game.toMove(s.root) === 0 ? 'x' : 'o'} to move` : 'The position searched' };
}

function resultWords(game: Game, value: number): string {
  if (game.players === 1) return `return ${value.toFixed(3)}`;
  return value === 1 ? 'x wins (1)' : value === 0 ? 'o wins (0 for x)' : 'draw (0.5)';
}

const INK = '#16202c';
const X_COLOUR = '#0b5cad';
const O_COLOUR = '#b3261e';

/** Tic-tac-toe, Connect Four or the maze as SVG; clicks (and Enter on a focused cell) are the student's moves. */
export function Board({ store, picture }: { store: MctsStoreApi; picture: BoardPicture }) {
  const game = useStore(store, (s) => s.game);
  const captionId = useId();
  const move = (m: number) => store.getState().humanMove(m);
  let body: React.ReactNode;
  if (game.id === 'tictactoe') {
    body = (
      <svg viewBox="0 0 300 300" className="mcts-board__svg" role="group" aria-labelledby={captionId}>
        {Array.from({ length: 9 }, (_, cell) => {
          const x = (cell % 3) * 100;
          const y = Math.floor(cell / 3) * 100;
          const v = picture.state[cell];
          const pathAt = picture.pathMoves.indexOf(cell);
          const rollAt = picture.rolloutMoves.indexOf(cell);
          return (
            <g key={cell} role="button" tabIndex={0} aria-label={`Cell ${cell} (${game.moveLabel(cell)}): ${v === 1 ? 'x' : v === 2 ? 'o' : 'empty'}`} data-cell={cell}
              onClick={() => move(cell)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); move(cell); } }} className="mcts-board__cell">
              <rect x={x + 2} y={y + 2} width={96} height={96} rx={8} fill={pathAt >= 0 ? '#ffe8c2' : rollAt >= 0 ? '#e6eefa' : '#f7f9fb'} stroke={INK} strokeWidth={2} />
              {v === 1 ? <text x={x + 50} y={y + 68} textAnchor="middle" fontSize={64} fontWeight={700} fill={X_COLOUR}>x</text> : null}
              {v === 2 ? <text x={x + 50} y={y + 68} textAnchor="middle" fontSize={64} fontWeight={700} fill={O_COLOUR}>o</text> : null}
              {pathAt >= 0 ? <text x={x + 12} y={y + 26} fontSize={20} fill={INK}>{`T${pathAt + 1}`}</text> : null}
              {rollAt >= 0 ? <text x={x + 12} y={y + 26} fontSize={20} fill={INK}>{`R${rollAt + 1}`}</text> : null}
            </g>
          );
        })}
      </svg>
    );
  } else if (game.id === 'connect4') {
    body = (
      <svg viewBox="0 0 350 320" className="mcts-board__svg" role="group" aria-labelledby={captionId}>
        <rect x={0} y={20} width={350} height={300} rx={10} fill="#1d4f91" />
        {Array.from({ length: 7 }, (_, col) => (
          <g key={col} role="button" tabIndex={0} aria-label={`Drop in ${game.moveLabel(col)}`} data-column={col} className="mcts-board__cell"
            onClick={() => move(col)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); move(col); } }}>
            <rect x={col * 50} y={0} width={50} height={320} fill="transparent" />
            <text x={col * 50 + 25} y={15} textAnchor="middle" fontSize={13} fill="currentColor">{col + 1}</text>
            {Array.from({ length: 6 }, (_, row) => {
              const v = picture.state[row * 7 + col];
              return <circle key={row} cx={col * 50 + 25} cy={45 + row * 50} r={20} fill={v === 1 ? '#f2c200' : v === 2 ? '#d7372f' : '#f7f9fb'} stroke={INK} strokeWidth={1} />;
            })}
          </g>
        ))}
        {picture.pathMoves.length + picture.rolloutMoves.length > 0 ? (
          <text x={175} y={318} textAnchor="middle" fontSize={12} fill="#fff">{`path: ${picture.pathMoves.map((m) => m + 1).join(' ')}${picture.rolloutMoves.length ? ` · rollout: ${picture.rolloutMoves.map((m) => m + 1).join(' ')}` : ''}`}</text>
        ) : null}
      </svg>
    );
  } else {
    const mz = game as Maze;
    const size = 36;
    const chars = mz.toString(picture.state).replace(/\//g, '');
    const moves = ['↑', '→', '↓', '←'];
    body = (
      <svg viewBox={`0 0 ${mz.width * size} ${mz.height * size + 24}`} className="mcts-board__svg" role="group" aria-labelledby={captionId}>
        {chars.split('').map((ch, cell) => {
          const x = (cell % mz.width) * size;
          const y = Math.floor(cell / mz.width) * size;
          return (
            <g key={cell}>
              <rect x={x} y={y} width={size} height={size} fill={ch === '#' ? '#3e4c59' : ch === 'e' ? '#c6f0d2' : '#f7f9fb'} stroke="#cbd2d9" />
              {ch === 'c' ? <circle cx={x + size / 2} cy={y + size / 2} r={9} fill="#f2c200" stroke={INK} /> : null}
              {ch === 'a' ? <circle cx={x + size / 2} cy={y + size / 2} r={12} fill={X_COLOUR} /> : null}
              {ch === 'e' ? <text x={x + size / 2} y={y + size / 2 + 5} textAnchor="middle" fontSize={14} fill={INK}>exit</text> : null}
            </g>
          );
        })}
        <text x={4} y={mz.height * size + 17} fontSize={14} fill="currentColor">
          {picture.pathMoves.length + picture.rolloutMoves.length > 0
            ? `path ${picture.pathMoves.map((m) => moves[m]).join('')}${picture.rolloutMoves.length ? ` · rollout ${picture.rolloutMoves.map((m) => moves[m]).join('')}` : ''}`
            : 'Move with the buttons below'}
        </text>
      </svg>
    );
  }
  return (
    <figure className="mcts-board">
      {body}
      {game.id === 'maze' ? (
        <div className="mcts-board__moves" role="group" aria-label="Move the agent">
          {['up', 'right', 'down', 'left'].map((label, m) => (
            <button key={label} type="button" className="secondary" onClick={() => move(m)}>{label}</button>
          ))}
        </div>
      ) : null}
      <figcaption id={captionId}>{picture.caption}</figcaption>
    </figure>
  );
}
