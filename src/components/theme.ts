/**
 * Light and dark themes. By default the page follows the system; a reader's choice is kept in
 * localStorage and applied as `data-theme` on <html> (index.html applies it before first paint).
 * Charts use the CSS variables; canvases read them again whenever the theme changes.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useLineScale } from './presenter';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_KEY = 'rl-playground.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function getThemeChoice(): ThemeChoice {
  if (typeof document === 'undefined') return 'system';
  const set = document.documentElement.dataset.theme;
  return set === 'light' || set === 'dark' ? set : 'system';
}

export function setThemeChoice(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice lasts for this page.
  }
}

/** The theme in effect: the reader's choice, or the system's. */
export function resolvedTheme(): 'light' | 'dark' {
  const choice = getThemeChoice();
  if (choice !== 'system') return choice;
  return typeof window !== 'undefined' && window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
}

/** Calls `listener` when the choice or the system's preference changes. */
export function onThemeChange(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = window.matchMedia?.(DARK_QUERY);
  media?.addEventListener('change', listener);
  return () => {
    observer.disconnect();
    media?.removeEventListener('change', listener);
  };
}

export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(onThemeChange, getThemeChoice, () => 'system');
}

export function useResolvedTheme(): 'light' | 'dark' {
  return useSyncExternalStore(onThemeChange, resolvedTheme, () => 'light');
}

/** Colours a canvas draws with, read from the page's CSS variables (so they follow the theme). */
export interface CanvasPalette {
  ink: string;
  inkSoft: string;
  paper: string;
  line: string;
  accent: string;
  warn: string;
  highlight: string;
}

export function readPalette(element: Element): CanvasPalette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    ink: read('--ink', '#16202c'),
    inkSoft: read('--ink-soft', '#3d4b5c'),
    paper: read('--paper', '#ffffff'),
    line: read('--line', '#c9d1db'),
    accent: read('--accent', '#0b5cad'),
    warn: read('--warn', '#9a3b00'),
    highlight: read('--highlight', '#e69f00'),
  };
}

/**
 * The palette for a canvas, re-read when the theme changes or presenter mode (which sets its own
 * high-contrast colours) comes or goes; never per frame.
 */
export function useCanvasPalette(ref: React.RefObject<Element | null>): React.RefObject<CanvasPalette | null> {
  const theme = useResolvedTheme();
  const presenting = useLineScale() !== 1;
  const [palette] = useState<{ current: CanvasPalette | null }>(() => ({ current: null }));
  useEffect(() => {
    if (ref.current) palette.current = readPalette(ref.current);
  }, [ref, palette, theme, presenting]);
  return palette;
}
