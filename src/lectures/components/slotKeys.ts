/**
 * The keyboard shortcuts every demo answers to (while focus is inside the demo, or anywhere in
 * presenter mode). One table drives the handler and the `?` help, so the list never drifts.
 */
export type SlotAction =
  | 'toggle-play'
  | 'step'
  | 'reset'
  | 'faster'
  | 'slower'
  | 'next-preset'
  | 'previous-preset'
  | 'toggle-presenter'
  | 'exit'
  | 'help';

export interface Shortcut {
  action: SlotAction;
  /** Keys as `KeyboardEvent.key` reports them. */
  keys: readonly string[];
  /** How the help writes the keys. */
  label: string;
  does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'toggle-play', keys: [' ', 'k'], label: 'Space or K', does: 'Play / pause' },
  { action: 'step', keys: ['.', 's'], label: '. or S', does: 'One step (while paused)' },
  { action: 'reset', keys: ['r'], label: 'R', does: 'Reset' },
  { action: 'faster', keys: ['+', '=', ']'], label: '+ or ]', does: 'Faster' },
  { action: 'slower', keys: ['-', '['], label: '− or [', does: 'Slower' },
  { action: 'next-preset', keys: ['n'], label: 'N', does: 'Next preset' },
  { action: 'previous-preset', keys: ['p'], label: 'P', does: 'Previous preset' },
  { action: 'toggle-presenter', keys: ['f'], label: 'F', does: 'Presenter mode on / off' },
  { action: 'exit', keys: ['Escape'], label: 'Esc', does: 'Leave presenter mode, close this help' },
  { action: 'help', keys: ['?'], label: '?', does: 'Show these shortcuts' },
];

/** The parts of a key event the mapping needs (so it is testable without a DOM). */
export interface KeyInfo {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element's tag (INPUT, SELECT, TEXTAREA, BUTTON, …) and role, if any. */
  targetTag: string;
  targetRole?: string | null;
  targetEditable?: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Elements where Space already means "press me". */
const SPACE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

/**
 * The action a key asks for, or null when the key belongs to what has focus: typing in a field,
 * Space on a button, a chord with Ctrl/Cmd/Alt (browser and screen-reader commands).
 */
export function actionForKey(info: KeyInfo): SlotAction | null {
  if (info.ctrlKey || info.metaKey || info.altKey) return null;
  if (info.key !== 'Escape' && (TYPING_TAGS.has(info.targetTag) || info.targetEditable)) return null;
  if (info.key === ' ' && (SPACE_TAGS.has(info.targetTag) || info.targetRole === 'button' || info.targetRole === 'slider')) return null;
  const key = info.key.length === 1 ? info.key.toLowerCase() : info.key;
  return SHORTCUTS.find((s) => s.keys.includes(key))?.action ?? null;
}
