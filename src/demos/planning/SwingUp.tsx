/**
 * The iLQR part: a swing-up (pendulum or cart-pole) planned by iLQR and, beside it on the same
 * model and cost, by CEM. Strobe pictures of both plans, the pole angle over time for every iLQR
 * iteration with CEM's mean plan over it, the cost of each against computing time, and the line
 * search written out.
 */
import { LiveFormula } from '../../components/math/LiveFormula';
import type { IlqrView } from '../../algorithms/planning/session';
import { LinePlot, type Series } from './plots';
import { num } from './parts';

const POSES = 14;
/** Pixels per metre; the pole (pendulum rod or cart-pole pole) is drawn 1 m long. */
const SCALE = 38;
const WIDTH = 200;
const HEIGHT = 90;
const PIVOT_Y = 45;

/** Where the pole's tip is, relative to its pivot, in metres (y up): the pendulum hangs at θ = 0, the cart-pole's pole stands at θ = 0. */
function tip(task: IlqrView['task'], theta: number): [number, number] {
  return task === 'pendulum' ? [Math.sin(theta), -Math.cos(theta)] : [Math.sin(theta), Math.cos(theta)];
}

/** Poses along one plan, faint early, solid at the end: the swing read at a glance. */
export function Strobe({ task, angles, cartX, label, caption, className }: { task: IlqrView['task']; angles: number[]; cartX: number[] | null; label: string; caption: string; className: string }) {
  const last = angles.length - 1;
  const picks = Array.from({ length: POSES }, (_, i) => Math.round((i / (POSES - 1)) * last));
  const cx = (t: number) => WIDTH / 2 + (cartX ? Math.max(-2.3, Math.min(2.3, cartX[t])) : 0) * SCALE;
  const end = angles[last];
  return (
    <figure className="pl-strobe">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
        {cartX ? <line x1={8} x2={WIDTH - 8} y1={PIVOT_Y + 7} y2={PIVOT_Y + 7} className="pl-track" /> : <circle cx={WIDTH / 2} cy={PIVOT_Y} r={4} className="pl-pivot" />}
        {picks.map((t, i) => {
          const [dx, dy] = tip(task, angles[t]);
          const x0 = cx(t);
          const opacity = i === POSES - 1 ? 1 : 0.12 + 0.5 * (i / (POSES - 1));
          return (
            <g key={i} opacity={opacity}>
              {cartX ? <rect x={x0 - 11} y={PIVOT_Y - 5} width={22} height={10} rx={2} className="pl-cart" /> : null}
              <line x1={x0} y1={PIVOT_Y} x2={x0 + dx * SCALE} y2={PIVOT_Y - dy * SCALE} className={`pl-pole ${className}`} />
            </g>
          );
        })}
      </svg>
      <figcaption>{`${caption}: final θ ${formatAngle(end)}`}</figcaption>
    </figure>
  );
}

/** Two decimals, no −0.00. */
const formatAngle = (x: number) => (Math.abs(x) < 0.005 ? '0.00' : x.toFixed(2));

function describeEnd(view: IlqrView, angles: number[]): string {
  const off = Math.abs(angles[angles.length - 1] - view.upright);
  return off < 0.1 ? 'upright' : off < 1 ? `${off.toFixed(2)} rad from upright` : 'far from upright';
}

export function IlqrStage({ view }: { view: IlqrView }) {
  const count = view.angles.length;
  const series: Series[] = view.angles.map((angles, i) => ({
    label: i === count - 1 ? 'iLQR' : i === 0 ? 'earlier' : '',
    className: i === count - 1 ? 'pl-c1' : 'pl-old',
    width: i === count - 1 ? 3 : 1.2,
    opacity: i === count - 1 ? 1 : i === count - 2 ? 0.8 : 0.25 + 0.4 * (i / count),
    points: angles.map((a, t) => [t * view.dt, a] as [number, number]),
  }));
  if (count >= 2) series.splice(count - 2, 1, { ...series[count - 2], label: 'previous', className: 'pl-c2', dashed: true });
  series.push({ label: 'CEM mean', className: 'pl-c4', width: 2.5, dashed: true, points: view.cem.angles.map((a, t) => [t * view.dt, a] as [number, number]) });
  const latest = view.angles[count - 1];
  const name = view.task === 'pendulum' ? 'pendulum' : 'cart-pole';
  return (
    <div>
      <div className="pl-strobes">
        <Strobe task={view.task} angles={latest} cartX={view.cartX} className="pl-c1" caption="iLQR" label={`iLQR, iteration ${view.iteration}: the ${name} ends ${describeEnd(view, latest)}`} />
        <Strobe task={view.task} angles={view.cem.angles} cartX={view.cem.cartX} className="pl-c4" caption="CEM mean" label={`CEM mean, round ${view.cem.rounds}: the ${name} ends ${describeEnd(view, view.cem.angles)}`} />
      </div>
      <LinePlot series={series} xLabel="time (s)" yLabel="θ (rad)" height={120} yRange={[-1.5, 4]} refs={[{ y: view.upright, label: `upright θ = ${view.task === 'pendulum' ? 'π' : '0'}` }]}
        label={`${name} angle over time for ${count} iLQR trajectories and CEM's mean plan; iLQR's latest ends at θ = ${latest[latest.length - 1].toFixed(2)}`} />
    </div>
  );
}

