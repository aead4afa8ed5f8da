import { extractDateTime } from "./dates/extract-date-time";
import { resolveTimeZone } from "./dates/zone";
import { detectLanguage } from "./language";
import type { DateTimeResult, ParseOptions } from "./types";
import { toUtterance } from "./utterance";

/**
 * Just the date, time and length in a message, resolved against `now` in the user's zone.
 * `start` has a time and offset when one was given, otherwise it is a plain `YYYY-MM-DD`.
 */
export function parseDateTime(text: string, options: ParseOptions = {}): DateTimeResult {
  try {
    const u = toUtterance(text);
    const now = options.now instanceof Date && !Number.isNaN(options.now.getTime()) ? options.now : new Date();
    return extractDateTime(u.text, u.folded, {
      now,
      timeZone: resolveTimeZone(options.timeZone),
      language: detectLanguage(u.tokens, u.text),
      prefer: "first",
    }).result;
  } catch (error) {
    options?.logger?.error({ err: error, length: typeof text === "string" ? text.length : 0 }, "parseDateTime failed");
    return {};
  }
}
