import type { IterationRecord } from '../../algorithms/runtime/protocol';

/**
 * Mean loss per bin of consecutive iterations, kept incrementally: O(records) per progress
 * message however long training runs. When there are more than 2·maxBins bins, neighbours are
 * merged and the bin width doubles, so the curve always spans the whole run.
 */
export class LossBins {
  private bins: { iteration: number; sum: number; count: number }[] = [];
  private width = 1;
  private lastIteration = -1;

  constructor(private readonly maxBins = 200) {}

  push(records: readonly IterationRecord[]): void {
    for (const record of records) {
      // Iterations going backwards mean a reset or loaded weights: start a new curve.
      if (record.iteration <= this.lastIteration) this.clear();
      this.lastIteration = record.iteration;
      // A progress record may already be a bin of several iterations (mean over `count`).
      const loss = record.metrics.loss;
      const n = record.count;
      if (!Number.isFinite(loss) || loss <= 0) continue;
      const last = this.bins[this.bins.length - 1];
      if (last && last.count < this.width) {
        last.sum += loss * n;
        last.count += n;
        last.iteration = record.iteration;
      } else {
        this.bins.push({ iteration: record.iteration, sum: loss * n, count: n });
      }
      if (this.bins.length > 2 * this.maxBins) this.halve();
    }
  }

  private halve(): void {
    const merged: typeof this.bins = [];
    for (let i = 0; i < this.bins.length; i += 2) {
      const a = this.bins[i];
      const b = this.bins[i + 1];
      merged.push(b ? { iteration: b.iteration, sum: a.sum + b.sum, count: a.count + b.count } : { ...a });
    }
    this.bins = merged;
    this.width *= 2;
  }

  clear(): void {
    this.bins = [];
    this.width = 1;
    this.lastIteration = -1;
  }

  /** [{iteration (last in the bin), mean loss}] */
  points(): { iteration: number; mean: number }[] {
    return this.bins.map((b) => ({ iteration: b.iteration, mean: b.sum / b.count }));
  }
}
