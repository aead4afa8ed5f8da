/**
 * Parses a number written the Swedish way: `93,5`, `1 234` (space, no-break space or
 * narrow no-break space as thousands separator), `-3,2` or `−3,2` (minus sign).
 * Returns null for anything else, including `.`-decimals, so nothing is ever guessed.
 */
const SWEDISH_NUMBER = /^([-−+]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/;

export function parseSwedishNumber(text: string): number | null {
  const match = SWEDISH_NUMBER.exec(text.trim());
  if (!match) return null;
  const [, sign = "", integer = "", fraction] = match;
  const digits = integer.replace(/[ \u00a0\u202f]/g, "");
  const value = Number(`${digits}${fraction === undefined ? "" : `.${fraction}`}`);
  if (!Number.isFinite(value)) return null;
  return sign === "-" || sign === "−" ? -value : value;
}

/** How many decimals a Swedish number was written with (`18,0` → 1), or 0. */
export function swedishDecimals(text: string): number {
  const match = /,(\d+)\s*$/.exec(text);
  return match?.[1]?.length ?? 0;
}
