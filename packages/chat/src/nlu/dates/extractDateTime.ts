import type { Chrono, ParsedComponents, ParsedResult } from "chrono-node";
import type { DateTimeResult, Language, Span } from "../types";
import { formatCivil, isValidCivil, type CivilDate } from "./civil";
import { english, swedish } from "./chronoInstances";
import { findDuration } from "./duration";
import { chronoReference, formatZoned, instantOf, wallClockAt } from "./zone";

export interface DateTimeExtraction {
  result: DateTimeResult;
  /** Where dates and durations were found, so other extractors can stop before them. */
  spans: Span[];
}

export interface ExtractOptions {
  now: Date;
  timeZone: string;
  language: Language;
  /** "target": the date after "till"/"to" wins (rescheduling names the old date and the new one). */
  prefer: "first" | "target";
}

// Only an offset the user typed is trusted; chrono otherwise fills in the server's own offset.
const EXPLICIT_ZONE = /(?:\dz|[+-]\d{2}:?\d{2}|\b(?:utc|gmt|cet|cest))\b/i;

function civilOf(c: ParsedComponents): CivilDate {
  return { year: c.get("year") ?? 0, month: c.get("month") ?? 0, day: c.get("day") ?? 0 };
}

function toIso(c: ParsedComponents, text: string, timeZone: string): string | undefined {
  const date = civilOf(c);
  if (!isValidCivil(date)) return undefined;
  if (!c.isCertain("hour")) return formatCivil(date);
  if (c.isCertain("timezoneOffset") && EXPLICIT_ZONE.test(text)) {
    const instant = c.date();
    return Number.isNaN(instant.getTime()) ? undefined : formatZoned(instant, timeZone);
  }
  const wall = { ...date, hour: c.get("hour") ?? 0, minute: c.get("minute") ?? 0, second: 0 };
  return formatZoned(instantOf(wall, timeZone), timeZone);
}

function safeParse(parser: Chrono, text: string, reference: Date, language: Language): ParsedResult[] {
  try {
    return parser.parse(text, reference, { forwardDate: language === "en" });
  } catch {
    return [];
  }
}

function choose(results: ParsedResult[], text: string, prefer: ExtractOptions["prefer"]): ParsedResult | undefined {
  if (prefer === "first") return results[0];
  const target = results.find((r) => /(?:\btill|\bto|\bmot|->|→|\buntil)\s*$/i.test(text.slice(Math.max(0, r.index - 12), r.index)));
  return target ?? results[results.length - 1];
}

export function extractDateTime(text: string, folded: string, options: ExtractOptions): DateTimeExtraction {
  const reference = chronoReference(wallClockAt(options.now, options.timeZone));
  const order: Array<[Chrono, Language]> =
    options.language === "sv" ? [[swedish, "sv"], [english, "en"]] : [[english, "en"], [swedish, "sv"]];

  let results: ParsedResult[] = [];
  for (const [parser, language] of order) {
    results = safeParse(parser, text, reference, language);
    if (results.length > 0) break;
  }

  const result: DateTimeResult = {};
  const spans: Span[] = results.map((r) => ({ index: r.index, length: r.text.length }));
  const chosen = choose(results, text, options.prefer);
  if (chosen) {
    const start = toIso(chosen.start, chosen.text, options.timeZone);
    if (start) {
      result.start = start;
      result.matchedText = chosen.text;
      const end = chosen.end ? toIso(chosen.end, chosen.text, options.timeZone) : undefined;
      if (end && end.length === start.length && end > start) result.end = end;
    }
  }

  const duration = findDuration(folded);
  if (duration) {
    result.durationMinutes = duration.minutes;
    spans.push(duration);
    result.matchedText ??= text.slice(duration.index, duration.index + duration.length);
  }
  return { result, spans };
}
