import { useId } from 'react';

interface Props<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  /** What changing it does, e.g. "Changing it starts a new model". */
  description?: string;
  disabled?: boolean;
  /** The setting's key in the demo's parameter table (a classroom link can hide it). */
  param?: string;
}

/** One of the two to four settings beside the stage: a labelled menu that applies at once. */
export function PrimarySetting<V extends string>({ label, value, options, onChange, description, disabled, param }: Props<V>) {
  const id = useId();
  return (
    <label className="primary-setting" htmlFor={id} title={description} data-param={param}>
      <span className="primary-setting__label">{label}</span>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
}
