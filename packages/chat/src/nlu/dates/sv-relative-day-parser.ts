import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { addDays, civilFromLocal } from "./civil";
import { boundaryBefore } from "./words";

/**
 * `i morgon` (two words, the standard spelling), `imorn`, `i övermorgon`, `overmorgon`, `i dag`.
 * chrono's sv parser knows only `imorgon`/`idag` and matches `övermorgon` without giving it a date.
 */
const PATTERN = /(i\s*(?:morgon|morrn|morn|morron)|imorgon|imorrn|imorn|imorron|(?:i\s*)?[öo]verm(?:orgon|orrn|orn|orron)|i\s*dag|idag)(?![\p{L}\p{N}])/iu;

export class SvRelativeDayParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    const word = match[0].toLowerCase();
    const offset = /verm/.test(word) ? 2 : /dag$/.test(word) ? 0 : 1;
    const date = addDays(civilFromLocal(context.refDate), offset);
    return context.createParsingResult(index, match[0], { year: date.year, month: date.month, day: date.day }).addTag("samverkan/relativeDay");
  }
}
