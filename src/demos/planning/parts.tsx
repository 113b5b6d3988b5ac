/** Charts and live equations of the CEM and LQR parts (the iLQR part is in SwingUp.tsx). */
import { LiveFormula } from '../../components/math/LiveFormula';
import type { CemView, LqrView } from '../../algorithms/planning/session';
import { LinePlot, type Series } from './plots';

/** A number for a formula: 3 significant digits, no −0. */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return '\\text{–}';
  const v = Number(x.toPrecision(digits));
  return String(v === 0 ? 0 : v);
}
const row = (xs: number[]) => `\\begin{bmatrix} ${xs.map((x) => num(x)).join(' & ')} \\end{bmatrix}`;
const matrix = (m: number[][]) => `\\begin{bmatrix} ${m.map((r) => r.map((x) => num(x)).join(' & ')).join(' \\\\ ')} \\end{bmatrix}`;

export function CemChart({ view }: { view: CemView }) {
  const recent = view.rounds.slice(-80);
  const first = view.rounds.length - recent.length;
  const series: Series[] = [
    { label: 'elite mean cost', className: 'pl-c1', points: recent.map((r, i) => [first + i + 1, r.eliteMeanCost]) },
    { label: 'cheapest sample', className: 'pl-c2', points: recent.map((r, i) => [first + i + 1, r.bestCost]) },
    { label: 'mean over all samples', className: 'pl-c3', dashed: true, points: recent.map((r, i) => [first + i + 1, r.meanCost]) },
  ];
  if (recent.length === 0) return <p className="pl-note">The cost of each CEM round appears here once planning starts (press Step).</p>;
  const last = recent[recent.length - 1];
  return (
    <LinePlot series={series} xLabel={view.method === 'cem' ? 'CEM round (all plans of the episode)' : 'plan'} yLabel="cost J" log
      label={`Cost per round: latest elite mean ${last.eliteMeanCost.toFixed(2)}, cheapest ${last.bestCost.toFixed(2)}`}>
      {(x) => recent.map((r, i) => (r.round === 1 && view.method === 'cem' ? <line key={i} x1={x(first + i + 0.5)} x2={x(first + i + 0.5)} y1={10} y2={140} className="pl-sep" /> : null))}
    </LinePlot>
  );
}

export function CemEquation({ view }: { view: CemView }) {
  const ex = view.refitExample;
  if (!ex || view.method !== 'cem') {
    return <p className="pl-note">Random shooting keeps its sampling distribution fixed (uniform over the actions) and takes the cheapest of N plans.</p>;
  }
  const M = ex.eliteValues.length;
  const shown = ex.eliteValues.slice(0, 3).map((v) => num(v, 2)).join(' + ');
  const tex = `\\mu \\leftarrow \\frac{1}{M}\\sum_{j=1}^{M} \\mathbf{A}_{i_j}: \\quad \\mu_{a_1,x} = \\frac{1}{${M}}\\left(${shown}${M > 3 ? ' + \\cdots' : ''}\\right) = ${num(ex.mean)}, \\quad \\sigma_{a_1,x} = ${num(ex.std)}, \\quad \\bar\\sigma: ${num(view.sigmaBefore)} \\to ${num(view.sigmaAfter)}`;
  return <LiveFormula tex={tex} display label={`CEM refit: first action's x mean ${num(ex.mean)}, standard deviation ${num(ex.std)}; mean sigma ${num(view.sigmaBefore)} to ${num(view.sigmaAfter)}`} />;
}

