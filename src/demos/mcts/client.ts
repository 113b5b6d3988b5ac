/** The MCTS worker from the page: started on first use, one search at a time, terminated on dispose. */
import { TrainerClient } from '../runtime/client';
import type { MctsConfig, MctsQueries, MctsView, SearchReply, SearchRequest } from '../../algorithms/mcts';

const createWorker = () => new Worker(new URL('../../../workers/mcts.worker.ts', import.meta.url), { type: 'module' });

export class MctsWorker {
  private client: TrainerClient<MctsConfig, MctsView, MctsQueries> | null = null;
  private ready: Promise<void> | null = null;

  private boot(): Promise<void> {
    if (this.ready && this.client?.alive) return this.ready;
    const client = new TrainerClient<MctsConfig, MctsView, MctsQueries>(createWorker, () => {}, () => {
      this.ready = null;
    });
    this.client = client;
    this.ready = (async () => {
      await client.start({ preference: 'auto' });
      await client.call((api) => api.create({ game: 'tictactoe', position: '.../.../...', c: 0.5, rollout: 'random', iterations: 1 }, 1));
    })();
    this.ready.catch(() => { this.ready = null; });
    return this.ready;
  }

  async search(request: SearchRequest): Promise<SearchReply> {
    await this.boot();
    const client = this.client;
    if (!client) throw new Error('The search worker is not running.');
    return client.call((api) => api.query('search', request));
  }

  async bench(game: SearchRequest['game'], ms: number): Promise<{ perSecond: number; iterations: number; nodes: number }> {
    await this.boot();
    const client = this.client;
    if (!client) throw new Error('The search worker is not running.');
    return client.call((api) => api.query('bench', { game, ms }));
  }

  /** Stops a search in progress (the worker is recreated on next use). */
  cancel(): void {
    this.client?.terminate('cancelled');
    this.ready = null;
  }

  dispose(): void {
    this.client?.terminate('demo closed');
    this.client = null;
    this.ready = null;
  }
}

/** A worker error (a plain {kind, message}) or an Error, as words. */
export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
