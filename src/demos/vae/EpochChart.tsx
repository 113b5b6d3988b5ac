/**
 * Per-epoch curves: −ELBO and reconstruction (top), KL (bottom), training solid and held-out
 * dashed; before the first epoch ends, the running batch −ELBO of the steps so far.
 */
import type { VaeEpochRecord } from '../../algorithms/vae/trainer';
import { niceTicks, formatTick } from '../frame';

interface Props {
  records: VaeEpochRecord[];
  /** Batch −ELBO by fractional epoch (from the step history). */
  steps: { epoch: number; value: number }[];
}

const W = 640;
const PLOT_H = 130;
const LEFT = 52;
const RIGHT = 12;

type Series = { key: string; label: string; colour: string; dashed: boolean; points: { x: number; y: number }[] };

function Panel({ series, top, xMax, title }: { series: Series[]; top: number; xMax: number; title: string }) {
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter(Number.isFinite);
  if (!ys.length) return null;
  const ticks = niceTicks(Math.min(...ys), Math.max(...ys), 4);
  const lo = ticks.ticks[0];
  const hi = ticks.ticks[ticks.ticks.length - 1];
  const x = (v: number) => LEFT + (v / Math.max(xMax, 1e-9)) * (W - LEFT - RIGHT);
  const y = (v: number) => top + 18 + (1 - (v - lo) / Math.max(hi - lo, 1e-9)) * (PLOT_H - 26);
  return (
    <g>
      <text x={LEFT} y={top + 12} className="vae-chart__title">{title}</text>
      {ticks.ticks.map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} className="vae-chart__grid" />
          <text x={LEFT - 6} y={y(t) + 5} className="vae-chart__tick" textAnchor="end">{formatTick(t, ticks.step)}</text>
        </g>
      ))}
      {series.map((s) =>
        s.points.length > 1 ? (
          <polyline key={s.key} points={s.points.map((p) => `${x(p.x)},${y(p.y)}`).join(' ')} fill="none" stroke={s.colour} strokeWidth={2} strokeDasharray={s.dashed ? '6 4' : undefined} />
        ) : s.points.length === 1 ? (
          <circle key={s.key} cx={x(s.points[0].x)} cy={y(s.points[0].y)} r={3} fill={s.colour} />
        ) : null,
      )}
    </g>
  );
}

export function EpochChart({ records, steps }: Props) {
  const xMax = Math.max(1, records.length, steps.length ? steps[steps.length - 1].epoch : 0);
  const pts = (f: (r: VaeEpochRecord) => number) => records.map((r) => ({ x: r.epoch, y: f(r) }));
  const top: Series[] = [
    { key: 'steps', label: 'batch −ELBO (steps)', colour: '#bbb', dashed: false, points: steps.map((s) => ({ x: s.epoch, y: s.value })) },
    { key: 'tr', label: 'train −ELBO', colour: '#0072b2', dashed: false, points: pts((r) => r.train.negElbo) },
    { key: 'ho', label: 'held-out −ELBO', colour: '#0072b2', dashed: true, points: pts((r) => r.heldOut.negElbo) },
    { key: 'rtr', label: 'train recon', colour: '#d55e00', dashed: false, points: pts((r) => r.train.recon) },
    { key: 'rho', label: 'held-out recon', colour: '#d55e00', dashed: true, points: pts((r) => r.heldOut.recon) },
  ];
  const bottom: Series[] = [
    { key: 'ktr', label: 'train KL', colour: '#009e73', dashed: false, points: pts((r) => r.train.kl) },
    { key: 'kho', label: 'held-out KL', colour: '#009e73', dashed: true, points: pts((r) => r.heldOut.kl) },
  ];
  const last = records[records.length - 1];
  const summary = last
    ? `After epoch ${last.epoch}: held-out −ELBO ${last.heldOut.negElbo.toFixed(1)} nats (reconstruction ${last.heldOut.recon.toFixed(1)}, KL ${last.heldOut.kl.toFixed(2)}); training −ELBO ${last.train.negElbo.toFixed(1)}.`
    : steps.length
      ? `Epoch 1 in progress: batch −ELBO ${steps[steps.length - 1].value.toFixed(1)} nats.`
      : 'No training yet: the curves appear per epoch once it trains.';
  return (
    <figure className="vae-chart" data-testid="vae-chart">
      <svg viewBox={`0 0 ${W} ${2 * PLOT_H + 34}`} role="img" aria-label={summary}>
        <Panel series={top} top={0} xMax={xMax} title="−ELBO and reconstruction (nats per image)" />
        <Panel series={bottom} top={PLOT_H} xMax={xMax} title="KL (nats per image)" />
        <text x={W - RIGHT} y={2 * PLOT_H + 28} className="vae-chart__tick" textAnchor="end">{`epochs (${xMax.toFixed(xMax < 3 ? 1 : 0)})`}</text>
      </svg>
      <figcaption className="vae-legend">
        <span><i style={{ borderColor: '#0072b2' }} /> −ELBO</span>
        <span><i style={{ borderColor: '#d55e00' }} /> reconstruction</span>
        <span><i style={{ borderColor: '#009e73' }} /> KL</span>
        <span>solid: training · dashed: held-out</span>
        <span className="vae-sr">{summary}</span>
      </figcaption>
    </figure>
  );
}
