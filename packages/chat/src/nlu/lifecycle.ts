import type { Classification } from "./classify";

/**
 * The dialogue lifecycle's two intents, kept apart from the main classifier so they can
 * evolve on their own. Both read the folded text (lowercase, no å/ä/ö).
 *
 * - `dialogue.prepare`: "förbered dialogen med Borås kommun", "briefing inför mötet med X",
 *   "prepare the dialogue with X".
 * - `dialogue.record`: "dialogen med Borås kommun är genomförd", "skriv protokoll för dialogen
 *   med X", "record minutes for the dialogue with X".
 */
const PREPARE = /\b(forbered[a-z]*|forbereda|briefing|prepare|brief me)\b/;
const PREPARE_BEFORE = /\b(infor|before)\s+(dialog[a-z]*|motet|moten?|kvalitetsdialog[a-z]*|the (dialogue|meeting))\b/;
// "for 90 minutes" is a duration, not meeting minutes.
const RECORD =
  /\b(ar|var|blev|is|was)\s+(genomford|klar|avklarad|held|done)\b|\bgenomforde\b|\bprotokoll[a-z]*\b|\bminnesanteckning[a-z]*\b|\b(record|write)\s+(the\s+)?minutes\b|(?<!\d\s*|\b(?:a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty|sixty|ninety)\s+)\bminutes\b/;
const DIALOGUE_WORD = /\b(dialog[a-z]*|kvalitetsdialog[a-z]*|motet|mote|dialogue|meeting)\b/;
const ASSIGNMENT_WORD = /\bu-?\s?\d+\b|\buppdrag[a-z]*\b|\bassignments?\b/;

export function classifyLifecycle(folded: string): Classification | undefined {
  const prepare = PREPARE.exec(folded) ?? PREPARE_BEFORE.exec(folded);
  if (prepare && !ASSIGNMENT_WORD.test(folded)) return { intent: "dialogue.prepare", cueEnd: prepare.index + prepare[0].length };
  const record = RECORD.exec(folded);
  const noun = record ? DIALOGUE_WORD.exec(folded) : null;
  if (noun && !ASSIGNMENT_WORD.test(folded)) {
    return { intent: "dialogue.record", cueEnd: noun.index + noun[0].length };
  }
  return undefined;
}

const RECORD_TAIL = /\s+(är|ar|var|blev|is|was|has been)\s+(genomförd|genomford|klar|avklarad|held|done)\b.*$/i;

/** "Academedia var genomförd" → "Academedia": the organizer ends where the record phrase starts. */
export function trimRecordTail(organizer: string): string {
  const trimmed = organizer.replace(RECORD_TAIL, "").trim();
  return trimmed.length > 0 ? trimmed : organizer;
}
