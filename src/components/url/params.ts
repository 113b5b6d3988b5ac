/**
 * Demo settings in the URL, driven by one typed table per demo (after tensorflow/playground).
 * Each demo namespaces its keys with its slot id: `?vi.gamma=0.9&vi.noise=0.2`, so two demos on
 * one page never collide and a link reproduces the exact setup.
 *
 * Parsing never throws: a malformed or out-of-range value falls back to the default and is
 * reported in `problems`, so the page can say what it ignored.
 */

/** What the manifest adds to a parameter: its label, and whether a classroom link may hide its control. */
export interface ParamMeta {
  label?: string;
  /** A classroom link may hide this control (default true; false for what a demo cannot do without). */
  hideable?: boolean;
}

export interface NumberParam extends ParamMeta {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  /** Round to an integer. */
  integer?: boolean;
}
export interface ChoiceParam<T extends string = string> extends ParamMeta {
  kind: 'choice';
  default: T;
  options: readonly T[];
}
export interface BooleanParam extends ParamMeta {
  kind: 'boolean';
  default: boolean;
}
export interface TextParam extends ParamMeta {
  kind: 'text';
  default: string;
  maxLength: number;
  /** Returns an error message, or null when the text is acceptable. */
  check?: (value: string) => string | null;
}
export type Param = NumberParam | ChoiceParam | BooleanParam | TextParam;
export type ParamTable = Record<string, Param>;

export type ParamValues<T extends ParamTable> = {
  [K in keyof T]: T[K] extends NumberParam
    ? number
    : T[K] extends ChoiceParam<infer C>
      ? C
      : T[K] extends BooleanParam
        ? boolean
        : string;
};

/** The one seed range everywhere (links, forms, the runtime's seed box): what createRng accepts. */
export const MAX_SEED = 2 ** 32 - 1;
/** The seed parameter every demo's table uses. */
export const seedParam = (value = 1): NumberParam => ({ kind: 'number', default: value, min: 0, max: MAX_SEED, integer: true });

export const num = (value: number, min: number, max: number, integer = false): NumberParam => ({
  kind: 'number', default: value, min, max, integer,
});
export const choice = <T extends string>(value: T, options: readonly T[]): ChoiceParam<T> => ({
  kind: 'choice', default: value, options,
});
export const bool = (value: boolean): BooleanParam => ({ kind: 'boolean', default: value });
export const text = (value: string, maxLength: number, check?: TextParam['check']): TextParam => ({
  kind: 'text', default: value, maxLength, check,
});

export function defaults<T extends ParamTable>(table: T): ParamValues<T> {
  const out: Record<string, unknown> = {};
  for (const [key, param] of Object.entries(table)) out[key] = param.default;
  return out as ParamValues<T>;
}

/** Checks one raw value against its parameter; returns the value or an error message. */
export function parseParam(param: Param, raw: string): { value: unknown } | { error: string } {
  switch (param.kind) {
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) return { error: `"${raw}" is not a number` };
      if (value < param.min || value > param.max) return { error: `${value} is outside [${param.min}, ${param.max}]` };
      return { value: param.integer ? Math.round(value) : value };
    }
    case 'choice':
      return param.options.includes(raw) ? { value: raw } : { error: `"${raw}" is not one of ${param.options.join(', ')}` };
    case 'boolean':
      if (raw === '1' || raw === 'true') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { error: `"${raw}" is not 1 or 0` };
    case 'text': {
      if (raw.length > param.maxLength) return { error: `text longer than ${param.maxLength} characters` };
      const problem = param.check?.(raw) ?? null;
      return problem ? { error: problem } : { value: raw };
    }
  }
}

export interface ParsedParams<T extends ParamTable> {
  values: ParamValues<T>;
  /** One readable line per ignored value, e.g. `vi.gamma: 7 is outside [0, 1]`. */
  problems: string[];
}

export function readParams<T extends ParamTable>(table: T, search: URLSearchParams, prefix: string): ParsedParams<T> {
  const values = defaults(table) as Record<string, unknown>;
  const problems: string[] = [];
  for (const [key, param] of Object.entries(table)) {
    const raw = search.get(`${prefix}.${key}`);
    if (raw === null) continue;
    const parsed = parseParam(param, raw);
    if ('error' in parsed) problems.push(`${prefix}.${key}: ${parsed.error}; using ${String(param.default)}`);
    else values[key] = parsed.value;
  }
  return { values: values as ParamValues<T>, problems };
}

function encode(param: Param, value: unknown): string {
  if (param.kind === 'boolean') return value ? '1' : '0';
  if (param.kind === 'number') return String(Number((value as number).toPrecision(6)));
  return String(value);
}

/**
 * Writes every value into `search` under the prefix, defaults included, so a link keeps its
 * meaning when a default changes later. Returns the same URLSearchParams for chaining.
 */
export function writeParams<T extends ParamTable>(
  table: T,
  values: ParamValues<T>,
  search: URLSearchParams,
  prefix: string,
): URLSearchParams {
  for (const [key, param] of Object.entries(table)) {
    search.set(`${prefix}.${key}`, encode(param, (values as Record<string, unknown>)[key]));
  }
  return search;
}
