import { useEffect, useRef, useState } from 'react';
import { registerController } from '../platform/controllers';
import type { TrainerStore } from '../runtime/store';
import { createTrainerController, type TrainerControllerOptions } from './trainerController';
import type { FrameController } from './controller';

/**
 * A trainer demo's controller, registered under its slot id while mounted (keyboard shortcuts,
 * presenter mode and tests find it with getController(slotId)). `options` may change between
 * renders; the controller reads the latest.
 */
export function useTrainerController<Config>(store: TrainerStore<Config>, slotId: string, options: TrainerControllerOptions<Config>): FrameController {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const [controller] = useState(() =>
    createTrainerController(store, {
      ...options,
      summary: (state, seconds) => latest.current.summary(state, seconds),
      presets: options.presets && {
        move: (delta) => latest.current.presets?.move(delta),
        currentId: () => latest.current.presets?.currentId() ?? null,
      },
    }),
  );
  useEffect(() => registerController(slotId, controller), [slotId, controller]);
  useEffect(() => controller.track(), [controller]);
  return controller;
}
