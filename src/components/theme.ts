/**
 * Light and dark themes. By default the page follows the system; a reader's choice is kept in
 * localStorage and applied as `data-theme` on <html> (index.html applies it before first paint).
 * Charts use the CSS variables; canvases read them again whenever the theme changes.
 */
import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
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

/**
 * Colours a canvas draws with, read from the page's CSS variables (so they follow the theme), each
 * as a computed `rgb(…)` string.
 */
export interface CanvasPalette {
  ink: string;
  inkSoft: string;
  paper: string;
  paperSoft: string;
  line: string;
  accent: string;
  warn: string;
  error: string;
  highlight: string;
  /** Okabe–Ito data colours: blue, vermilion, green, purple, and a deep purple. */
  chart1: string;
  chart2: string;
  chart3: string;
  chart4: string;
  chart4Deep: string;
  obstacle: string;
}

/** Each palette entry, its CSS variable and the light theme's value (used when the variable is missing). */
const PALETTE_VARIABLES: Record<keyof CanvasPalette, [string, string]> = {
  ink: ['--ink', '#16202c'],
  inkSoft: ['--ink-soft', '#3d4b5c'],
  paper: ['--paper', '#ffffff'],
  paperSoft: ['--paper-soft', '#f3f5f8'],
  line: ['--line', '#c9d1db'],
  accent: ['--accent', '#0b5cad'],
  warn: ['--warn', '#9a3b00'],
  error: ['--error', '#b00020'],
  highlight: ['--highlight', '#e69f00'],
  chart1: ['--chart-1', '#0072b2'],
  chart2: ['--chart-2', '#d55e00'],
  chart3: ['--chart-3', '#009e73'],
  chart4: ['--chart-4', '#cc79a7'],
  chart4Deep: ['--chart-4-deep', '#7a4d8c'],
  obstacle: ['--obstacle', '#5b6068'],
};

/** The light palette, for drawing before the page's styles can be read (and outside a browser). */
export const LIGHT_PALETTE: CanvasPalette = Object.fromEntries(
  Object.entries(PALETTE_VARIABLES).map(([key, [, fallback]]) => [key, fallback]),
) as unknown as CanvasPalette;

/**
 * Reads the palette where `element` is. The variables hold `light-dark(…)` pairs, which only a
 * colour property resolves, so each is read back as the computed `color` of a hidden probe placed
 * beside the element (a canvas's own children are not styled as the page is): one style pass.
 */
export function readPalette(element: Element): CanvasPalette {
  const host = element instanceof HTMLCanvasElement ? element.parentElement : element;
  if (!host || typeof getComputedStyle === 'undefined') return { ...LIGHT_PALETTE };
  const probe = document.createElement('span');
  probe.hidden = true;
  const keys = Object.keys(PALETTE_VARIABLES) as (keyof CanvasPalette)[];
  for (const key of keys) {
    const [name, fallback] = PALETTE_VARIABLES[key];
    const item = document.createElement('span');
    item.style.color = `var(${name}, ${fallback})`;
    probe.append(item);
  }
  host.append(probe);
  const palette = { ...LIGHT_PALETTE };
  keys.forEach((key, k) => {
    const colour = getComputedStyle(probe.children[k]).color;
    if (colour) palette[key] = colour;
  });
  probe.remove();
  return palette;
}

/** The red, green and blue (0–255) of a colour as a palette gives it (`rgb(…)`, `rgba(…)` or `#rrggbb`). */
export function rgbOf(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const parts = colour.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
  return parts.length >= 3 ? [parts[0], parts[1], parts[2]] : [0, 0, 0];
}

/** The theme in effect and whether presenter mode's colours apply: what a palette depends on. */
function usePaletteKey(): string {
  const theme = useResolvedTheme();
  const presenting = useLineScale() !== 1;
  return `${theme}/${presenting}`;
}

/**
 * The palette for a canvas drawn in a frame loop, re-read when the theme changes or presenter mode
 * (which sets its own high-contrast colours) comes or goes; never per frame.
 */
export function useCanvasPalette(ref: React.RefObject<Element | null>): React.RefObject<CanvasPalette | null> {
  const key = usePaletteKey();
  const [palette] = useState<{ current: CanvasPalette | null }>(() => ({ current: null }));
  useEffect(() => {
    if (ref.current) palette.current = readPalette(ref.current);
  }, [ref, palette, key]);
  return palette;
}

/**
 * The palette for a canvas drawn when its data changes: a value that changes (and so re-runs the
 * drawing effect that lists it) when the theme or presenter mode does. The light palette until
 * the element is mounted; the real one is read before the first paint.
 */
export function useCanvasColours(ref: React.RefObject<Element | null>): CanvasPalette {
  const key = usePaletteKey();
  const [read, setRead] = useState<{ key: string; palette: CanvasPalette } | null>(null);
  useLayoutEffect(() => {
    if (ref.current) setRead({ key, palette: readPalette(ref.current) });
  }, [ref, key]);
  return read?.palette ?? LIGHT_PALETTE;
}
