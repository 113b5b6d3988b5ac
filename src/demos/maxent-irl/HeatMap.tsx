/** A grid of cells coloured by value: diverging (blue < 0 < red) or sequential (white → dark). */
export function HeatMap({ title, rows, cols, values, signed, onCell, paths, testId }: {
  title: string;
  rows: number;
  cols: number;
  values: readonly number[];
  signed: boolean;
  onCell?: (cell: number) => void;
  paths?: readonly (readonly number[])[];
  testId?: string;
}) {
  const cell = 20;
  const max = Math.max(1e-9, ...values.map(Math.abs));
  const min = Math.min(...values);
  const top = Math.max(...values);
  const color = (v: number) => {
    if (signed) {
      const t = Math.min(1, Math.abs(v) / max);
      return v >= 0 ? `hsl(10 75% ${(97 - 50 * t).toFixed(0)}%)` : `hsl(210 75% ${(97 - 50 * t).toFixed(0)}%)`;
    }
    const t = top > min ? (v - min) / (top - min) : 0;
    return `hsl(150 45% ${(97 - 65 * t).toFixed(0)}%)`;
  };
  const centre = (s: number) => [(s % cols + 0.5) * cell, (Math.floor(s / cols) + 0.5) * cell] as const;
  return (
    <figure className="irl-map" data-map={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${cols * cell} ${rows * cell}`} role="img"
        aria-label={`${title}: ${signed ? `from ${min.toFixed(2)} to ${top.toFixed(2)}` : `largest ${top.toFixed(2)}`}`}
        data-values={values.map((v) => v.toFixed(4)).join(',')}>
        {values.map((v, s) => (
          <rect key={s} x={(s % cols) * cell} y={Math.floor(s / cols) * cell} width={cell} height={cell} fill={color(v)} stroke="#ccc" strokeWidth={0.5}
            onClick={onCell ? () => onCell(s) : undefined} style={onCell ? { cursor: 'pointer' } : undefined} />
        ))}
        {paths?.map((p, i) => (
          <polyline key={i} points={p.map((s) => centre(s).join(',')).join(' ')} fill="none" stroke="#333" strokeOpacity={0.55} strokeWidth={1.5} />
        ))}
      </svg>
    </figure>
  );
}
