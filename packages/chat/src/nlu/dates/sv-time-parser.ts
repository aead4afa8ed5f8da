import type { Parser, ParsingContext, ParsingResult } from "chrono-node";
import { boundaryBefore } from "./words";

/**
 * Swedish clock times, which chrono's sv locale does not parse at all:
 * `kl 10`, `kl. 13.30`, `klockan 9`, `14:00`, `13.30`, `kl 10-11`, `10:00–11:30`,
 * `mellan 10 och 12`, `halv tio`-style `kl halv 10` (09:30), `kl 2 em`.
 */
const PATTERN = new RegExp(
  "(mellan\\s+|fr[åa]n\\s+)?" +
    "(kl(?:ockan)?\\.?\\s*)?" +
    "(halv\\s+)?" +
    "(\\d{1,2})(?:([:.])(\\d{2}))?" +
    "(?:\\s*(fm|em|f\\.m\\.|e\\.m\\.))?" +
    "(?:\\s*(-|–|—|till|och)\\s*(?:kl(?:ockan)?\\.?\\s*)?(\\d{1,2})(?:[:.](\\d{2}))?(?:\\s*(fm|em|f\\.m\\.|e\\.m\\.))?)?" +
    "(?![\\p{L}\\p{N}%/]|[.:,]\\d)",
  "iu",
);

interface Clock {
  hour: number;
  minute: number;
}

function toClock(hourText: string, minuteText: string | undefined, meridiem: string | undefined, afternoonGuess: boolean): Clock | null {
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const pm = meridiem !== undefined && meridiem.toLowerCase().startsWith("e");
  if (pm && hour < 12) hour += 12;
  // Dialogues are held 08–17: a bare "kl 3" is 15:00 (1–7 are afternoon hours). A leading zero ("03:00") is taken literally.
  if (!meridiem && afternoonGuess && hourText.length === 1 && hour >= 1 && hour <= 7) hour += 12;
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

export class SvTimeParser implements Parser {
  pattern(): RegExp {
    return PATTERN;
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const index = match.index ?? 0;
    if (!boundaryBefore(context.text, index)) return null;
    // A number glued to a slash or dash before it belongs to a date ("3/12 10", "2026-12-03").
    if (/[\d][/-]$/.test(context.text.slice(Math.max(0, index - 2), index))) return null;

    const [, between, kl, halv, hourText = "", separator, minuteText, meridiem, rangeWord, endHourText, endMinuteText, endMeridiem] = match;
    // "kl", "halv" or "mellan … och …" say that a number is a clock time.
    const explicit = kl !== undefined || halv !== undefined || (between !== undefined && endHourText !== undefined);
    // Without "kl" only a real clock face counts: "14:00", "9.30" — not "60" or the "3.12" of a date.
    // A bare "10-11" after a date is a meeting slot, so whole-hour ranges in office hours count too.
    const officeRange = endHourText !== undefined && /^[-–—]$/.test(rangeWord ?? "") && Number(hourText) >= 7 && Number(hourText) <= 20;
    if (!explicit && minuteText === undefined && !officeRange) return null;
    if (!explicit && separator === "." && Number(minuteText) % 5 !== 0) return null;
    if (halv !== undefined && minuteText !== undefined) return null;
    if (rangeWord?.toLowerCase() === "och" && between?.toLowerCase().startsWith("mellan") !== true) return null;

    let start = toClock(hourText, minuteText, meridiem, explicit);
    if (!start) return null;
    if (halv !== undefined) start = { hour: (start.hour + 23) % 24, minute: 30 };

    let text = match[0];
    let end: Clock | null = null;
    if (endHourText !== undefined) {
      end = toClock(endHourText, endMinuteText, endMeridiem ?? meridiem, explicit);
      if (end && end.hour * 60 + end.minute <= start.hour * 60 + start.minute && end.hour + 12 <= 23) {
        end = { hour: end.hour + 12, minute: end.minute };
      }
      if (!end || end.hour * 60 + end.minute <= start.hour * 60 + start.minute) {
        // Not a real range: keep only the start time, so the rest of the text stays available.
        end = null;
        const cut = text.search(/\s*(?:-|–|—|till|och)\s*(?:kl(?:ockan)?\.?\s*)?\d{1,2}(?:[:.]\d{2})?(?:\s*(?:fm|em|f\.m\.|e\.m\.))?$/i);
        if (cut > 0) text = text.slice(0, cut);
      }
    }

    const result = context.createParsingResult(index, text, { hour: start.hour, minute: start.minute });
    if (end) result.end = context.createParsingComponents({ hour: end.hour, minute: end.minute });
    return result.addTag("samverkan/time");
  }
}
