/**
 * Length budgets. Platforms count characters; we count UTF-16 code units, which is never
 * fewer, so anything that fits here fits there. Cuts fall between graphemes so an emoji or
 * a letter with a combining accent is never split in half.
 */

export const ELLIPSIS = "…";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** Width in a monospaced terminal, roughly: one column per grapheme. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const _ of segmenter.segment(text)) width += 1;
  return width;
}

/** Shortens `text` to at most `max` code units, ending with "…" when it had to cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  const budget = max - ELLIPSIS.length;
  let kept = "";
  for (const grapheme of graphemes(text)) {
    if (kept.length + grapheme.length > budget) break;
    kept += grapheme;
  }
  return kept.trimEnd() + ELLIPSIS;
}

/**
 * Fits a rendering of a grapheme sequence into `max` code units. `render(n)` must produce
 * the output for the first `n` graphemes and grow with `n`; we binary-search the largest
 * `n` that fits together with a trailing "…". Used where escaping or markup make the
 * output longer than the input, so a plain cut could break an entity or a link.
 */
export function fitRendered(total: number, render: (count: number) => string, max: number): string {
  const full = render(total);
  if (full.length <= max) return full;
  const budget = max - ELLIPSIS.length;
  if (budget < 0) return "";
  let low = 0;
  let high = total - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(mid).length <= budget) low = mid;
    else high = mid - 1;
  }
  const kept = render(low);
  return kept.length <= budget ? kept + ELLIPSIS : ELLIPSIS;
}
