/**
 * Mean cumulative pseudo-regret over many runs against log-scale time, one line per policy with
 * the 10th–90th percentile band of single runs, and the Lai–Robbins line C · ln t (Bernoulli or
 * known-σ Gaussian arms). On a log time axis logarithmic regret is a straight line and linear
 * regret bends upwards.
 */
import { POLICY_LABELS, type PolicyId } from '../../algorithms/bandits/bandit';
import type { RegretSummary } from '../../algorithms/bandits/regret';
import { formatLogTick, formatTick, logTicks, niceTicks } from '../frame';
import { useWidth } from '../../components/useWidth';

export const POLICY_COLORS: Record<PolicyId, string> = {
  greedy: '#999999',
  'epsilon-greedy': '#d55e00',
  'epsilon-decay': '#e69f00',
  optimistic: '#cc79a7',
  ucb1: '#0072b2',
  thompson: '#009e73',
};

const HEIGHT = 130;
const LEFT = 52;
const RIGHT = 12;

const BOTTOM = 40;

/** One sentence with the final numbers (the chart's accessible name, read by the browser tests too). */
export function regretSentence(s: RegretSummary): string {
  const last = s.times.length - 1;
  const parts = s.curves.map((c) => `${POLICY_LABELS[c.policy]} ${c.mean[last].toFixed(1)}`);
  const bound = s.laiRobbins ? `; Lai–Robbins bound ${s.laiRobbins[last].toFixed(1)}` : '';
  return `Mean regret after ${s.times[last].toLocaleString('en')} pulls over ${s.runsDone} runs: ${parts.join(', ')}${bound}`;
}

export function RegretChart({ summary, busy }: { summary: RegretSummary | null; busy: boolean }) {
  const [ref, width] = useWidth<HTMLDivElement>(480, 240);
  return (
    <div ref={ref} className="bd-measure">
      {!summary || summary.runsDone === 0
        ? <p className="bd-note">{busy ? 'Computing the regret of every policy in the worker…' : 'The regret chart appears once the runs start.'}</p>
        : <Chart summary={summary} width={width} />}
    </div>
  );
}

function Chart({ summary, width: WIDTH }: { summary: RegretSummary; width: number }) {
  const { times } = summary;
  const legendRows = Math.ceil((summary.curves.length + (summary.laiRobbins ? 1 : 0)) / Math.max(1, Math.floor((WIDTH - 4) / 135)));
  const TOP = 14 + legendRows * 18;
  const top = Math.max(1, ...summary.curves.map((c) => Math.max(...c.p90)), ...(summary.laiRobbins ?? [0]));
  const yScale = niceTicks(0, top, 5);
  const xTicks = logTicks(1, times[times.length - 1]);
  const tMax = Math.log10(Math.max(10, times[times.length - 1]));
  const x = (t: number) => LEFT + (Math.log10(t) / tMax) * (WIDTH - LEFT - RIGHT);
  const y = (v: number) => TOP + (1 - v / yScale.max) * (HEIGHT - BOTTOM);
  const line = (values: number[]) => values.map((v, k) => `${x(times[k]).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const perRow = Math.max(1, Math.floor((WIDTH - 4) / 135));
  const legend = [...summary.curves.map((c) => ({ label: POLICY_LABELS[c.policy], color: POLICY_COLORS[c.policy], dashed: false })),
    ...(summary.laiRobbins ? [{ label: 'Lai–Robbins', color: 'currentColor', dashed: true }] : [])];
  return (
    <figure className="bd-chart-figure">
      <svg className="bd-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + TOP}`} role="img" aria-label={regretSentence(summary)}
        data-runs-done={summary.runsDone} data-runs={summary.runs}>
        {legend.map((item, i) => {
          const lx = 4 + (i % perRow) * ((WIDTH - 4) / perRow);
          const ly = 12 + Math.floor(i / perRow) * 18;
          return (
            <g key={item.label}>
              <line x1={lx} x2={lx + 16} y1={ly} y2={ly} stroke={item.color} strokeWidth={3} strokeDasharray={item.dashed ? '5 3' : undefined} />
              <text x={lx + 20} y={ly + 5} className="bd-tick">{item.label}</text>
            </g>
          );
        })}
        {yScale.ticks.map((v) => (
          <g key={v}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} className="bd-grid" />
            <text x={LEFT - 4} y={y(v) + 5} className="bd-tick" textAnchor="end">{formatTick(v, yScale.step)}</text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={HEIGHT + TOP - 20} className="bd-tick" textAnchor="middle">{formatLogTick(t)}</text>
        ))}
        <text x={(LEFT + WIDTH) / 2} y={HEIGHT + TOP - 3} className="bd-tick" textAnchor="middle">pulls t (log scale)</text>
        {summary.curves.map((c) => (
          <polygon key={`${c.policy}-band`} points={`${line(c.p90)} ${line(c.p10).split(' ').reverse().join(' ')}`} fill={POLICY_COLORS[c.policy]} opacity={0.15} />
        ))}
        {summary.curves.map((c) => (
          <polyline key={c.policy} points={line(c.mean)} fill="none" stroke={POLICY_COLORS[c.policy]} strokeWidth={2.5} />
        ))}
        {summary.laiRobbins ? <polyline points={line(summary.laiRobbins)} fill="none" stroke="currentColor" strokeWidth={1.5} strokeDasharray="5 3" /> : null}
      </svg>
      <figcaption className="bd-note" aria-live="polite">
        {summary.runsDone < summary.runs
          ? `Runs ${summary.runsDone} of ${summary.runs} (${summary.steps.toLocaleString('en')} pulls each)…`
          : `${summary.runs} runs of ${summary.steps.toLocaleString('en')} pulls per policy, same seeds for every policy. Lines: mean regret; bands: 10th–90th percentile of single runs; dashed: the Lai–Robbins asymptotic bound (a limit for large t, so early curves may dip under it).`}
      </figcaption>
    </figure>
  );
}
