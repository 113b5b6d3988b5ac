/**
 * What the frame adds to the platform's DemoController: an optional list of speeds (so "as fast as
 * possible" is one click from the teaching pace) and a few flags that grey out buttons.
 */
import { useEffect, useState } from 'react';
import type { ControllerStatus, DemoController } from '../platform/manifest';

export interface SpeedOption {
  id: string;
  /** Short label for the menu, e.g. "Teaching pace (0.4 s between iterations)". */
  label: string;
}

export interface SpeedControl {
  options: readonly SpeedOption[];
  /** The default pace a class can watch. */
  teachingId: string;
  /** As fast as the machine goes. */
  fastestId: string;
  current(): string;
  choose(id: string): void;
}

export interface FrameStatus extends ControllerStatus {
  /** A word for what is happening when the buttons must wait ("Starting…", "Pausing…"); null when idle or playing. */
  busy?: string | null;
  /** False while a step cannot be taken (running, busy, error). Default: !playing. */
  canStep?: boolean;
  /** False while Play cannot start (an error waits for Retry). Default: true. */
  canPlay?: boolean;
  /** False while a reset cannot start (booting). Default: true. */
  canReset?: boolean;
}

export interface FrameController extends DemoController {
  status(): FrameStatus;
  speed?: SpeedControl;
}

/** The controller's status, re-read whenever it notifies. */
export function useControllerStatus(controller: DemoController): FrameStatus {
  const [status, setStatus] = useState<FrameStatus>(() => controller.status());
  useEffect(() => {
    setStatus(controller.status());
    return controller.subscribe(() => setStatus(controller.status()));
  }, [controller]);
  return status;
}