/** Cost of each planner against the milliseconds it has computed: which gets further, and how fast. */
export function IlqrChart({ view }: { view: IlqrView }) {
  const ilqr = view.costs.map((c, i) => [view.ms[i], c] as [number, number]);
  const cem = view.cem.costs.map((c, i) => [view.cem.ms[i], c] as [number, number]);
  const ilqrCost = view.costs[view.costs.length - 1];
  const cemCost = view.cem.costs[view.cem.costs.length - 1];
  const ilqrMs = view.ms[view.ms.length - 1];
  const cemMs = view.cem.ms[view.cem.ms.length - 1];
  return (
    <div>
      <LinePlot
        series={[
          { label: 'iLQR', className: 'pl-c1', points: ilqr },
          { label: `CEM mean plan (N = ${view.cem.samples}, M = ${view.cem.elites})`, className: 'pl-c4', points: cem },
        ]}
        xLabel="computing time (ms)" yLabel="cost J" log height={120}
        label={`Cost against computing time: iLQR ${ilqrCost.toFixed(1)} after ${ilqrMs.toFixed(0)} ms, CEM ${cemCost.toFixed(1)} after ${cemMs.toFixed(0)} ms`}>
        {(x, y) => view.alphas.map((a, i) => (a !== null && a < 1 ? <circle key={i} cx={x(view.ms[i])} cy={y(view.costs[i])} r={4} className="pl-mark" /> : null))}
      </LinePlot>
      <table className="pl-compare" aria-label="iLQR against CEM on the same swing-up">
        <thead>
          <tr><th scope="col">Planner</th><th scope="col">Cost</th><th scope="col">Steps</th><th scope="col">Time</th></tr>
        </thead>
        <tbody>
          <tr><th scope="row">iLQR</th><td>{ilqrCost.toFixed(2)}</td><td>{`${view.iteration} iterations${view.converged ? ', converged' : ''}`}</td><td>{`${ilqrMs.toFixed(0)} ms`}</td></tr>
          <tr><th scope="row">CEM</th><td>{cemCost.toFixed(2)}</td><td>{`${view.cem.rounds} of ${view.cem.maxRounds} rounds`}</td><td>{`${cemMs.toFixed(0)} ms`}</td></tr>
        </tbody>
      </table>
    </div>
  );
}

export function IlqrEquation({ view }: { view: IlqrView }) {
  if (view.tried.length === 0) return <p className="pl-note">Step to run one iteration: linearise around the trajectory, run the LQR backward pass, then try α = 1, ½, ¼, … on the real model. CEM takes one round beside it.</p>;
  const accepted = view.alphas[view.alphas.length - 1];
  const tries = view.tried.map((t) => `\\alpha = ${num(t.alpha)}: J = ${num(t.cost, 4)}`).join(',\\; ');
  const tex = `a_t = \\mathbf{K}_t (s_t - \\hat{s}_t) + \\alpha \\mathbf{k}_t + \\hat{a}_t; \\quad ${tries}`;
  return (
    <div className="pl-eq">
      <LiveFormula tex={tex} display label={`Line search: ${view.tried.map((t) => `alpha ${t.alpha} gives cost ${t.cost.toFixed(2)}`).join('; ')}`} />
      <p className="pl-note">
        {accepted === null ? `No step size lowered the cost; μ grows to ${num(view.mu)} and the next iteration tries again.` : `Accepted α = ${accepted}: cost ${view.costs[view.costs.length - 2].toFixed(2)} → ${view.costs[view.costs.length - 1].toFixed(2)}.`}
        {view.converged ? ' Converged: the cost no longer improves.' : ''}
      </p>
    </div>
  );
}
