/** Swedish and English calendar words, with the spellings people use when å/ä/ö are missing. */

export const WEEKDAY_PATTERN = "m[åa]ndag|tisdag|onsdag|torsdag|fredag|l[öo]rdag|s[öo]ndag";

/** ISO weekday (Monday 1) from a Swedish weekday name, any spelling. */
export function isoWeekdayFromName(name: string): number | undefined {
  const n = name.toLowerCase().replace(/[åä]/g, "a").replace(/ö/g, "o");
  const order = ["mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag"];
  const at = order.findIndex((day) => n.startsWith(day));
  return at === -1 ? undefined : at + 1;
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

export function monthFromName(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(/\.$/, "")];
}

/** Letters and digits: what a word boundary must not touch. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

export function boundaryBefore(text: string, index: number): boolean {
  const before = text[index - 1];
  return before === undefined || !WORD_CHAR.test(before);
}

/** Weekdays in both languages (Swedish in any spelling), for parsers shared by the two locales. */
export const ANY_WEEKDAY_PATTERN = `${WEEKDAY_PATTERN}|monday|tuesday|wednesday|thursday|friday|saturday|sunday`;

export function isoWeekdayFromAnyName(name: string): number | undefined {
  const english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].indexOf(name.toLowerCase());
  return english === -1 ? isoWeekdayFromName(name) : english + 1;
}

const ENGLISH_MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  october: 10,
  oct: 10,
};

export const ANY_MONTH_PATTERN = [...Object.keys(MONTHS), ...Object.keys(ENGLISH_MONTHS)].sort((a, b) => b.length - a.length).join("|");

export function monthFromAnyName(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, "");
  return MONTHS[key] ?? ENGLISH_MONTHS[key];
}
