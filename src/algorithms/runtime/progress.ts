/**
 * Progress that scales: a run may step 100,000 times a second, so the worker aggregates
 * consecutive iterations into bins (per-metric mean, min and max over the bin) and sends at most
 * ~20 messages a second, each with a bounded number of bins. The page keeps a bounded history,
 * halving its resolution (merging neighbouring bins) when it fills: a chart-ready view of the
 * whole run in O(limit) memory.
 */
import type { Metrics } from './trainer';

/** Consecutive iterations ending at `iteration`; `count` = 1 is a single iteration. */
export interface IterationRecord<M extends Metrics = Metrics> {
  /** The last iteration in the bin. */
  iteration: number;
  /** How many iterations the bin holds. */
  count: number;
  /** Mean of each metric over the bin. */
  metrics: M;
  /** Smallest and largest value of each metric over the bin (the same object as `metrics` when count = 1). */
  min: M;
  max: M;
  /** The metrics of the bin's last iteration (counters such as episodes read from here, not the mean). */
  last: M;
}

export function singleRecord<M extends Metrics>(iteration: number, metrics: M): IterationRecord<M> {
  return { iteration, count: 1, metrics, min: metrics, max: metrics, last: metrics };
}

/** Merges two neighbouring bins (a before b): means weighted by count. */
export function mergeRecords<M extends Metrics>(a: IterationRecord<M>, b: IterationRecord<M>): IterationRecord<M> {
  const count = a.count + b.count;
  const metrics: Record<string, number> = {};
  const min: Record<string, number> = {};
  const max: Record<string, number> = {};
  for (const key of Object.keys(b.metrics)) {
    const am = a.metrics[key];
    const bm = b.metrics[key];
    if (am === undefined) {
      metrics[key] = bm;
      min[key] = b.min[key];
      max[key] = b.max[key];
      continue;
    }
    metrics[key] = (am * a.count + bm * b.count) / count;
    min[key] = Math.min(a.min[key], b.min[key]);
    max[key] = Math.max(a.max[key], b.max[key]);
  }
  for (const key of Object.keys(a.metrics)) {
    if (key in metrics) continue;
    metrics[key] = a.metrics[key];
    min[key] = a.min[key];
    max[key] = a.max[key];
  }
  return { iteration: b.iteration, count, metrics: metrics as M, min: min as M, max: max as M, last: b.last };
}

/** Halves a list of bins by merging neighbours (an odd last bin stays as it is). */
export function halve<M extends Metrics>(records: readonly IterationRecord<M>[]): IterationRecord<M>[] {
  const out: IterationRecord<M>[] = [];
  for (let i = 0; i + 1 < records.length; i += 2) out.push(mergeRecords(records[i], records[i + 1]));
  if (records.length % 2 === 1) out.push(records[records.length - 1]);
  return out;
}

/**
 * Worker side: collects iterations into bins of `width` iterations, doubling the width (and
 * merging pairs) whenever more than `maxBins` would be pending, so one message stays small.
 */
export class ProgressAggregator<M extends Metrics = Metrics> {
  private bins: IterationRecord<M>[] = [];
  private width = 1;
  private open: IterationRecord<M> | null = null;

  constructor(private readonly maxBins = 64) {}

  get pending(): number {
    return this.bins.length + (this.open ? 1 : 0);
  }

  add(iteration: number, metrics: M): void {
    const record = singleRecord(iteration, metrics);
    this.open = this.open ? mergeRecords(this.open, record) : record;
    if (this.open.count >= this.width) {
      this.bins.push(this.open);
      this.open = null;
      if (this.bins.length > this.maxBins) {
        this.bins = halve(this.bins);
        this.width *= 2;
      }
    }
  }

  /** The bins since the last drain, oldest first (the open bin included). */
  drain(): IterationRecord<M>[] {
    const out = this.bins;
    if (this.open) out.push(this.open);
    this.bins = [];
    this.open = null;
    return out;
  }
}

/**
 * Page side: appends bins to a history of at most `limit` bins, halving the resolution of the
 * whole history when it would overflow (so the chart always spans the whole run).
 */
export function appendHistory<M extends Metrics>(history: readonly IterationRecord<M>[], records: readonly IterationRecord<M>[], limit: number): IterationRecord<M>[] {
  let out = history.concat(records);
  while (out.length > limit) out = halve(out);
  return out;
}

/** At most this many progress messages a second, whatever a demo asks for. */
export const MAX_PROGRESS_HZ = 20;
