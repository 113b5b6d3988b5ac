/** The MCTS demo's FrameController: the frame's buttons, shortcuts and tests drive the same store. */
import type { FrameController, FrameStatus } from '../frame/controller';
import { SPEEDS, statusSummary, type MctsStoreApi } from './store';

const GAME_ORDER = ['tictactoe', 'connect4', 'maze'] as const;

export function createMctsController(store: MctsStoreApi): FrameController {
  const shift = (direction: 1 | -1) => {
    const ids = SPEEDS.map((v) => v.id);
    const at = ids.indexOf(store.getState().speed);
    const next = ids[Math.max(0, Math.min(ids.length - 1, at + direction))];
    store.getState().setSpeed(next);
  };
  const shiftGame = (direction: 1 | -1) => {
    const at = GAME_ORDER.indexOf(store.getState().gameId);
    store.getState().setGame(GAME_ORDER[(at + direction + GAME_ORDER.length) % GAME_ORDER.length]);
  };
  return {
    play: () => store.getState().play(),
    pause: () => store.getState().pause(),
    step: () => store.getState().stepIteration(),
    reset: () => store.getState().reset(),
    faster: () => shift(1),
    slower: () => shift(-1),
    nextPreset: () => shiftGame(1),
    previousPreset: () => shiftGame(-1),
    status(): FrameStatus {
      const s = store.getState();
      const speed = SPEEDS.find((v) => v.id === s.speed) ?? SPEEDS[0];
      return {
        playing: s.playing,
        summary: statusSummary(s),
        speedLabel: speed.label,
        presetId: s.gameId,
        busy: s.busy ? 'Searching…' : null,
        canPlay: !s.busy && !s.search.terminal,
        canStep: !s.playing && !s.busy && !s.search.terminal,
        canReset: true,
      };
    },
    subscribe: (listener) => store.subscribe(() => listener()),
    speed: {
      options: SPEEDS.map((v) => ({ id: v.id, label: v.label })),
      teachingId: 'phases',
      fastestId: 'fastest',
      current: () => store.getState().speed,
      choose: (id) => store.getState().setSpeed(id),
    },
  };
}
