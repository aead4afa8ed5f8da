import * as chrono from "chrono-node";
import type { Chrono, Refiner } from "chrono-node";
import { ClockWordsParser } from "./clock-words-parser";
import { DayFirstSlashParser } from "./day-first-slash-parser";
import { EnTypoDayParser } from "./en-typo-day-parser";
import { FourDigitTimeParser } from "./four-digit-time-parser";
import { OrdinalWeekdayParser } from "./ordinal-weekday-parser";
import { RelativeOffsetParser } from "./relative-offset-parser";
import { attachBareHour, dropNoise, forwardToNextOccurrence, mergeDateAndTime, preferOwnResults } from "./refiners";
import { SvOrdinalDateParser } from "./sv-ordinal-date-parser";
import { SvRelativeDayParser } from "./sv-relative-day-parser";
import { SvTimeParser } from "./sv-time-parser";
import { SvWeekdayParser } from "./sv-weekday-parser";
import { WeekNumberWeekdayParser } from "./week-number-weekday-parser";
import { WeekParser } from "./week-parser";

/**
 * chrono's final filter throws away results whose text is only digits and a dot, which is
 * exactly how Swedes write times ("09.00"). Our refiners therefore run just before it, so a
 * time is merged into its date ("24 nov 09.00") first. Found by name: chrono does not export it.
 */
function insertBeforeFinalFilter(refiners: Refiner[], ours: Refiner[]): void {
  const at = refiners.findIndex((r) => r.constructor.name === "UnlikelyFormatFilter");
  refiners.splice(at === -1 ? refiners.length : at, 0, ...ours);
}

/**
 * chrono's Swedish locale reads month names, weekdays, `3/12` (day first) and ISO dates, but no
 * clock times and no date+time merging. We extend it rather than replace it.
 */
function createSwedish(): Chrono {
  const sv = chrono.sv.casual.clone();
  sv.parsers.push(
    new SvTimeParser(),
    new SvRelativeDayParser(),
    new SvWeekdayParser(),
    new WeekParser(),
    new SvOrdinalDateParser(),
    new ClockWordsParser(),
    new FourDigitTimeParser(),
    new RelativeOffsetParser(),
    new OrdinalWeekdayParser(),
    new WeekNumberWeekdayParser(),
  );
  sv.refiners.unshift(preferOwnResults);
  insertBeforeFinalFilter(sv.refiners, [dropNoise, mergeDateAndTime, attachBareHour, forwardToNextOccurrence]);
  return sv;
}

/** English as our users write it: day before month ("3/12" is 3 December), weeks as ranges, forward in time. */
function createEnglish(): Chrono {
  const en = chrono.en.casual.clone();
  // Our week ranges and bare "10-11" ranges read the same in English.
  en.parsers.push(
    new DayFirstSlashParser(),
    new WeekParser(),
    new SvTimeParser(),
    new ClockWordsParser(),
    new FourDigitTimeParser(),
    new RelativeOffsetParser(),
    new OrdinalWeekdayParser(),
    new WeekNumberWeekdayParser(),
    new EnTypoDayParser(),
  );
  en.refiners.unshift(preferOwnResults);
  en.refiners.push(dropNoise);
  return en;
}

export const swedish = createSwedish();
export const english = createEnglish();
