import type { ParsingComponents, ParsingContext, ParsingResult, Refiner } from "chrono-node";
import { addDays, civilFromLocal, compareCivil, isoWeekday, type CivilDate } from "./civil";

/** Our results carry this tag prefix, so refiners can tell them from chrono's own. */
export const OWN_TAG = "samverkan/";

const isOwn = (r: ParsingResult): boolean => [...r.tags()].some((t) => t.startsWith(OWN_TAG));
const end = (r: ParsingResult): number => r.index + r.text.length;

/**
 * When one of our parsers read the same words as a built-in one, ours wins: the built-in
 * sv parser matches `övermorgon` but leaves it on today's date, and reads no week numbers.
 */
export const preferOwnResults: Refiner = {
  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const own = results.filter(isOwn);
    return results.filter((r) => isOwn(r) || !own.some((o) => o.index <= r.index && end(o) >= end(r)));
  },
};

const LONE_ABBREVIATION = /^(?:p[åa]\s+)?(?:to|on|må|ti|fr|lö|so|sö)$/i;

/**
 * Drop matches that are words, not dates, in our users' messages: "nu" ("är nu klart"),
 * two-letter weekday abbreviations ("on", "to"), a bare month ("may"), and "for 2 hours",
 * which is a duration (read separately), not a point in time.
 */
export const dropNoise: Refiner = {
  refine(_context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((r) => {
      const text = r.text.trim();
      if (/^(?:nu|now|just\s+nu|right\s+now)$/i.test(text)) return false;
      if (LONE_ABBREVIATION.test(text)) return false;
      if (/^for\s/i.test(text) && r.tags().has("result/relativeDate")) return false;
      const s = r.start;
      const dayless = !s.isCertain("day") && !s.isCertain("weekday") && !s.isCertain("hour");
      if (dayless && s.isCertain("month") && !r.tags().has("result/relativeDate")) return false;
      return true;
    });
  },
};

const MERGE_GAP = /^[\s,]*(?:(?:på|pa|den|vid|runt|omkring|ca\.?|cirka|gärna|garna|helst|at|around|@)[\s,]+)*$/i;

const hasTime = (c: ParsingComponents): boolean => c.isCertain("hour");
const isDate = (r: ParsingResult): boolean => !r.start.isOnlyTime() && !hasTime(r.start) && !r.end && !r.tags().has("samverkan/weekRange");
const isTime = (r: ParsingResult): boolean => r.start.isOnlyTime() && hasTime(r.start);

function withClock(date: ParsingComponents, clock: ParsingComponents): ParsingComponents {
  const merged = date.clone();
  merged.assign("hour", clock.get("hour") ?? 0);
  merged.assign("minute", clock.get("minute") ?? 0);
  merged.assign("second", 0);
  for (const tag of clock.tags()) merged.addTag(tag);
  return merged;
}

/** chrono's sv locale has no date+time merging: join "imorgon" + "kl 10", or "kl 10" + "på fredag". */
export const mergeDateAndTime: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const out: ParsingResult[] = [];
    for (let i = 0; i < results.length; i++) {
      const a = results[i];
      const b = results[i + 1];
      if (!a) continue;
      if (b && MERGE_GAP.test(context.text.slice(end(a), b.index))) {
        const pair = isDate(a) && isTime(b) ? [a, b] : isTime(a) && isDate(b) ? [b, a] : undefined;
        const [date, time] = pair ?? [];
        if (date && time) {
          const merged = context.createParsingResult(a.index, end(b), withClock(date.start, time.start));
          if (time.end) merged.end = withClock(date.start, time.end);
          merged.addTags(date.tags());
          out.push(merged);
          i++;
          continue;
        }
      }
      out.push(a);
    }
    return out;
  },
};

// "torsdag 10": a bare whole hour right after a date. Only office hours, and not "10 deltagare".
const BARE_HOUR =
  /^\s*,?\s*(\d{1,2})(?![\p{L}\p{N}%:./-]|\s*(?:personer|pers|deltagare|st|stycken|people|participants|min|minuter|timmar|tim|h|hours?|minutes?|procent|percent)(?![\p{L}]))/u;

/** Swedes often drop "kl": "boka torsdag 10". Attach such an hour to the date before it. */
export const attachBareHour: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.map((r) => {
      if (!isDate(r)) return r;
      const m = BARE_HOUR.exec(context.text.slice(end(r)));
      const hour = Number(m?.[1]);
      if (!m || hour < 7 || hour > 20) return r;
      const merged = context.createParsingResult(r.index, end(r) + m[0].length, r.start.clone());
      merged.start.assign("hour", hour).assign("minute", 0).assign("second", 0);
      merged.addTags(r.tags());
      return merged;
    });
  },
};

const MODIFIER = /\b(?:n[äa]sta|kommande|f[öo]rra|senaste|denna|vecka|v\.?\s*\d)/i;

function civilOf(c: ParsingComponents): CivilDate {
  return { year: c.get("year") ?? 0, month: c.get("month") ?? 1, day: c.get("day") ?? 1 };
}

function implyDate(c: ParsingComponents | undefined, d: CivilDate): void {
  c?.imply("year", d.year).imply("month", d.month).imply("day", d.day);
}

/**
 * Swedish users mean the next occurrence: "på torsdag" is the coming Thursday (next week's when
 * it is Thursday and the time has passed), "3/12" or "24 nov" without a year is never in the
 * past, and a bare "kl 14" is today if still ahead, otherwise tomorrow.
 */
export const forwardToNextOccurrence: Refiner = {
  refine(context: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const today = civilFromLocal(context.refDate);
    const nowMinutes = context.refDate.getHours() * 60 + context.refDate.getMinutes();
    const passed = (c: ParsingComponents): boolean => hasTime(c) && (c.get("hour") ?? 0) * 60 + (c.get("minute") ?? 0) <= nowMinutes;

    for (const r of results) {
      const s = r.start;
      if (s.isOnlyWeekdayComponent() && !MODIFIER.test(r.text)) {
        const weekday = s.get("weekday") ?? 0;
        let days = ((weekday === 0 ? 7 : weekday) - isoWeekday(today) + 7) % 7;
        if (days === 0 && passed(s)) days = 7;
        implyDate(s, addDays(today, days));
        implyDate(r.end, addDays(today, days));
      } else if (s.isCertain("month") && !s.isCertain("year") && compareCivil(civilOf(s), today) < 0) {
        s.imply("year", (s.get("year") ?? today.year) + 1);
        if (r.end && !r.end.isCertain("year")) r.end.imply("year", (r.end.get("year") ?? today.year) + 1);
      } else if (s.isOnlyTime()) {
        const day = passed(s) ? addDays(today, 1) : today;
        implyDate(s, day);
        implyDate(r.end, day);
      }
    }
    return results;
  },
};
