import { useMemo } from 'react';
import { useStore } from 'zustand';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { GridStoreApi } from '../store';

const MAX_POINTS = 400;
/** 50000 → "50k", 2000000 → "2M". */
const compact = (v: number) => (v >= 1e6 ? `${Number((v / 1e6).toPrecision(3))}M` : v >= 1e4 ? `${Number((v / 1e3).toPrecision(3))}k` : String(v));

/** ‖V_k − V_{k−1}‖∞ per sweep on a log scale beside γ^k (scaled to start at the first residual). */
/** Its height comes from CSS (.gw-chart), smaller in a narrow column. */
export function ResidualChart({ store }: { store: GridStoreApi }) {
  const residuals = useStore(store, (s) => s.residuals);
  const qErrors = useStore(store, (s) => s.qErrors);
  const mode = useStore(store, (s) => s.mode);
  const gamma = useStore(store, (s) => s.gamma);
  const data = useMemo(() => {
    if (mode === 'q') {
      const stride = Math.max(1, Math.ceil(qErrors.length / MAX_POINTS));
      const out: { k: number; y: number | null }[] = [];
      for (let i = 0; i < qErrors.length; i += stride) out.push({ k: qErrors[i].step, y: qErrors[i].error > 0 ? qErrors[i].error : null });
      const last = qErrors[qErrors.length - 1];
      if (last && out[out.length - 1].k !== last.step) out.push({ k: last.step, y: last.error > 0 ? last.error : null });
      return out;
    }
    const stride = Math.max(1, Math.ceil(residuals.length / MAX_POINTS));
    const out: { k: number; y: number | null; ref: number | null }[] = [];
    for (let i = 0; i < residuals.length; i += stride) {
      const ref = residuals[0] * gamma ** i;
      out.push({ k: i + 1, y: residuals[i] > 0 ? residuals[i] : null, ref: ref > 1e-300 ? ref : null });
    }
    return out;
  }, [mode, qErrors, residuals, gamma]);
  const yName = mode === 'q' ? '‖Q − Q*‖∞ (reachable cells)' : mode === 'pi' ? '‖Vᵖⁱₖ − Vᵖⁱₖ₋₁‖∞' : '‖Vₖ − Vₖ₋₁‖∞';
  if (data.length === 0) return <p className="gw-chart gw-chart--empty">Run a {mode === 'q' ? 'few hundred steps' : 'sweep'} to see the error contract.</p>;
  return (
    <div className="gw-chart" role="img" aria-label={`${yName} against ${mode === 'q' ? 'steps' : 'sweeps'}, log scale`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" />
          <XAxis dataKey="k" type="number" domain={[0, 'auto']} allowDecimals={false} tickFormatter={compact} tick={{ fontSize: 14 }} label={{ value: mode === 'q' ? 'steps' : mode === 'pi' ? 'iteration' : 'sweep k', position: 'insideBottom', offset: -4, fontSize: 14 }} height={40} />
          <YAxis scale="log" domain={['auto', 'auto']} allowDataOverflow tick={{ fontSize: 14 }} width={64} tickFormatter={(v: number) => v.toExponential(0)} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toExponential(3) : String(v))} />
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 14, paddingBottom: 4 }} />
          <Line type="linear" dataKey="y" name={yName} stroke="var(--accent)" strokeWidth={3} dot={false} isAnimationActive={false} connectNulls={false} />
          {mode !== 'q' ? (
            <Line type="linear" dataKey="ref" name={`γᵏ scaled (γ = ${gamma})`} stroke="var(--chart-2)" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
