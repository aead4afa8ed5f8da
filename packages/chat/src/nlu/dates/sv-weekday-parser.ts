import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { addDays, civilFromLocal, isoWeekday, type CivilDate } from "./civil";
import { resolveIsoWeek } from "./iso-week";
import { boundaryBefore, isoWeekdayFromName, WEEKDAY_PATTERN } from "./words";

/**
 * Weekdays in every spelling (`mandag`, `lördagen`) and with the week given the Swedish way:
 * `tisdag nästa vecka`, `måndag vecka 50`, `fredag v. 2`, `nästa torsdag`.
 * A bare weekday is left date-implied; the forward refiner picks the occurrence once the time is known.
 */
const PATTERN = new RegExp(
  "(?:p[åa]\\s+)?" +
    "(?:(n[äa]sta|kommande)\\s+)?" +
    `(${WEEKDAY_PATTERN})(?:en)?` +
    "(?:\\s*,?\\s*(?:(?:i\\s+)?(n[äa]sta|kommande|denna|den\\s+h[äa]r)\\s+veckan?|(?:i\\s+|under\\s+)?(?:vecka|v\\.?|week)\\s*(\\d{1,2})))?" +
    "(?![\\p{L}\\p{N}])",
  "iu",
);

export class SvWeekdayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    const [text, prefix, dayName = "", weekWord, weekNumber] = match;
    const weekday = isoWeekdayFromName(dayName);
    if (weekday === undefined) return null;
    const today = civilFromLocal(context.refDate);
    const todayWeekday = isoWeekday(today);
    const thisMonday = addDays(today, 1 - todayWeekday);

    let date: CivilDate | undefined;
    if (weekNumber !== undefined) {
      const monday = resolveIsoWeek(Number(weekNumber), today);
      if (!monday) return null;
      date = addDays(monday, weekday - 1);
    } else if (weekWord !== undefined) {
      const weeksAhead = /^(n[äa]sta|kommande)/i.test(weekWord) ? 1 : 0;
      date = addDays(thisMonday, weeksAhead * 7 + weekday - 1);
    } else if (prefix !== undefined && /^n/i.test(prefix)) {
      // "nästa fredag" is read as Friday of next week (the reading chrono also uses).
      date = addDays(thisMonday, 7 + weekday - 1);
    } else if (prefix !== undefined) {
      date = addDays(today, ((weekday - todayWeekday + 6) % 7) + 1);
    }

    const result = context.createParsingResult(index, text);
    result.start.assign("weekday", weekday % 7);
    if (date) {
      result.start.assign("year", date.year).assign("month", date.month).assign("day", date.day);
    } else {
      const coming = addDays(today, (weekday - todayWeekday + 7) % 7);
      result.start.imply("year", coming.year).imply("month", coming.month).imply("day", coming.day);
    }
    return result.addTag("samverkan/weekday");
  }
}
