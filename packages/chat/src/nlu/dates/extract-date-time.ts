import type { Chrono, ParsedComponents, ParsedResult } from "chrono-node";
import type { DateTimeResult, Language, Span, When } from "../types";
import { formatCivil, isValidCivil, type CivilDate } from "./civil";
import { english, swedish } from "./chrono-instances";
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

/** A resolved point: a whole day (`YYYY-MM-DD`) or an instant (ISO with the zone's offset). */
interface Point {
  kind: "day" | "instant";
  iso: string;
}

function toPoint(c: ParsedComponents, text: string, timeZone: string): Point | undefined {
  const date = civilOf(c);
  if (!isValidCivil(date)) return undefined;
  if (!c.isCertain("hour")) return { kind: "day", iso: formatCivil(date) };
  if (c.isCertain("timezoneOffset") && EXPLICIT_ZONE.test(text)) {
    const instant = c.date();
    return Number.isNaN(instant.getTime()) ? undefined : { kind: "instant", iso: formatZoned(instant, timeZone) };
  }
  const wall = { ...date, hour: c.get("hour") ?? 0, minute: c.get("minute") ?? 0, second: 0 };
  return { kind: "instant", iso: formatZoned(instantOf(wall, timeZone), timeZone) };
}

function whenOf(start: Point, end: Point | undefined, zone: string): When {
  if (end) return { kind: "range", unit: start.kind, from: start.iso, to: end.iso, zone };
  return start.kind === "day" ? { kind: "day", date: start.iso, zone } : { kind: "instant", at: start.iso, zone };
}

// No catch here: a chrono failure reaches parseUtterance/parseDateTime, which log it with context.
function chronoParse(parser: Chrono, text: string, reference: Date, language: Language): ParsedResult[] {
  return parser.parse(text, reference, { forwardDate: language === "en" });
}

function choose(results: ParsedResult[], text: string, prefer: ExtractOptions["prefer"]): ParsedResult | undefined {
  if (prefer === "first") return results[0];
  const target = results.find(
    (r) => /(?:\btill|\bto|\bmot|->|→|\buntil)\s*$/i.test(text.slice(Math.max(0, r.index - 12), r.index)) || /^(?:till|to)\s/i.test(r.text),
  );
  return target ?? results[results.length - 1];
}

/**
 * Date talk we cannot place: a month alone, a holiday, "om några veckor". When one is left
 * unread, any date we did find is a guess ("i december kl 10" is not today at 10), so we give
 * none and the flow asks instead.
 */
const VAGUE_DATE = new RegExp(
  [
    "(?:om|in)\\s+(?:[a-z0-9]+\\s+)?(?:dagar|veckor|manader|manad|days|weeks|months?)",
    "(?:efter|fore|innan|after|before)\\s+(?:jul|julen|nyar|nyaret|pask|pasken|midsommar|sommaren|sommarlovet|lovet|sportlovet|hostlovet|christmas|easter|the\\s+holidays|summer|new\\s+year)",
    "(?:i|in|during|under)\\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|february|march|may|june|july|august|october)(?!\\s*\\d)",
    // A week number we could not read ("vecka 53" in a year without one) is not a date to guess around.
    "(?:vecka|v\\.?|week)\\s*\\d{1,2}",
    "(?:i\\s+mellandagarna|mellandagarna|till\\s+varen|till\\s+hosten|in\\s+the\\s+spring|in\\s+the\\s+autumn)",
  ]
    .map((alternative) => `(?<![a-z0-9])(?:${alternative})(?![a-z0-9])`)
    .join("|"),
  "g",
);

function unplacedPhrase(folded: string, text: string, spans: readonly Span[]): string | undefined {
  for (const m of folded.matchAll(VAGUE_DATE)) {
    const covered = spans.some((s) => s.index <= m.index && s.index + s.length >= m.index + m[0].length);
    if (!covered) return text.slice(m.index, m.index + m[0].length);
  }
  return undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

export function extractDateTime(text: string, folded: string, options: ExtractOptions): DateTimeExtraction {
  const reference = chronoReference(wallClockAt(options.now, options.timeZone));
  const order: Array<[Chrono, Language]> =
    options.language === "sv"
      ? [
          [swedish, "sv"],
          [english, "en"],
        ]
      : [
          [english, "en"],
          [swedish, "sv"],
        ];

  let results: ParsedResult[] = [];
  for (const [parser, language] of order) {
    results = chronoParse(parser, text, reference, language);
    if (results.length > 0) break;
  }

  const result: DateTimeResult = {};
  const spans: Span[] = results.map((r) => ({ index: r.index, length: r.text.length }));
  const chosen = choose(results, text, options.prefer);
  if (chosen) {
    const start = toPoint(chosen.start, chosen.text, options.timeZone);
    if (start) {
      result.start = start.iso;
      result.matchedText = chosen.text;
      const read = chosen.end ? toPoint(chosen.end, chosen.text, options.timeZone) : undefined;
      const end = read && read.kind === start.kind && read.iso > start.iso ? read : undefined;
      if (end) result.end = end.iso;
      result.when = whenOf(start, end, options.timeZone);
      const s = chosen.start;
      if (s.isCertain("hour") && !s.isCertain("day") && !s.isCertain("weekday")) {
        result.time = `${pad2(s.get("hour") ?? 0)}:${pad2(s.get("minute") ?? 0)}`;
      }
    }
  }

  const vague = unplacedPhrase(folded, text, spans);
  if (vague) {
    delete result.start;
    delete result.end;
    delete result.when;
    delete result.time;
    result.unplacedDate = vague;
  }

  const duration = findDuration(folded);
  if (duration) {
    result.durationMinutes = duration.minutes;
    spans.push(duration);
    result.matchedText ??= text.slice(duration.index, duration.index + duration.length);
  }
  return { result, spans };
}
