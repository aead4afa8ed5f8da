import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { addDays, civilFromLocal } from "./civil";
import { boundaryBefore } from "./words";

/** `tomorow`, `tommorow`, `tmrw`: the typos chrono's English locale does not read. */
const PATTERN = /(tomm?orr?ow|tomorw|tomorrw|tmrw|tmrow)(?![\p{L}\p{N}])/iu;

export class EnTypoDayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index) || /^tomorrow$/i.test(match[0])) return null;
    const date = addDays(civilFromLocal(context.refDate), 1);
    return context.createParsingResult(index, match[0], { year: date.year, month: date.month, day: date.day }).addTag("samverkan/typoDay");
  }
}
