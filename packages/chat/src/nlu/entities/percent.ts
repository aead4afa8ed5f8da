import type { Span } from "../types";

/** Progress as `60%`, `60 %`, `60 procent`, `60 percent`, `62,5 %`. */
const PERCENT = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:%|procent|percent|pct|proc)(?![\p{L}])/u;

export interface PercentMatch extends Span {
  value: number;
}

export function findPercent(folded: string): PercentMatch | undefined {
  const m = PERCENT.exec(folded);
  if (!m?.[1]) return undefined;
  const value = Number(m[1].replace(",", "."));
  if (!Number.isFinite(value) || value < 0 || value > 100) return undefined;
  return { value, index: m.index, length: m[0].length };
}
