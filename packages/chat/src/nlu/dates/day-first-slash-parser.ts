import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { boundaryBefore } from "./words";

/**
 * `3/12` is 3 December for our users even when they write English. chrono's English slash
 * parser reads month first; this one wins over it (see `preferOwnResults`).
 */
const PATTERN = /(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\p{N}/])/u;

export class DayFirstSlashParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    const day = Number(match[1]);
    const month = Number(match[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) return null;
    const result = context.createParsingResult(index, match[0], { day, month });
    if (match[3] !== undefined) {
      const year = Number(match[3]);
      result.start.assign("year", year < 100 ? 2000 + year : year);
    } else {
      result.start.imply("year", context.refDate.getFullYear());
    }
    return result.addTag("samverkan/dayFirstSlash");
  }
}
