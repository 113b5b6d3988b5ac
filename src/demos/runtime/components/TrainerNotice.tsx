import type { TrainerStore } from '../store';
import { useTrainer } from '../useTrainerStore';

/** Errors, NaN pauses, recoveries: one readable line, with Retry where it helps. */
export function TrainerNotice<Config>({ store }: { store: TrainerStore<Config> }) {
  const notice = useTrainer(store, (s) => s.notice);
  if (!notice) return null;
  const actions = store.getState();
  return (
    <div className={`trainer-notice trainer-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      {notice.retry ? <button type="button" onClick={() => void actions.retry()}>Retry</button> : null}
      <button type="button" className="secondary" onClick={() => actions.dismissNotice()} aria-label="Dismiss message">Dismiss</button>
    </div>
  );
}
