import type { Span } from "../types";
import { NUMBER_WORDS } from "./clock-words";

/**
 * How long a meeting lasts: `i 90 minuter`, `i en timme`, `1,5 h`, `en och en halv timme`,
 * `en halvtimme`, `for 2 hours`. Runs on folded text (no diacritics, lowercase).
 * "om en timme" / "in 2 hours" say *when*, not how long, so they are skipped.
 */
// The clock's number words (the pattern below lets one to five through), and "a", "an", "half".
const WORD_NUMBERS: Readonly<Record<string, number>> = { ...NUMBER_WORDS, a: 1, an: 1, halv: 0.5, half: 0.5 };

const PATTERN =
  /(?<![\p{L}\p{N}])(?:(i|under|pa|for|lasting)\s+)?(?:(?:ca\.?|cirka|ungefar|about|around|approx\.?)\s+)?(\d{1,3}(?:[.,]\d{1,2})?|en|ett|tva|tre|fyra|fem|one|two|three|four|five|an?|half\s+an?|en\s+halv|halv)(\s+(?:och\s+en\s+halv|and\s+a\s+half))?\s*(timmar|timme|timmen|tim|h|hours?|hrs?|minuter|minut|min|minutes?|mins?)(?![\p{L}\p{N}])/giu;

// "en kvart" alone is also clock talk ("kvart över tio"), so a quarter needs "i"/"under" in front.
const HALF_HOUR = /(?<![\p{L}\p{N}])(i\s+|under\s+|for\s+)?(?:en\s+)?(halvtimme|halvtimma|kvart)(?![\p{L}\p{N}])/giu;

export interface DurationMatch extends Span {
  minutes: number;
}

function toNumber(text: string): number {
  const word = text.replace(/\s+/g, " ");
  if (word.startsWith("half")) return 0.5;
  if (word === "en halv") return 0.5;
  return WORD_NUMBERS[word] ?? Number(word.replace(",", "."));
}

export function findDuration(folded: string): DurationMatch | undefined {
  for (const m of folded.matchAll(PATTERN)) {
    const before = folded.slice(Math.max(0, m.index - 6), m.index);
    if (!m[1] && /(?:^|\s)(?:om|in|efter|after|within)\s+$/.test(before)) continue;
    const amount = toNumber(m[2] ?? "") + (m[3] ? 0.5 : 0);
    const unit = m[4] ?? "";
    const isHours = /^(?:t|h)/.test(unit);
    // "min" right after a number is minutes; without a number it is Swedish "my" and never gets here.
    const minutes = Math.round(isHours ? amount * 60 : amount);
    if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) continue;
    return { index: m.index, length: m[0].length, minutes };
  }
  for (const m of folded.matchAll(HALF_HOUR)) {
    const quarter = m[2] === "kvart";
    if (quarter && !m[1]) continue;
    return { index: m.index, length: m[0].length, minutes: quarter ? 15 : 30 };
  }
  return undefined;
}
