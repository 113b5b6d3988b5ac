import { useId, useState, type ReactNode } from 'react';
import { useControllerStatus, type FrameController } from './controller';
import { RunControls } from './RunControls';
import { SlotTools, WidenButton } from './slotChrome';
import './frame.css';

export interface FramePanel {
  id: string;
  /** The tab's words: "More settings", "Details", "More charts", "Compare". */
  label: string;
  content: ReactNode;
}

export interface DemoFrameProps {
  /** The demo's name, for the frame's accessible label ("Cart-pole"). */
  label: string;
  controller: FrameController;
  /** What one step is called in the run controls' descriptions (default "iteration"). */
  unit?: string;
  /** The picture: grid, cart, tree, latent plane. */
  stage: ReactNode;
  /** The one chart that shows learning. */
  chart: ReactNode;
  /** The two to four settings that matter most (see PrimarySetting). */
  settings?: ReactNode;
  /** Messages that must be seen (bad link, load errors, trainer notices); shown above everything. */
  notices?: ReactNode;
  /** Everything else, one tab each; closed until asked for. */
  panels?: readonly FramePanel[];
}

/**
 * The layout every demo shares. Stage, main chart, run controls, primary settings and a plain-words
 * status line fit one screen (1366 × 768 and up), beside the text or widened; further settings and
 * diagnostics sit in tabs below. Adapts to its container's width (container queries), so it works
 * from a phone (stacked, touch-sized) through ~480 px beside the text to the full content width.
 */
export function DemoFrame({ label, controller, unit, stage, chart, settings, notices, panels = [] }: DemoFrameProps) {
  return (
    <div className="demo-frame" aria-label={label} role="group">
      <div className="demo-frame__grid">
        {notices ? <div className="demo-frame__notices">{notices}</div> : null}
        <div className="demo-frame__stage">{stage}</div>
        <StatusLine controller={controller} />
        <div className="demo-frame__controls">
          <RunControls controller={controller} unit={unit} trailing={<SlotTools />}>
            <WidenButton />
          </RunControls>
        </div>
        {settings ? (
          <div className="demo-frame__settings" role="group" aria-label="Main settings">
            {settings}
          </div>
        ) : null}
        <div className="demo-frame__chart">{chart}</div>
      </div>
      {panels.length > 0 ? <FramePanels panels={panels} /> : null}
    </div>
  );
}

/** One line in words; re-renders alone at the progress rate. Not announced (it changes ten times a second). */
function StatusLine({ controller }: { controller: FrameController }) {
  const status = useControllerStatus(controller);
  return (
    <p className="demo-frame__status" data-testid="demo-status" data-playing={status.playing} aria-live="off">
      {status.summary}
    </p>
  );
}

/** Tabs that can all be closed: one panel open at a time, each mounted on first opening and kept. */
function FramePanels({ panels }: { panels: readonly FramePanel[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const base = useId();
  const toggle = (id: string) => {
    setOpen(open === id ? null : id);
    if (!opened.has(id)) setOpened(new Set([...opened, id]));
  };
  return (
    <div className="demo-frame__panels">
      <div className="demo-frame__tabs">
        {panels.map((panel) => (
          <button
            key={panel.id}
            type="button"
            className="demo-frame__tab"
            aria-expanded={open === panel.id}
            aria-controls={`${base}-${panel.id}`}
            onClick={() => toggle(panel.id)}
          >
            {panel.label}
          </button>
        ))}
      </div>
      {panels.map((panel) =>
        opened.has(panel.id) ? (
          <section key={panel.id} id={`${base}-${panel.id}`} className="demo-frame__panel" aria-label={panel.label} hidden={open !== panel.id}>
            {panel.content}
          </section>
        ) : null,
      )}
    </div>
  );
}
