import katex from 'katex';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import {
  ACTIONS, qFromValues, softQFromValues, stepSize, TERMINAL, transitionModel, WALL, weightedLogSumExp, type GridMdp,
} from '../../../algorithms/gridworld';
import { katexMacros, KATEX_LIMITS } from '../../../components/math/macros';
import type { GridStore, GridStoreApi } from '../store';

const ARROWS = ['\\uparrow', '\\rightarrow', '\\downarrow', '\\leftarrow'];
/** A number as the formula prints it: three decimals at most, negatives in parentheses. */
export const n = (v: number) => {
  const text = Math.abs(v) < 5e-5 ? '0' : Number(v.toFixed(3)).toString();
  return v < 0 && text !== '0' ? `(${text})` : text;
};
const cellName = (mdp: GridMdp, cell: number) =>
  cell === mdp.end ? 's_{\\text{end}}' : `s_{${Math.floor(cell / mdp.cols) + 1},${(cell % mdp.cols) + 1}}`;

/**
 * The Q values the panel shows, computed from the values on screen (so the arithmetic always
 * combines the numbers it prints, before any sweep too); Q-learning shows its table.
 */
export function panelQ(s: GridStore): ArrayLike<number> {
  const dynamics = { gamma: s.gamma, noise: s.noise, livingReward: s.living };
  if (s.mode === 'q') return s.q;
  if (s.mode === 'soft') return softQFromValues(s.mdp, s.values, dynamics, s.alpha, s.softBackup);
  return qFromValues(s.mdp, s.values, dynamics);
}

/**
 * The backup of one cell as separate LaTeX lines with the live numbers: first the rule in
 * symbols, then one line per action, then the value (or policy) it yields.
 */
export function backupLines(s: GridStore, cell: number): string[] {
  const { mdp, values, gamma, noise, living, mode } = s;
  const me = cellName(mdp, cell);
  if (mdp.kind[cell] === WALL) return [`${me}\\ \\text{is a wall: not a state}`];
  if (mdp.kind[cell] === TERMINAL) {
    return [`V(${me}) = r_{\\text{exit}} + \\gamma\\, V(s_{\\text{end}}) = ${n(mdp.terminalReward[cell])} + ${n(gamma)} \\cdot 0 = ${n(mdp.terminalReward[cell])}`];
  }
  const q = panelQ(s);
  const qs = [0, 1, 2, 3].map((a) => q[4 * cell + a]);
  if (mode === 'q') {
    const lines = [
      `Q(s, a) \\leftarrow Q(s, a) + \\eta\\,[\\,r + \\gamma \\max_{a'} Q(s', a') - Q(s, a)\\,]`,
      ...[0, 1, 2, 3].map((a) => `Q(${me}, ${ARROWS[a]}) = ${n(qs[a])}`),
    ];
    const last = s.lastStep;
    if (last && last.state === cell && last.nextState !== mdp.end && s.learner) {
      const a = last.action;
      const updates = s.learner.visits[4 * cell + a];
      const eta = stepSize({ learningRate: s.lr, schedule: s.schedule, decay: s.decay }, Math.max(0, updates - 1));
      lines.push(
        `\\text{last update (}${s.schedule === 'decaying' ? `\\eta = 1/${updates}^{${n(s.decay)}}` : '\\eta'}\\text{): } ` +
          `Q(${me}, ${ARROWS[a]}) = ${n(qs[a] - eta * last.tdError)} + ${n(eta)} \\cdot ${n(last.tdError)} = ${n(qs[a])}`,
      );
    }
    return lines;
  }
  const model = transitionModel(mdp, noise);
  const exact = mode === 'soft' && s.softBackup === 'exact';
  const rule = exact
    ? `Q(s, a) = r(s) + \\alpha \\log \\E_{s'}\\!\\left[e^{\\gamma V(s') / \\alpha}\\right]`
    : `Q(s, a) = r(s) + \\gamma\\, \\E_{s'}[V(s')]`;
  const lines = [rule];
  for (let a = 0; a < 4; a++) {
    const outcomes = model.outcomes(cell, a);
    const body = exact
      ? `${n(living)} + ${n(s.alpha)} \\log [\\, ${outcomes.map(([to, p]) => `${n(p)}\\, e^{${n(gamma)} \\cdot ${n(values[to])} / ${n(s.alpha)}}`).join(' + ')} \\,]`
      : `${n(living)} + ${n(gamma)} \\cdot [\\, ${outcomes.map(([to, p]) => `${n(p)} \\cdot ${n(values[to])}`).join(' + ')} \\,]`;
    lines.push(`Q(${me}, ${ARROWS[a]}) = ${body} = ${n(qs[a])}`);
  }
  if (mode === 'soft') {
    const v = weightedLogSumExp(qs, [1, 1, 1, 1], s.alpha);
    const terms = qs.map((x) => `e^{${n(x)} / ${n(s.alpha)}}`).join(' + ');
    lines.push(`V(${me}) \\leftarrow \\alpha \\log \\sum_a e^{Q(${me}, a) / \\alpha} = ${n(s.alpha)} \\log (\\, ${terms} \\,) = ${n(v)}`);
  } else if (mode === 'pi') {
    const act = s.policy[cell];
    lines.push(`\\pi(${me}) = \\argmax_a Q(${me}, a) = ${act >= 0 ? ARROWS[act] : '\\cdot'} \\ \\text{(${act >= 0 ? ACTIONS[act] : ''})}`);
  } else {
    lines.push(`V(${me}) \\leftarrow \\max_a Q(${me}, a) = \\max \\{ ${qs.map(n).join(', ')} \\} = ${n(Math.max(...qs))}`);
  }
  return lines;
}

function render(tex: string): string {
  try {
    // Inline style: KaTeX may break a line after = and +, so a long backup wraps instead of clipping.
    return katex.renderToString(tex, { ...KATEX_LIMITS, macros: katexMacros(), displayMode: false, throwOnError: true });
  } catch (error) {
    return `<span>${(error as Error).message.replace(/[<>&]/g, '')}</span>`;
  }
}

/** The hovered (or keyboard-focused) cell's Bellman backup, typeset live. */
export function BellmanBackup({ store }: { store: GridStoreApi }) {
  const s = useStore(store);
  const cell = s.hover >= 0 ? s.hover : s.cursor;
  const lines = backupLines(s, cell);
  const key = lines.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the joined text is the whole input
  const html = useMemo(() => lines.map(render), [key]);
  const where = `row ${Math.floor(cell / s.mdp.cols) + 1}, column ${(cell % s.mdp.cols) + 1}`;
  const title = s.mode === 'soft' ? `${s.softBackup === 'exact' ? 'Exact (optimistic)' : 'Variational'} soft backup` : 'Bellman backup';
  return (
    <figure className="gw-backup" aria-label={`${title} for ${where}`} data-testid="gw-backup">
      <figcaption>
        {title} at {where}
        {s.hover >= 0 ? ' (under the pointer)' : ' (keyboard cursor)'}
      </figcaption>
      {html.map((line, i) => (
        <div key={i} className={i === 0 ? 'gw-backup__line gw-backup__rule' : 'gw-backup__line'} dangerouslySetInnerHTML={{ __html: line }} />
      ))}
    </figure>
  );
}
