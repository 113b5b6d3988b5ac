import type { ReactNode } from 'react';

export interface DetailRow {
  /** What the number is, in words ("Advantage Â before normalising: mean"). */
  label: string;
  value: ReactNode;
  /** Optional: how it is computed or what it means. */
  note?: string;
}

/** Raw diagnostics as a labelled two-column table (label, value, note): nothing unnamed. */
export function DetailsTable({ caption, rows }: { caption: string; rows: readonly DetailRow[] }) {
  return (
    <div className="details-table-wrap">
      <table className="details-table">
        <caption>{caption}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="details-table__value">{row.value}</td>
              <td className="details-table__note">{row.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A number for a details table: 4 significant digits, exponent form when tiny or huge, – when absent. */
export function formatDiagnostic(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const abs = Math.abs(value);
  const text = abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? value.toExponential(digits - 1) : String(Number(value.toPrecision(digits)));
  return text.replace('-', '−');
}
