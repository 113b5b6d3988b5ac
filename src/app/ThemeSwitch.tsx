import { useId } from 'react';
import { setThemeChoice, useThemeChoice, type ThemeChoice } from '../components/theme';

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** The theme menu in the site header: follow the system (default), or light, or dark. */
export function ThemeSwitch() {
  const choice = useThemeChoice();
  const id = useId();
  return (
    <span className="theme-switch">
      <label htmlFor={id}>Theme</label>
      <select id={id} value={choice} onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}>
        {CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </span>
  );
}
