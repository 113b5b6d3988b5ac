/** The frame every demo shares. See README.md. */
export { DemoFrame, type DemoFrameProps, type FramePanel } from './DemoFrame';
export { RunControls, runWords } from './RunControls';
export { PrimarySetting } from './PrimarySetting';
export { DetailsTable, formatDiagnostic, type DetailRow } from './DetailsTable';
export { useControllerStatus, type FrameController, type FrameStatus, type SpeedControl, type SpeedOption } from './controller';
export { useTrainerController } from './useTrainerController';
export { createTrainerController, formatSeconds, TRAINER_SPEEDS, type TrainerControllerOptions, type TrainerSpeed } from './trainerController';
export { niceStep, niceTicks, formatTick, logTicks, formatLogTick, type NiceScale } from './ticks';
export { linearAxis, logAxis, LEGEND_ABOVE, TICK_FONT_PX, TICK_STYLE, xAxisTitle } from './chartAxis';
export { SlotChromeContext, SlotTools, useSlotResting, WidenButton, type SlotChrome } from './slotChrome';
