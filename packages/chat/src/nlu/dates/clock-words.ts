/**
 * Clock hours as words, and the rule that turns a bare hour into office time: dialogues are
 * held 08–17, so an hour from 1 to 7 said without am/pm or a leading zero is the afternoon.
 */
/** One to twelve as words, Swedish (with and without diacritics) and English. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  ett: 1,
  en: 1,
  one: 1,
  tva: 2,
  två: 2,
  two: 2,
  tre: 3,
  three: 3,
  fyra: 4,
  four: 4,
  fem: 5,
  five: 5,
  sex: 6,
  six: 6,
  sju: 7,
  seven: 7,
  atta: 8,
  åtta: 8,
  eight: 8,
  nio: 9,
  nine: 9,
  tio: 10,
  ten: 10,
  elva: 11,
  eleven: 11,
  tolv: 12,
  twelve: 12,
};

export const HOUR_WORD_PATTERN = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");

export function hourFromWord(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (/^\d{1,2}$/.test(lower)) return Number(lower);
  return NUMBER_WORDS[lower];
}

/** 1–7 without a meridiem becomes 13–19; everything else is taken as written. */
export function officeHour(hour: number): number {
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
}
