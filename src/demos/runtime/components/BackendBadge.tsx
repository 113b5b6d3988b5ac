import type { TrainerStore } from '../store';
import { useTrainer } from '../useTrainerStore';

/** Which tensor backend runs, and why. */
export function BackendBadge<Config>({ store }: { store: TrainerStore<Config> }) {
  const backend = useTrainer(store, (s) => s.backend);
  const status = useTrainer(store, (s) => s.status);
  if (!backend) {
    return <p className="backend-badge" aria-live="polite">Backend: {status === 'starting' ? 'choosing…' : 'none'}</p>;
  }
  return (
    <p className="backend-badge" aria-live="polite">
      <span className="backend-badge__name" data-backend={backend.backend}>{backend.backend}</span>
      <span className="backend-badge__reason">{backend.reason}</span>
    </p>
  );
}
