import type { Span } from "../types";

export const spanEnd = (s: Span): number => s.index + s.length;

export function overlaps(a: Span, b: Span): boolean {
  return a.index < spanEnd(b) && b.index < spanEnd(a);
}

/** Blank out consumed spans so what remains can be read as free text. */
export function removeSpans(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const s of spans) {
    out = out.slice(0, s.index) + " ".repeat(Math.min(s.length, out.length - s.index)) + out.slice(spanEnd(s));
  }
  return out;
}
