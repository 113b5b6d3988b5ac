import katex from 'katex';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { ACTIONS, TERMINAL, WALL, transitions, type GridMdp } from '../../../algorithms/gridworld';
import { katexMacros, KATEX_LIMITS } from '../../../components/math/macros';
import type { GridStore, GridStoreApi } from '../store';

const ARROWS = ['\\uparrow', '\\rightarrow', '\\downarrow', '\\leftarrow'];
const n = (v: number) => {
  const text = Math.abs(v) < 5e-5 ? '0' : Number(v.toFixed(3)).toString();
  return v < 0 ? `(${text})` : text;
};
const cellName = (mdp: GridMdp, cell: number) =>
  cell === mdp.end ? 's_{\\text{end}}' : `s_{${Math.floor(cell / mdp.cols) + 1},${(cell % mdp.cols) + 1}}`;

/** The backup of one cell as LaTeX, with the live numbers. */
export function backupTex(s: GridStore, cell: number): string {
  const { mdp, values, gamma, noise, living, mode, q } = s;
  const me = cellName(mdp, cell);
  if (mdp.kind[cell] === WALL) return `${me}\\ \\text{is a wall: not a state}`;
  if (mdp.kind[cell] === TERMINAL) {
    return `V(${me}) = r_{\\text{exit}} + \\gamma\\, V(s_{\\text{end}}) = ${n(mdp.terminalReward[cell])} + ${n(gamma)} \\cdot 0 = ${n(mdp.terminalReward[cell])}`;
  }
  if (mode === 'q') {
    const last = s.lastStep;
    const rows = [0, 1, 2, 3].map((a) => `Q(${me}, ${ARROWS[a]}) &= ${n(q[4 * cell + a])}`);
    if (last && last.state === cell && last.nextState !== mdp.end) {
      const a = last.action;
      rows.push(
        `\\text{last update: } Q(${me}, ${ARROWS[a]}) &\\leftarrow Q + \\eta\\,[\\,r + \\gamma \\max_{a'} Q(${cellName(mdp, last.nextState)}, a') - Q\\,]` +
          `\\\\ &= ${n(q[4 * cell + a] - s.lr * last.tdError)} + ${n(s.lr)}\\,(${n(last.tdError)})`,
      );
    }
    return `\\begin{aligned}${rows.join('\\\\')}\\end{aligned}`;
  }
  const lines = [0, 1, 2, 3].map((a) => {
    const terms = transitions(mdp, cell, a, noise)
      .map(([to, p]) => `${n(p)} \\cdot ${n(values[to])}`)
      .join(' + ');
    return `Q(${me}, ${ARROWS[a]}) &= ${n(living)} + ${n(gamma)}\\,[\\,${terms}\\,] = ${n(q[4 * cell + a])}`;
  });
  const qs = [0, 1, 2, 3].map((a) => n(q[4 * cell + a])).join(', ');
  let last: string;
  if (mode === 'soft') {
    last = `V(${me}) &\\leftarrow \\alpha \\log \\sum_a e^{Q(${me},a)/\\alpha} = ${n(s.alpha)} \\log \\sum e^{\\{${qs}\\}/${n(s.alpha)}}`;
  } else if (mode === 'pi') {
    const act = s.policy[cell];
    last = `\\pi(${me}) &= \\argmax_a Q(${me}, a) = ${act >= 0 ? ARROWS[act] : '\\cdot'} \\quad \\text{(${act >= 0 ? ACTIONS[act] : ''})}`;
  } else {
    last = `V(${me}) &\\leftarrow \\max_a Q(${me}, a) = \\max\\{${qs}\\} = ${n(Math.max(q[4 * cell], q[4 * cell + 1], q[4 * cell + 2], q[4 * cell + 3]))}`;
  }
  return `\\begin{aligned}${lines.join('\\\\')}\\\\${last}\\end{aligned}`;
}

/** The hovered (or keyboard-focused) cell's Bellman backup, typeset live. */
export function BellmanBackup({ store }: { store: GridStoreApi }) {
  const s = useStore(store);
  const cell = s.hover >= 0 ? s.hover : s.cursor;
  const tex = backupTex(s, cell);
  const html = useMemo(() => {
    try {
      return katex.renderToString(tex, { ...KATEX_LIMITS, macros: katexMacros(), displayMode: true, throwOnError: true });
    } catch (error) {
      return `<span>${(error as Error).message.replace(/[<>&]/g, '')}</span>`;
    }
  }, [tex]);
  return (
    <figure className="gw-backup" aria-label={`Bellman backup for row ${Math.floor(cell / s.mdp.cols) + 1}, column ${(cell % s.mdp.cols) + 1}`}>
      <figcaption>
        Backup at row {Math.floor(cell / s.mdp.cols) + 1}, column {(cell % s.mdp.cols) + 1}
        {s.hover >= 0 ? ' (under the pointer)' : ' (keyboard cursor)'}
      </figcaption>
      <div className="gw-backup__math" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
