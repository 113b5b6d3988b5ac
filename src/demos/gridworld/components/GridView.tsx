import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useStore } from 'zustand';
import { ACTION_DELTAS, TERMINAL, WALL, rgbCss, textOn, valueRgb, valueScale } from '../../../algorithms/gridworld';
import type { GridStoreApi } from '../store';

const CELL = 100;
/**
 * Cell layout (units of 1/100 cell): arrows live in the top band around ARROW_Y and never reach
 * below y = 68; the value is printed in the bottom band (baseline 92, cap height ≈ 16), so no arrow
 * covers a digit.
 */
const ARROW_Y = 38;
const ARROW_MAX = 24;
const VALUE_BASELINE = 92;
/** Arrow tips and Q-triangle corners, in cell units from the centre, for N, E, S, W. */
const TRIANGLES: readonly string[] = ['0,0 -50,-50 50,-50', '0,0 50,-50 50,50', '0,0 50,50 -50,50', '0,0 -50,50 -50,-50'];
const TRIANGLE_TEXT: readonly [number, number][] = [[0, -30], [27, 0], [0, 34], [-27, 0]];

export const format = (v: number) => (Math.abs(v) < 5e-4 ? '0.00' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

function Arrow({ action, weight }: { action: number; weight: number }) {
  const [dy, dx] = ACTION_DELTAS[action];
  const length = 12 + (ARROW_MAX - 12) * weight;
  const x2 = dx * length;
  const y2 = dy * length;
  const head = 8 + 3 * weight;
  // Head: two short strokes back from the tip.
  const back = (sign: number) => `${x2 - dx * head + dy * head * sign * 0.8},${y2 - dy * head + dx * head * sign * 0.8}`;
  return (
    <g className="gw-arrow" strokeWidth={3 + 4 * weight} strokeLinecap="round" opacity={0.35 + 0.65 * weight}>
      <line x1={dx * 6} y1={dy * 6} x2={x2} y2={y2} />
      <polyline points={`${back(1)} ${x2},${y2} ${back(-1)}`} fill="none" />
    </g>
  );
}

interface Props {
  store: GridStoreApi;
  labelId: string;
  helpId: string;
}

/** The grid as SVG: V as colour and number, greedy (or soft) arrows, optional Q triangles, editing. */
export function GridView({ store, labelId, helpId }: Props) {
  const s = useStore(store);
  const { mdp, values, q, policy, pi, showQ, cursor, mode } = s;
  const scale = valueScale(mdp, values);
  const qScale = showQ ? Math.max(scale, ...Array.from(q).map(Math.abs)) : scale;
  const agent = mode === 'q' && s.learner ? s.learner.position : -1;
  const svgRef = useRef<SVGSVGElement>(null);
  /** The cell last painted by the current pointer drag (−1: no drag). */
  const dragCell = useRef(-1);

  /** The cell under a pointer, from the SVG's own coordinates (works for touch and pen too). */
  const cellAt = (event: PointerEvent): number => {
    const svg = svgRef.current;
    const matrix = svg?.getScreenCTM();
    if (!svg || !matrix) return -1;
    const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    const col = Math.floor(point.x / CELL);
    const row = Math.floor(point.y / CELL);
    return row >= 0 && row < mdp.rows && col >= 0 && col < mdp.cols ? row * mdp.cols + col : -1;
  };
  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    const cell = cellAt(event);
    if (cell < 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    dragCell.current = cell;
    store.getState().paint(cell);
  };
  const onPointerMove = (event: PointerEvent) => {
    const cell = cellAt(event);
    if (dragCell.current < 0) {
      if (event.pointerType === 'mouse' && cell !== store.getState().hover) store.getState().setHover(cell);
      return;
    }
    if (cell < 0 || cell === dragCell.current) return;
    dragCell.current = cell;
    store.getState().paint(cell);
  };
  const endDrag = () => { dragCell.current = -1; };

  const onKeyDown = (event: KeyboardEvent) => {
    const row = Math.floor(cursor / mdp.cols);
    const col = cursor % mdp.cols;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const brushes: Record<string, 'empty' | 'wall' | 'terminal' | 'start'> = { '1': 'empty', '2': 'wall', '3': 'terminal', '4': 'start' };
    if (moves[event.key]) {
      const r = Math.min(mdp.rows - 1, Math.max(0, row + moves[event.key][0]));
      const c = Math.min(mdp.cols - 1, Math.max(0, col + moves[event.key][1]));
      s.setCursor(r * mdp.cols + c);
    } else if (event.key === ' ' || event.key === 'Enter') {
      s.paint(cursor);
    } else if (brushes[event.key]) {
      s.setBrush(brushes[event.key]);
    } else return;
    event.preventDefault();
  };

  const cells = [];
  for (let cell = 0; cell < mdp.end; cell++) {
    const x = (cell % mdp.cols) * CELL;
    const y = Math.floor(cell / mdp.cols) * CELL;
    const kind = mdp.kind[cell];
    const isWall = kind === WALL;
    const fill = isWall ? 'rgb(45 50 58)' : rgbCss(valueRgb(values[cell], scale));
    const ink = isWall ? '#fff' : textOn(valueRgb(values[cell], scale));
    const isTerminal = kind === TERMINAL;
    cells.push(
      <g key={cell} transform={`translate(${x},${y})`} data-cell={cell}>
        <rect width={CELL} height={CELL} fill={fill} stroke="#16202c" strokeWidth={1.5} />
        {isTerminal ? <rect x={7} y={7} width={CELL - 14} height={CELL - 14} fill="none" stroke={ink} strokeWidth={4} /> : null}
        {!isWall && showQ && !isTerminal
          ? TRIANGLES.map((points, a) => {
              const rgb = valueRgb(q[4 * cell + a], qScale);
              return (
                <g key={a} transform={`translate(50,50)`}>
                  <polygon points={points} fill={rgbCss(rgb)} stroke="#16202c" strokeWidth={0.8} />
                  <text x={TRIANGLE_TEXT[a][0]} y={TRIANGLE_TEXT[a][1] + 6} fontSize={15} textAnchor="middle" fill={textOn(rgb)}>
                    {format(q[4 * cell + a])}
                  </text>
                </g>
              );
            })
          : null}
        {!isWall && !isTerminal && !showQ ? (
          <g transform={`translate(50,${ARROW_Y})`} stroke={ink}>
            {pi && mode === 'soft'
              ? [0, 1, 2, 3].map((a) => <Arrow key={a} action={a} weight={pi[4 * cell + a]} />)
              : policy[cell] >= 0 ? <Arrow action={policy[cell]} weight={1} /> : null}
          </g>
        ) : null}
        {!isWall && !(showQ && !isTerminal) ? (
          <text className="gw-value" x={50} y={isTerminal ? 60 : VALUE_BASELINE} fontSize={isTerminal ? 26 : 22} fontWeight={700} textAnchor="middle" fill={ink}>
            {isTerminal ? `${mdp.terminalReward[cell] > 0 ? '+' : ''}${Number(mdp.terminalReward[cell].toPrecision(3))}` : format(values[cell])}
          </text>
        ) : null}
        {cell === mdp.start ? (
          <text x={8} y={26} fontSize={22} fontWeight={700} fill={ink}>S</text>
        ) : null}
        {cell === agent ? <circle cx={50} cy={ARROW_Y} r={15} fill="#ff9f1c" stroke="#16202c" strokeWidth={4} /> : null}
      </g>,
    );
  }
  const cx = (cursor % mdp.cols) * CELL;
  const cy = Math.floor(cursor / mdp.cols) * CELL;
  return (
    <div
      className="gw-grid"
      tabIndex={0}
      role="application"
      aria-labelledby={labelId}
      aria-describedby={helpId}
      onKeyDown={onKeyDown}
      onFocus={() => s.setHover(-1)}
    >
      <svg
        ref={svgRef}
        viewBox={`-3 -3 ${mdp.cols * CELL + 6} ${mdp.rows * CELL + 6}`}
        className="gw-grid__svg"
        aria-hidden="true"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onPointerLeave={(event) => { if (event.pointerType === 'mouse' && dragCell.current < 0) store.getState().setHover(-1); }}
      >
        {cells}
        <rect className="gw-grid__cursor" x={cx + 3} y={cy + 3} width={CELL - 6} height={CELL - 6} fill="none" />
      </svg>
    </div>
  );
}
