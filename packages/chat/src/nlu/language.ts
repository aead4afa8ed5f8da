import type { Language } from "./types";
import type { Token } from "./text";
import { toUtterance } from "./utterance";

/**
 * Swedish unless the message reads as English. Staff write Swedish by default, so a tie,
 * or a message with no telling words at all ("39907811"), is Swedish.
 */
const SWEDISH = new Set([
  "och",
  "med",
  "att",
  "det",
  "jag",
  "vi",
  "mina",
  "min",
  "mitt",
  "visa",
  "boka",
  "bok",
  "avboka",
  "flytta",
  "sok",
  "hitta",
  "skola",
  "skolan",
  "skolor",
  "dialog",
  "dialogen",
  "dialoger",
  "kvalitetsdialog",
  "uppdrag",
  "uppdraget",
  "framsteg",
  "logga",
  "hjalp",
  "tackning",
  "imorgon",
  "morgon",
  "kl",
  "klockan",
  "den",
  "pa",
  "till",
  "for",
  "om",
  "nasta",
  "vecka",
  "idag",
  "fredag",
  "mandag",
  "tisdag",
  "onsdag",
  "torsdag",
  "procent",
  "klar",
  "fas",
  "hos",
  "efter",
  "lista",
  "alla",
  "kommande",
  "digitalt",
  "ar",
  "har",
  "kan",
  "du",
  "en",
  "ett",
  "som",
  "inte",
  "tack",
  "huvudman",
  "huvudmannen",
  "avbok",
  "ombok",
  "ställ",
  "stall",
  "in",
]);

const ENGLISH = new Set([
  "the",
  "a",
  "an",
  "with",
  "and",
  "book",
  "show",
  "my",
  "list",
  "search",
  "find",
  "school",
  "schools",
  "dialogue",
  "dialogues",
  "dialog",
  "meeting",
  "assignment",
  "assignments",
  "progress",
  "log",
  "help",
  "coverage",
  "tomorrow",
  "today",
  "at",
  "on",
  "next",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "percent",
  "done",
  "phase",
  "cancel",
  "reschedule",
  "move",
  "to",
  "for",
  "please",
  "what",
  "can",
  "you",
  "i",
  "me",
  "is",
  "of",
  "in",
  "hours",
  "hour",
  "minutes",
  "upcoming",
  "all",
  "set",
  "up",
  "look",
  "schedule",
]);

export function detectLanguage(tokens: readonly Token[], text: string): Language {
  let sv = 0;
  let en = 0;
  for (const { word, index, name } of tokens) {
    // Names ("Borås kommun", "Internationella Engelska Skolan") say nothing about the writer's language.
    if (name) continue;
    if (/[åäö]/i.test(text.slice(index, index + word.length))) sv++;
    // Words both languages share ("for", "in", "dialog") count for neither.
    const inSv = SWEDISH.has(word);
    const inEn = ENGLISH.has(word);
    if (inSv && !inEn) sv++;
    if (inEn && !inSv) en++;
  }
  return en > sv ? "en" : "sv";
}

/**
 * The language a message is clearly written in, or undefined when it could be either: at least
 * two telling words of one language and none of the other (issue #11: answer in that language).
 */
export function clearLanguage(text: string): Language | undefined {
  const u = toUtterance(text);
  let sv = 0;
  let en = 0;
  for (const { word, index, name } of u.tokens) {
    if (name) continue;
    if (/[åäö]/i.test(u.text.slice(index, index + word.length))) sv++;
    const inSv = SWEDISH.has(word);
    const inEn = ENGLISH.has(word);
    if (inSv && !inEn) sv++;
    if (inEn && !inSv) en++;
  }
  if (sv >= 2 && en === 0) return "sv";
  if (en >= 2 && sv === 0) return "en";
  return undefined;
}
