import type { ReactNode } from 'react';
import { useId } from 'react';
import { useControllerStatus, type FrameController } from './controller';
import './frame.css';

/** The words every demo's run controls use, and what each button keeps. */
export function runWords(unit = 'iteration') {
  return {
    play: `Play: trains on from where it is (the model and the ${unit} count carry on)`,
    pause: `Pause: keeps the model and the ${unit} count`,
    step: `Step: one ${unit}, then pause (keeps the model)`,
    reset: `Reset: new model from the current settings, ${unit} 0`,
    fastest: 'As fast as possible: no pause between steps (the curve may jump)',
  };
}

interface Props {
  controller: FrameController;
  /** What one step is called ("iteration", "sweep", "search iteration"). */
  unit?: string;
  /** Shown after the speed control, at the end of its row (the slot's tools menu). */
  trailing?: ReactNode;
}

/**
 * Play/Pause (one toggle), Step, Reset and Speed, driven by a DemoController: the same buttons,
 * words and meaning in every demo. Each button's description says what it keeps.
 */
export function RunControls({ controller, unit = 'iteration', children, trailing }: Props & { children?: ReactNode }) {
  const status = useControllerStatus(controller);
  const words = runWords(unit);
  const speedId = useId();
  const busy = status.busy ?? null;
  const canStep = status.canStep ?? !status.playing;
  const canReset = status.canReset ?? true;
  const speed = controller.speed;
  const current = speed?.current();
  const fastest = speed !== undefined && current === speed.fastestId;

  return (
    <div className="run-controls" role="group" aria-label="Run controls">
      <button
        type="button"
        className="run-controls__play"
        data-playing={status.playing}
        disabled={busy !== null || status.canPlay === false}
        title={status.playing ? words.pause : words.play}
        onClick={() => (status.playing ? controller.pause() : controller.play())}
      >
        <span aria-hidden="true" className="run-controls__icon">{status.playing ? '❚❚' : '▶'}</span>
        {busy ?? (status.playing ? 'Pause' : 'Play')}
      </button>
      <button type="button" className="secondary" disabled={busy !== null || !canStep} title={words.step} onClick={() => controller.step()}>
        <span aria-hidden="true" className="run-controls__icon">▶❘</span>Step
      </button>
      <button type="button" className="secondary" disabled={!canReset} title={words.reset} onClick={() => controller.reset()}>
        <span aria-hidden="true" className="run-controls__icon">↺</span>Reset
      </button>
      {children}
      {speed ? (
        <span className="run-controls__speed">
          <label htmlFor={speedId}>Speed</label>
          <select id={speedId} value={current} title="The pause between steps: a class can follow the teaching pace" onChange={(e) => speed.choose(e.target.value)}>
            {speed.options.map((o) => (
              <option key={o.id} value={o.id}>{o.label}</option>
            ))}
          </select>
          <button
            type="button"
            className="secondary run-controls__fastest"
            aria-pressed={fastest}
            title={fastest ? 'Back to the teaching pace' : words.fastest}
            onClick={() => speed.choose(fastest ? speed.teachingId : speed.fastestId)}
          >
            Fastest<span aria-hidden="true" className="run-controls__icon"> »</span>
          </button>
          {trailing}
        </span>
      ) : (
        <span className="run-controls__speed">
          <button type="button" className="secondary" title="Slower" onClick={() => controller.slower()} aria-label="Slower">−</button>
          <span className="run-controls__speed-label">Speed: {status.speedLabel}</span>
          <button type="button" className="secondary" title="Faster" onClick={() => controller.faster()} aria-label="Faster">+</button>
          {trailing}
        </span>
      )}
    </div>
  );
}
