import { describe, expect, it } from 'vitest';
import { actionForKey, SHORTCUTS, type KeyInfo } from './slotKeys';

const key = (k: string, over: Partial<KeyInfo> = {}): KeyInfo => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, targetTag: 'DIV', ...over });

describe('demo shortcuts', () => {
  it('maps each listed key to its action, upper or lower case', () => {
    expect(actionForKey(key(' '))).toBe('toggle-play');
    expect(actionForKey(key('K'))).toBe('toggle-play');
    expect(actionForKey(key('.'))).toBe('step');
    expect(actionForKey(key('r'))).toBe('reset');
    expect(actionForKey(key('+'))).toBe('faster');
    expect(actionForKey(key('-'))).toBe('slower');
    expect(actionForKey(key('n'))).toBe('next-preset');
    expect(actionForKey(key('P'))).toBe('previous-preset');
    expect(actionForKey(key('f'))).toBe('toggle-presenter');
    expect(actionForKey(key('Escape'))).toBe('exit');
    expect(actionForKey(key('?'))).toBe('help');
    expect(actionForKey(key('x'))).toBeNull();
  });
  it('leaves typing, Space on buttons and browser chords alone', () => {
    expect(actionForKey(key('r', { targetTag: 'INPUT' }))).toBeNull();
    expect(actionForKey(key('n', { targetTag: 'SELECT' }))).toBeNull();
    expect(actionForKey(key('k', { targetTag: 'DIV', targetEditable: true }))).toBeNull();
    expect(actionForKey(key(' ', { targetTag: 'BUTTON' }))).toBeNull();
    expect(actionForKey(key(' ', { targetRole: 'button' }))).toBeNull();
    expect(actionForKey(key('r', { ctrlKey: true }))).toBeNull();
    expect(actionForKey(key('f', { metaKey: true }))).toBeNull();
    // Escape still leaves presenter mode from a field; letters on a button still work.
    expect(actionForKey(key('Escape', { targetTag: 'INPUT' }))).toBe('exit');
    expect(actionForKey(key('r', { targetTag: 'BUTTON' }))).toBe('reset');
  });
  it('gives every action exactly one row of help', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
