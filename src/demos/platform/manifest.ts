/**
 * A demo's manifest: its parameter table, its presets, and the controller that anything outside
 * the demo (keyboard shortcuts, presenter mode, tests) drives it through. URL state, the settings
 * form and the classroom links all read the same table.
 */
import type { ParamTable, ParamValues } from '../../components/url/params';

/** A named set of settings; values not listed keep what the user has. */
export interface DemoPreset<T extends ParamTable> {
  id: string;
  label: string;
  values: Partial<ParamValues<T>>;
}

/** What a controller reports; `summary` is one plain-words line, e.g. "Iteration 42 · mean return 312". */
export interface ControllerStatus {
  playing: boolean;
  summary: string;
  /** Steps per second, iterations per second or a delay: whatever "speed" means for this demo, as a label. */
  speedLabel: string;
  presetId: string | null;
}

/** Uniform run control. Pause keeps everything; reset rebuilds from the current settings. */
export interface DemoController {
  play(): void;
  pause(): void;
  /** One step (a sweep, an iteration, a search iteration) while paused. */
  step(): void;
  /** Back to the start of the current settings: the model, the counters and the charts are cleared. */
  reset(): void;
  faster(): void;
  slower(): void;
  nextPreset(): void;
  previousPreset(): void;
  status(): ControllerStatus;
  /** Calls `listener` whenever status() may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export interface DemoManifest<T extends ParamTable> {
  /** The registry key, e.g. 'gridworld'. */
  id: string;
  title: string;
  /** The parameter table; `variant` is the lecture slot's flavour (e.g. 'soft'). */
  params(variant?: string): T;
  presets: readonly DemoPreset<T>[];
  /** The two to four settings shown beside the stage; the rest go in the "More settings" panel. */
  primary: readonly (keyof T & string)[];
}

/** Index of a preset in the manifest, moving `delta` places with wrap-around. */
export function presetAfter<T extends ParamTable>(presets: readonly DemoPreset<T>[], currentId: string | null, delta: number): DemoPreset<T> | null {
  if (presets.length === 0) return null;
  const index = presets.findIndex((p) => p.id === currentId);
  const from = index < 0 ? (delta > 0 ? -1 : 0) : index;
  return presets[(((from + delta) % presets.length) + presets.length) % presets.length];
}
