import { useStore } from 'zustand';
import { PHASES, type MctsStoreApi } from '../store';

const EXPLAIN = [
  'Selection: from the root, each node passes to the child with the largest UCT score (a child never tried scores ∞ and is taken first).',
  'Expansion: the first untried child met on the way is added to the tree (orange ring).',
  'Rollout: from the new node the default policy plays to the end of the game; its moves are marked R1, R2, … on the board.',
  'Backup: every node on the path gains one visit, N + 1, and the result, seen by the player who moved into it, is added to Q.',
];

/** The current iteration's four phases: which one is showing, and the scores selection compared. */
export function PhasePanel({ store }: { store: MctsStoreApi }) {
  const phase = useStore(store, (s) => s.phase);
  const game = useStore(store, (s) => s.game);
  const busy = useStore(store, (s) => s.busy);
  return (
    <div className="mcts-phases">
      <ol className="mcts-phases__list" aria-label="The four phases of one iteration">
        {PHASES.map((p, i) => (
          <li key={p} aria-current={phase?.index === i ? 'step' : undefined}>{p}</li>
        ))}
      </ol>
      <button type="button" onClick={() => store.getState().stepPhase()} disabled={busy !== null} data-testid="mcts-next-phase">
        Next phase
      </button>
      <p className="mcts-note" aria-live="polite" data-testid="mcts-phase-text">
        {phase ? `Iteration ${phase.trace.iteration}. ${EXPLAIN[phase.index]}` : 'Press "Next phase" to walk through one iteration phase by phase.'}
      </p>
      {phase && phase.index === 0 ? (
        <div className="mcts-phases__choices">
          {phase.trace.choices.map((choice, d) => (
            <table key={d} className="mcts-table">
              <caption>Depth {d}: {choice.kind === 'expand' ? 'an untried child is drawn' : 'largest score wins'}</caption>
              <thead><tr><th scope="col">move</th><th scope="col">N</th><th scope="col">Q/N</th><th scope="col">UCT</th></tr></thead>
              <tbody>
                {choice.children.map((ch) => (
                  <tr key={ch.node} data-chosen={ch.node === choice.chosen}>
                    <td>{game.moveLabel(ch.move).replace(/ \(cell \d\)/, '')}{ch.node === choice.chosen ? ' ◀' : ''}</td>
                    <td>{ch.n}</td>
                    <td>{Number.isFinite(ch.q) ? ch.q.toFixed(3) : '–'}</td>
                    <td>{Number.isFinite(ch.score) ? ch.score.toFixed(3) : '∞'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
      ) : null}
    </div>
  );
}
