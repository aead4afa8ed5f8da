import type { Locale } from "@samverkan/sdk";
import { en } from "./en";
import { sv, type Messages } from "./sv";

export type { Messages } from "./sv";

const CATALOGUES: Readonly<Record<Locale, Messages>> = { sv, en };

/**
 * The CLI's message catalogue for a locale (`t(locale).dialogues.noUpcoming`): every line the
 * commands print. The chat's own sentences live in @samverkan/chat's catalogue.
 */
/** Whether a word names a language there is a catalogue for (`sv`, `en`). */
export function isLocale(text: string | undefined): text is Locale {
  return text !== undefined && Object.hasOwn(CATALOGUES, text);
}

export function t(locale: Locale): Messages {
  return CATALOGUES[locale];
}
