import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { addDays, civilFromLocal, isoWeekday } from "./civil";
import { resolveIsoWeek, sundayOf } from "./iso-week";
import { boundaryBefore } from "./words";

/**
 * A whole week: `vecka 50`, `v. 50`, `v50`, `nästa vecka`, `denna vecka`, `next week`, `week 50`.
 * It becomes a date range Monday–Sunday (date only), so a booking flow knows to ask for the
 * day and a listing can filter by it. Used for both languages.
 */
const PATTERN =
  /(?:(?:i|under|p[åa]|in|during)\s+)?(?:(n[äa]sta|kommande|next|the\s+coming|coming)\s+veckan?|(next|coming)\s+week|(denna|den\s+h[äa]r)\s+veckan?|(this)\s+week|(?:vecka|v\.|v|week)\s*(\d{1,2}))(?![\p{L}\p{N}]|[.:/]\d)/iu;

export class WeekParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    const today = civilFromLocal(context.refDate);
    const thisMonday = addDays(today, 1 - isoWeekday(today));
    const [, nextSv, nextEn, thisSv, thisEn, weekNumber] = match;
    const monday =
      weekNumber !== undefined
        ? resolveIsoWeek(Number(weekNumber), today)
        : nextSv !== undefined || nextEn !== undefined
          ? addDays(thisMonday, 7)
          : thisSv !== undefined || thisEn !== undefined
            ? thisMonday
            : undefined;
    if (!monday) return null;
    const sunday = sundayOf(monday);
    const result = context.createParsingResult(
      index,
      match[0],
      { year: monday.year, month: monday.month, day: monday.day },
      { year: sunday.year, month: sunday.month, day: sunday.day },
    );
    return result.addTag("samverkan/weekRange");
  }
}
