import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { boundaryBefore } from "./words";

/**
 * `0930`, `kl 1430`: a clock time without a separator. Without `kl` only forms that cannot be a
 * year count: a leading zero, or 10:00–18:55 on five minutes (2026 is a year, 1530 a time).
 */
// A leading "till"/"at" is kept in the match: chrono's last filter drops results that are only digits.
const PATTERN = /(?:(?:till|to|at|vid|fr[åa]n|from)\s+)?(kl(?:ockan)?\.?\s*)?([01]\d|2[0-3])([0-5]\d)(?![\p{L}\p{N}%/]|[.:,]\d)/iu;

export class FourDigitTimeParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    const [text, kl, hourText = "", minuteText = ""] = match;
    const hour = Number(hourText);
    const minute = Number(minuteText);
    const plausible = hourText.startsWith("0") || (hour >= 10 && hour <= 18 && minute % 5 === 0);
    if (kl === undefined && !plausible) return null;
    // A year after a month name ("december 2026", "dec 1530" is odd enough to skip too).
    const before = context.text.slice(Math.max(0, index - 12), index).toLowerCase();
    if (kl === undefined && /(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-zåäö]*\.?\s*$/.test(before)) return null;
    return context.createParsingResult(index, text, { hour, minute }).addTag("samverkan/fourDigitTime");
  }
}
