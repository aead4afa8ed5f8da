/** Percentages and bars as staff read them, in the words of the locale's catalogue. */
import type { Locale } from "../cards/model";
import { t } from "../i18n";

/** Dates and times (`tor 3 dec 14:00–15:30`) come from the SDK's one time formatter. */
export { formatDateTime, formatDay, formatRange, formatStamp } from "@samverkan/sdk";

/** A ten-step bar for a share 0–1: ▰▰▰▱▱▱▱▱▱▱ */
export function bar(share: number): string {
  const filled = Math.max(0, Math.min(10, Math.round(share * 10)));
  return "▰".repeat(filled) + "▱".repeat(10 - filled);
}

export function percent(share: number, locale: Locale): string {
  const text = (share * 100).toFixed(1);
  return `${text.replace(".", t(locale).format.decimalMark)} %`;
}
