import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { addDays, civilFromLocal } from "./civil";
import { resolveIsoWeek } from "./iso-week";
import { ANY_WEEKDAY_PATTERN, boundaryBefore, isoWeekdayFromAnyName } from "./words";

/**
 * The week number first, then the day: `vecka 2 måndag`, `v. 50 onsdag`, `v50 på fredag`,
 * `week 50 wednesday`, and the English order `wednesday week 50`. (Swedish weekday-first is
 * read by SvWeekdayParser.)
 */
const PATTERN = new RegExp(
  `(?:(?:vecka|v\\.?|week)\\s*(\\d{1,2})\\s*,?\\s*(?:p[åa]\\s+|on\\s+)?(${ANY_WEEKDAY_PATTERN})(?:en)?|(${ANY_WEEKDAY_PATTERN})\\s*,?\\s*(?:(?:of|in)\\s+)?week\\s*(\\d{1,2}))(?![\\p{L}\\p{N}])`,
  "iu",
);

export class WeekNumberWeekdayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    const [text, weekA, dayA, dayB, weekB] = match;
    const weekday = isoWeekdayFromAnyName(dayA ?? dayB ?? "");
    const monday = resolveIsoWeek(Number(weekA ?? weekB), civilFromLocal(context.refDate));
    if (weekday === undefined || !monday) return null;
    const date = addDays(monday, weekday - 1);
    const result = context.createParsingResult(index, text, { year: date.year, month: date.month, day: date.day });
    result.start.assign("weekday", weekday % 7);
    return result.addTag("samverkan/weekNumberWeekday");
  }
}
