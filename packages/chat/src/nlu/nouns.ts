import { matchesWord } from "./fuzzy";

/**
 * Dialogue and assignment nouns in all their inflections ("kvalitetsdialogerna", "uppdragen"),
 * tolerating one typo ("dialgo", "uppdarg").
 */

const DIALOGUE_FORMS = [
  "dialog",
  "dialogen",
  "dialoger",
  "dialogerna",
  "dialogue",
  "dialogues",
  "dialogs",
  "kvalitetsdialog",
  "kvalitetsdialogen",
  "kvalitetsdialoger",
  "kvalitetsdialogerna",
];
const MEETING_FORMS = ["mote", "motet", "moten", "motena", "meeting", "meetings", "bokning", "bokningen", "bokningar", "bokningarna", "booking", "bookings"];
const PLURAL_FORMS = new Set(["moten", "motena", "meetings", "bokningar", "bokningarna", "bookings"]);

export function isDialogueNoun(word: string): boolean {
  if (word.includes("dialog") || MEETING_FORMS.includes(word)) return true;
  return word.length >= 5 && matchesWord(word, DIALOGUE_FORMS);
}

export function isDialoguePlural(word: string): boolean {
  return isDialogueNoun(word) && (/(?:er|erna|ues|gs)$/.test(word) || PLURAL_FORMS.has(word));
}

const ASSIGNMENT_FORMS = ["uppdrag", "uppdraget", "uppdragen", "insats", "insatsen", "insatser", "insatserna", "assignment", "assignments"];
const ASSIGNMENT_PLURAL = new Set(["uppdrag", "uppdragen", "insatser", "insatserna", "assignments"]);

export function isAssignmentNoun(word: string): boolean {
  return word.startsWith("uppdrag") || (word.length >= 5 && matchesWord(word, ASSIGNMENT_FORMS));
}

export function isAssignmentPlural(word: string): boolean {
  return ASSIGNMENT_PLURAL.has(word);
}
