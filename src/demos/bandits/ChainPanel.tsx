/**
 * Deep exploration on a chain: ε-greedy Q-learning against Q-learning with a count bonus
 * β/√N(s'), states coloured by how often they were visited, replayed episode by episode.
 */
import { useEffect, useState } from 'react';
import type { ChainResult } from '../../algorithms/bandits/chain';
import { useWidth } from '../../components/useWidth';

export interface ChainRuns {
  dither: ChainResult;
  bonus: ChainResult;
  length: number;
}

/** Visits mapped to a light-to-dark blue on a log scale. */
function shade(visits: number, max: number): string {
  if (visits <= 0) return '#f4f4f4';
  const t = Math.log1p(visits) / Math.log1p(Math.max(1, max));
  const l = 92 - 62 * t;
  return `hsl(205 70% ${l.toFixed(0)}%)`;
}

function ChainRow({ title, result, frame }: { title: string; result: ChainResult; frame: number }) {
  const visits = result.frames[frame];
  const n = visits.length;
  const max = Math.max(...visits);
  const episode = result.frameEpisodes[frame];
  const goalsSoFar = result.returns.slice(0, episode).filter((r) => r >= 1).length;
  const [ref, width] = useWidth<HTMLDivElement>(480, 240);
  const w = width / n;
  return (
    <div className="bd-chain-row" ref={ref}>
      <p className="bd-note"><strong>{title}</strong>{` · after ${episode} episodes: far end reached ${goalsSoFar} times${result.firstGoal && result.firstGoal <= episode ? ` (first in episode ${result.firstGoal})` : ''}`}</p>
      <svg viewBox={`0 0 ${width} 50`} className="bd-chain" role="img"
        aria-label={`${title}: visits per state ${visits.join(', ')}; far end reached ${goalsSoFar} times in ${episode} episodes`}>
        {visits.map((v, s) => (
          <g key={s}>
            <rect x={s * w + 1} y={2} width={w - 2} height={30} fill={shade(v, max)} stroke={s === n - 1 ? '#009e73' : s === 0 ? '#d55e00' : '#999'} strokeWidth={s === 0 || s === n - 1 ? 3 : 1} />
            {w > 28 ? <text x={(s + 0.5) * w} y={48} className="bd-chain-label">{v >= 1000 ? `${Math.round(v / 1000)}k` : v}</text> : null}
          </g>
        ))}
      </svg>
    </div>
  );
}

export function ChainPanel({ runs, busy, error }: { runs: ChainRuns | null; busy: boolean; error: string | null }) {
  const frames = runs?.dither.frames.length ?? 0;
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(true);
  useEffect(() => {
    setFrame(0);
    setPlaying(true);
  }, [runs]);
  useEffect(() => {
    if (!playing || !runs) return;
    if (frame >= frames - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setFrame((f) => Math.min(frames - 1, f + 1)), 250);
    return () => clearTimeout(timer);
  }, [playing, frame, frames, runs]);

  if (error) return <p role="alert" className="bd-problems">{error}</p>;
  if (!runs) return <p className="bd-note">{busy ? 'Running Q-learning on the chain…' : 'Open this panel to run the chain.'}</p>;
  return (
    <div className="bd-chain-panel" data-chain-length={runs.length}>
      <p className="bd-note">
        {`${runs.length} states. Start at the left; stepping left there ends the episode with 0.05 (orange), the far right pays 1 (green). Shade: visits (log scale).`}
      </p>
      <ChainRow title="ε-greedy Q-learning (ε = 0.1)" result={runs.dither} frame={frame} />
      <ChainRow title="Q-learning with a count bonus 0.5/√N(s′)" result={runs.bonus} frame={frame} />
      <div className="bd-controls">
        <button type="button" onClick={() => (frame >= frames - 1 ? (setFrame(0), setPlaying(true)) : setPlaying(!playing))}>
          {playing ? 'Pause replay' : frame >= frames - 1 ? 'Replay' : 'Play replay'}
        </button>
        <label>
          Episode
          <input type="range" min={0} max={frames - 1} value={frame} onChange={(e) => { setPlaying(false); setFrame(Number(e.target.value)); }}
            aria-valuetext={`after ${runs.dither.frameEpisodes[frame]} episodes`} />
        </label>
      </div>
    </div>
  );
}