export function LqrStage({ view }: { view: LqrView }) {
  const dims = view.system === 'cartpole' ? [0, 2] : [0, 1];
  const classes = ['pl-c1', 'pl-c2'];
  const series: Series[] = dims.flatMap((d, i) => [
    { label: `${view.stateNames[d]}`, className: classes[i], width: 3, points: view.states.map((s, t) => [t * view.dt, s[d]] as [number, number]) },
    { label: '', className: classes[i], dashed: true, points: view.predicted.map((s, t) => [t * view.dt, s[d]] as [number, number]) },
  ]);
  return (
    <div>
      <p className="pl-note pl-small">Solid: run with noise σ = {view.noise} · dashed: noise-free</p>
      <LinePlot series={series} xLabel="" yLabel="state" height={110} xRange={[0, view.T * view.dt]} refs={[{ y: 1, label: 'target position' }]}
        label={`LQR on the ${view.system === 'cartpole' ? 'linearised cart-pole' : 'double integrator'}: ${view.states.length - 1} of ${view.T} steps run, cost so far ${view.cost.toFixed(3)}`} />
      <LinePlot series={[{ label: 'a_t = K_t s_t + k_t', className: 'pl-c3', points: view.actions.map((a, t) => [t * view.dt, a]) }]} xLabel="time (s)" yLabel="action" height={85}
        xRange={[0, view.T * view.dt]} label={`Actions so far: ${view.actions.length}`} legend={false} />
    </div>
  );
}

export function LqrChart({ view }: { view: LqrView }) {
  const from = view.revealedFrom;
  const entries = view.K[0]?.length ?? 0;
  const names = view.stateNames.map((n) => n.replace('pole angular velocity', 'ang. velocity'));
  const series: Series[] = [
    ...Array.from({ length: entries }, (_, j): Series => ({
      label: `K_t · ${names[j]}`, className: `pl-c${(j % 4) + 1}`, points: view.K.map((Kt, t) => [t + 1, t >= from ? Kt[j] : Number.NaN] as [number, number]),
    })),
    { label: 'k_t', className: 'pl-c5', dashed: true, points: view.k.map((kt, t) => [t + 1, t >= from ? kt : Number.NaN] as [number, number]) },
  ];
  return (
    <LinePlot series={series} xLabel="step t" yLabel="gain" height={120} xRange={[1, view.T]}
      label={from < view.T ? `Gains from the backward pass for t = ${from + 1} to ${view.T}: K_1 = [${view.K[from].map((x) => x.toFixed(3)).join(', ')}]` : 'The backward pass has not started'} />
  );
}

export function LqrEquation({ view }: { view: LqrView }) {
  const shown = view.shown;
  if (!shown) return <p className="pl-note">Step to run the backward pass: it starts at t = T with V<sub>T+1</sub> = 0.</p>;
  const n = shown.K.length;
  const Qaa = shown.Q[n][n];
  const Qas = shown.Q[n].slice(0, n);
  const qa = shown.q[n];
  const t = shown.t + 1;
  const tex = [
    `\\mathbf{Q}_{${t}} = \\mathbf{C}_{${t}} + \\mathbf{F}_{${t}}^{\\top}\\mathbf{V}_{${t + 1}}\\mathbf{F}_{${t}}: \\quad \\mathbf{Q}_{a,a} = ${num(Qaa)}, \\quad \\mathbf{Q}_{a,s} = ${row(Qas)}, \\quad \\mathbf{q}_{a} = ${num(qa)}`,
    `\\mathbf{K}_{${t}} = -\\mathbf{Q}_{a,a}^{-1}\\mathbf{Q}_{a,s} = ${row(shown.K)}, \\qquad \\mathbf{k}_{${t}} = -\\mathbf{Q}_{a,a}^{-1}\\mathbf{q}_{a} = ${num(shown.k)}`,
    n <= 2 ? `\\mathbf{V}_{${t}} = ${matrix(shown.V)}, \\quad \\mathbf{v}_{${t}} = ${row(shown.v)}^{\\top}` : `\\mathbf{v}_{${t}} = ${row(shown.v)}^{\\top}`,
  ];
  return (
    <div className="pl-eq">
      {tex.map((line) => <LiveFormula key={line} tex={line} display label={line} />)}
    </div>
  );
}
