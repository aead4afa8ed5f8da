import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { addDays, civilFromLocal, compareCivil, isoWeekday, type CivilDate } from "./civil";
import { ANY_MONTH_PATTERN, ANY_WEEKDAY_PATTERN, boundaryBefore, isoWeekdayFromAnyName, monthFromAnyName } from "./words";

/**
 * `första måndagen i december`, `sista fredagen i januari 2027`, `the first monday in december`,
 * `last friday of january`. Without a year it is the next such day that is not in the past.
 */
const ORDINALS: Record<string, number> = {
  forsta: 1,
  första: 1,
  first: 1,
  1: 1,
  andra: 2,
  second: 2,
  2: 2,
  tredje: 3,
  third: 3,
  3: 3,
  fjarde: 4,
  fjärde: 4,
  fourth: 4,
  4: 4,
  sista: -1,
  last: -1,
};
const PATTERN = new RegExp(
  `(?:(?:den|the)\\s+)?(f[öo]rsta|andra|tredje|fj[äa]rde|sista|first|second|third|fourth|last|[1-4](?::a|:e|st|nd|rd|th))\\s+(${ANY_WEEKDAY_PATTERN})(?:en)?\\s+(?:i|in|of)\\s+(${ANY_MONTH_PATTERN})\\.?(?:\\s+(\\d{4}))?(?![\\p{L}\\p{N}])`,
  "iu",
);

function nthWeekday(year: number, month: number, weekday: number, nth: number): CivilDate | undefined {
  if (nth > 0) {
    const first: CivilDate = { year, month, day: 1 };
    const date = addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + (nth - 1) * 7);
    return date.month === month ? date : undefined;
  }
  const last = addDays({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }, -1);
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

export class OrdinalWeekdayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    const [text, ordinalText = "", dayName = "", monthName = "", yearText] = match;
    const nth = ORDINALS[ordinalText.toLowerCase().replace(/^(\d)(?::a|:e|st|nd|rd|th)$/, "$1")];
    const weekday = isoWeekdayFromAnyName(dayName);
    const month = monthFromAnyName(monthName);
    if (nth === undefined || weekday === undefined || month === undefined) return null;
    const today = civilFromLocal(context.refDate);
    let date = nthWeekday(yearText ? Number(yearText) : today.year, month, weekday, nth);
    if (date && !yearText && compareCivil(date, today) < 0) date = nthWeekday(today.year + 1, month, weekday, nth);
    if (!date) return null;
    return context.createParsingResult(index, text, { year: date.year, month: date.month, day: date.day }).addTag("samverkan/ordinalWeekday");
  }
}
