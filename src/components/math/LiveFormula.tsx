import katex from 'katex';
import { useMemo } from 'react';
import { katexMacros, KATEX_LIMITS } from './macros';

/**
 * A formula typeset at run time (for live numbers). Static lecture math is rendered at build
 * time instead; use this only for formulas that change. A bad formula shows its source text.
 */
export function LiveFormula({ tex, display = false, label }: { tex: string; display?: boolean; label?: string }) {
  const html = useMemo(() => {
    try {
      return katex.renderToString(tex, { ...KATEX_LIMITS, macros: katexMacros(), displayMode: display, throwOnError: true });
    } catch {
      return null;
    }
  }, [tex, display]);
  if (html === null) return <code>{tex}</code>;
  const Tag = display ? 'div' : 'span';
  return <Tag className="live-formula" role={label ? 'group' : undefined} aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
