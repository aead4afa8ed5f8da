import * as lex from "../lexicon";
import { matchesWord } from "../fuzzy";
import { tidy } from "../text";
import type { Span } from "../types";
import type { Utterance } from "../utterance";
import { removeSpans } from "./spans";

/**
 * The free-text part of a progress report: what is left once the command, the assignment
 * reference, the percentage and the phase are taken out. A quoted passage wins outright.
 */
const QUOTED = /["“”„«»]([^"“”„«»]{1,1000})["“”„«»]|(?:^|\s)'([^']{1,1000})'(?=[\s.,!?]|$)/u;

const LEADING_FILLER = new Set([
  "framsteg",
  "progress",
  "pa",
  "for",
  "on",
  "i",
  "in",
  "till",
  "to",
  "uppdrag",
  "uppdraget",
  "assignment",
  "och",
  "and",
  "flytta",
  "flyttas",
  "move",
  "moved",
  "satt",
  "set",
  "andra",
  "change",
  "markera",
  "mark",
  "note",
  "notering",
  "uppdatering",
  "statusuppdatering",
  "update",
  "status",
  "att",
  "that",
  "anteckning",
  "kommentar",
  "comment",
  "ny",
  "new",
  "med",
  "with",
  "of",
  "om",
  "about",
  "fas",
  "phase",
]);
// Leftovers that carry no information on their own ("U-12 60% klart" has no note).
const EMPTY_NOTES = new Set(["klar", "klart", "done", "complete", "completed", "avklarat", "fardigt", "nu", "now", "har", "ar", "is"]);

export function findNote(u: Utterance, consumed: readonly Span[]): string | undefined {
  const quoted = QUOTED.exec(u.text);
  const inQuotes = tidy(quoted?.[1] ?? quoted?.[2] ?? "");
  if (inQuotes) return inQuotes;

  let region = removeSpans(u.text, consumed);
  let folded = removeSpans(u.folded, consumed);
  for (;;) {
    const m = /^[\s,:;.\-–—]*([a-z0-9]+)\b[\s,:;.\-–—]*/.exec(folded);
    const word = m?.[1];
    if (!m || !word) break;
    const isCommand = matchesWord(word, lex.LOG_VERBS) || matchesWord(word, lex.PROGRESS_NOUNS);
    if (!isCommand && !LEADING_FILLER.has(word)) break;
    region = region.slice(m[0].length);
    folded = folded.slice(m[0].length);
  }
  const note = tidy(region);
  const words = note.toLowerCase().split(/\s+/);
  if (!/\p{L}/u.test(note) || words.every((w) => EMPTY_NOTES.has(w))) return undefined;
  return note.slice(0, 1000);
}
