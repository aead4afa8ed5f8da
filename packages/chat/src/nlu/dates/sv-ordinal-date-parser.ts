import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { boundaryBefore, MONTH_PATTERN, monthFromName } from "./words";

/** `den 3:e december`, `1:a mars 2027`: the ordinal suffix chrono's sv month parser does not accept. */
const PATTERN = new RegExp(`(?:den\\s+)?(\\d{1,2})(?::e|:a|e|a)\\s+(${MONTH_PATTERN})\\.?(?:\\s+(\\d{4}))?(?![\\p{L}\\p{N}])`, "iu");

export class SvOrdinalDateParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    const day = Number(match[1]);
    const month = monthFromName(match[2] ?? "");
    if (month === undefined || day < 1 || day > 31) return null;
    const result = context.createParsingResult(index, match[0], { month, day });
    if (match[3] !== undefined) result.start.assign("year", Number(match[3]));
    else result.start.imply("year", context.refDate.getFullYear());
    return result.addTag("samverkan/ordinalDate");
  }
}
