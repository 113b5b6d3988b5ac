import { memo } from 'react';
import '../runtime.css';
import type { TrainerStore } from '../store';
import { BackendBadge } from './BackendBadge';
import { BackendSettings } from './BackendSettings';
import { TrainerControls } from './TrainerControls';
import { TrainerNotice } from './TrainerNotice';
import { WeightsPanel } from './WeightsPanel';

/** Everything shared by training demos, in one block: badge, controls, notice, weights, settings. */
function TrainerPanelImpl<Config>({ store }: { store: TrainerStore<Config> }) {
  return (
    <div className="trainer-panel">
      <BackendBadge store={store} />
      <TrainerControls store={store} />
      <TrainerNotice store={store} />
      <WeightsPanel store={store} />
      <BackendSettings store={store} />
    </div>
  );
}

/** Memoised: a parent re-rendering at the progress rate does not re-render the controls. */
export const TrainerPanel = memo(TrainerPanelImpl) as typeof TrainerPanelImpl;
