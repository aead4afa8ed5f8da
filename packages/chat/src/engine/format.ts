/** Dates, percentages and bars as staff read them, in the words of the locale's catalogue. */
import type { Locale } from "../cards/model";
import { t } from "../i18n";

/** `tor 3 dec 14:00–15:30` from two ISO instants with offset (already in Swedish time). */
export function formatRange(start: string, end: string, locale: Locale): string {
  return `${formatDay(start, locale)} ${start.slice(11, 16)}–${end.slice(11, 16)}`;
}

export function formatDay(iso: string, locale: Locale): string {
  const [y = NaN, m = NaN, d = NaN] = iso.slice(0, 10).split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const format = t(locale).format;
  return `${format.weekdaysShort[weekday]} ${d} ${format.monthsShort[m - 1]}`;
}

export function formatDateTime(iso: string, locale: Locale): string {
  return `${formatDay(iso, locale)} ${iso.slice(11, 16)}`;
}

/** A ten-step bar for a share 0–1: ▰▰▰▱▱▱▱▱▱▱ */
export function bar(share: number): string {
  const filled = Math.max(0, Math.min(10, Math.round(share * 10)));
  return "▰".repeat(filled) + "▱".repeat(10 - filled);
}

export function percent(share: number, locale: Locale): string {
  const text = (share * 100).toFixed(1);
  return `${text.replace(".", t(locale).format.decimalMark)} %`;
}
