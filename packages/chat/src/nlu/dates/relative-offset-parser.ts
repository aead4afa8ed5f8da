import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { addDays, civilFromLocal, isoWeekday } from "./civil";
import { NUMBER_WORDS } from "./clock-words";
import { boundaryBefore, isoWeekdayFromAnyName, ANY_WEEKDAY_PATTERN } from "./words";

/**
 * `om två veckor`, `om en vecka`, `om 3 dagar`, `in two weeks`, `in a week`, optionally with a
 * weekday of that week: `om två veckor på tisdag` is Tuesday of the week two weeks from now.
 */
// Counts up to eight, as words ("två", "three") or an article that means one ("a week").
const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  ...Object.fromEntries(Object.entries(NUMBER_WORDS).filter(([, n]) => n <= 8)),
};
const COUNT = `(\\d{1,2}|${Object.keys(COUNT_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|")})`;
const PATTERN = new RegExp(
  `(?:om|in)\\s+${COUNT}\\s+(dagar|dag|days?|veckor|vecka|veckan|weeks?)(?:\\s*,?\\s*(?:p[åa]\\s+|on\\s+)?(${ANY_WEEKDAY_PATTERN})(?:en)?)?(?![\\p{L}\\p{N}])`,
  "iu",
);

export function countFromWord(text: string): number | undefined {
  const lower = text.toLowerCase();
  return /^\d+$/.test(lower) ? Number(lower) : COUNT_WORDS[lower];
}

export class RelativeOffsetParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    const [text, countText = "", unit = "", dayName] = match;
    const count = countFromWord(countText);
    if (count === undefined || count < 1 || count > 60) return null;
    const today = civilFromLocal(context.refDate);
    const weeks = /^(v|w)/i.test(unit);
    let date = addDays(today, weeks ? count * 7 : count);
    if (dayName !== undefined) {
      const weekday = isoWeekdayFromAnyName(dayName);
      if (weekday === undefined || !weeks) return null;
      date = addDays(date, weekday - isoWeekday(date));
    }
    return context.createParsingResult(index, text, { year: date.year, month: date.month, day: date.day }).addTag("samverkan/relativeOffset");
  }
}
