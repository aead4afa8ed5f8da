import type { Locale } from "../cards/model";
import { en } from "./en";
import { sv, type Messages } from "./sv";

export type { Messages } from "./sv";

const CATALOGUES: Readonly<Record<Locale, Messages>> = { sv, en };

/**
 * The message catalogue for a locale: every sentence the bot says, by section
 * (`t(locale).book.booked`, `t(locale).coverage.summary({ met, goal })`). This is the one place
 * where text depends on the language; flows never choose between Swedish and English inline.
 */
export function t(locale: Locale): Messages {
  return CATALOGUES[locale];
}
