/**
 * Queries that never queue: per kind, at most one call is in flight to the worker and one waits.
 * A newer call replaces the waiting one (which rejects with an AbortError), and the answer of an
 * in-flight call that a newer call has superseded is dropped (it rejects with an AbortError too).
 * So dragging a slider sends the first and the latest positions, never a backlog.
 */
export function abortError(reason = 'superseded by a newer call'): DOMException {
  return new DOMException(reason, 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

interface Waiting {
  ticket: number;
  send: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  ticket: number;
  busy: boolean;
  waiting: Waiting | null;
}

export class LatestOnly {
  private readonly lanes = new Map<string, Lane>();
  /** Calls actually sent, per kind (for tests and the bench). */
  readonly sent = new Map<string, number>();

  run<T>(kind: string, send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError('aborted'));
    let lane = this.lanes.get(kind);
    if (!lane) {
      lane = { ticket: 0, busy: false, waiting: null };
      this.lanes.set(kind, lane);
    }
    const current = lane;
    const ticket = ++current.ticket;
    return new Promise<T>((resolve, reject) => {
      const entry: Waiting = { ticket, send, resolve: resolve as (value: unknown) => void, reject };
      signal?.addEventListener('abort', () => {
        if (current.waiting === entry) current.waiting = null;
        reject(abortError('aborted'));
      }, { once: true });
      if (current.waiting) current.waiting.reject(abortError());
      current.waiting = null;
      if (current.busy) current.waiting = entry;
      else this.start(kind, current, entry);
    });
  }

  private start(kind: string, lane: Lane, entry: Waiting): void {
    lane.busy = true;
    this.sent.set(kind, (this.sent.get(kind) ?? 0) + 1);
    const settle = (deliver: () => void) => {
      lane.busy = false;
      // A newer call exists: this answer is stale.
      if (entry.ticket !== lane.ticket) entry.reject(abortError());
      else deliver();
      const next = lane.waiting;
      lane.waiting = null;
      if (next) this.start(kind, lane, next);
    };
    entry.send().then(
      (value) => settle(() => entry.resolve(value)),
      (error: unknown) => settle(() => entry.reject(error)),
    );
  }
}
