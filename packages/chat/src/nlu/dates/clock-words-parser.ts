import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { HOUR_WORD_PATTERN, hourFromWord, officeHour } from "./clock-words";
import { boundaryBefore } from "./words";

/**
 * Clock talk in words: `halv tio` (09:30), `kvart över nio`, `kvart i tre` (14:45),
 * `tio över två`, `fem i halv tio` is not supported (rare in booking talk), and in English
 * `half past nine`, `quarter past ten`, `quarter to three`, `ten past two`, with `kl`/`at` in front.
 */
const HOUR = `(\\d{1,2}|${HOUR_WORD_PATTERN})`;
const PATTERN = new RegExp(
  "(?:(?:kl(?:ockan)?\\.?|at|vid)\\s*)?" +
    `(?:(halv)\\s+${HOUR}|(kvart|fem|tio|tjugo|five|ten|twenty|a\\s+quarter|quarter)\\s+(över|over|i|past|to)\\s+${HOUR}|(half)\\s+past\\s+${HOUR})` +
    "(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.|fm|em))?" +
    "(?![\\p{L}\\p{N}])",
  "iu",
);

const MINUTES: Record<string, number> = { kvart: 15, quarter: 15, "a quarter": 15, fem: 5, five: 5, tio: 10, ten: 10, tjugo: 20, twenty: 20 };

export class ClockWordsParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    const [text, halv, halvHour, amount, direction, amountHour, half, halfPastHour, meridiem] = match;
    let hour: number | undefined;
    let minute = 0;
    if (halv !== undefined) {
      // Swedish "halv tio" is half an hour *before* ten.
      const h = hourFromWord(halvHour ?? "");
      if (h !== undefined) [hour, minute] = [h - 1, 30];
    } else if (half !== undefined) {
      const h = hourFromWord(halfPastHour ?? "");
      if (h !== undefined) [hour, minute] = [h, 30];
    } else if (amount !== undefined) {
      const h = hourFromWord(amountHour ?? "");
      const m = MINUTES[amount.toLowerCase().replace(/\s+/g, " ")] ?? 0;
      const before = /^(i|to)$/i.test(direction ?? "");
      if (h !== undefined) [hour, minute] = before ? [h - 1, 60 - m] : [h, m];
    }
    if (hour === undefined || hour < 0 || hour > 23) return null;
    if (hour === 0) hour = 12;
    const pm = meridiem !== undefined && /^(p|e)/i.test(meridiem);
    const am = meridiem !== undefined && !pm;
    if (pm && hour < 12) hour += 12;
    else if (!am) hour = officeHour(hour);
    if (hour > 23) return null;
    return context.createParsingResult(index, text, { hour, minute }).addTag("samverkan/clock-words");
  }
}
