import { findAssignmentRef } from "./entities/assignment-ref";
import { findPercent } from "./entities/percent";
import { findPhase } from "./entities/phase";
import { findMetric, isRankRequest } from "./entities/rank";
import { findSchoolUnit } from "./entities/school-unit";
import { matchesWord } from "./fuzzy";
import * as lex from "./lexicon";
import { isAssignmentNoun, isAssignmentPlural, isDialogueNoun, isDialoguePlural } from "./nouns";
import type { IntentName } from "./types";
import type { Utterance } from "./utterance";
import { classifyLifecycle } from "./lifecycle";

export interface Classification {
  intent: IntentName;
  /** Character index just after the word that decided the intent ("boka", "sök"): content follows it. */
  cueEnd?: number;
}

/**
 * Rule-based, in order of how specific the signal is: a cancel verb beats a booking verb
 * ("avboka" contains "boka"), progress words beat rescheduling ("flytta U-3 till uppföljning"),
 * and help comes last so "hjälp mig boka en dialog" still books.
 */
export function classify(u: Utterance): Classification {
  const { tokens, folded, text } = u;
  if (!tokens.some((t) => /[a-z]/.test(t.word)) && !findSchoolUnit(text)) {
    return { intent: folded.trim() === "?" ? "help" : "unknown" };
  }

  const firstToken = (lexicon: readonly string[]) => tokens.find((t) => matchesWord(t.word, lexicon, t.name));
  const endOf = (t: { index: number; word: string } | undefined) => (t ? t.index + t.word.length : undefined);
  const phrase = (re: RegExp) => {
    const m = re.exec(folded);
    return m ? m.index + m[0].length : undefined;
  };

  const dialogueNoun = tokens.find((t) => isDialogueNoun(t.word));
  const dialoguePlural = tokens.some((t) => isDialoguePlural(t.word));
  const assignmentNoun = tokens.find((t) => isAssignmentNoun(t.word));
  const ref = findAssignmentRef(folded);
  const percent = findPercent(folded);
  const phase = findPhase(tokens, folded);

  const howTo = phrase(lex.HOW_TO);
  if (howTo !== undefined) return { intent: "help", cueEnd: howTo };

  const lifecycle = classifyLifecycle(folded);
  if (lifecycle) return lifecycle;

  const coverage = endOf(firstToken(lex.COVERAGE)) ?? phrase(lex.COVERAGE_PHRASES);
  if (coverage !== undefined) return { intent: "coverage.show", cueEnd: coverage };

  // Rankings name a measure or say "rangordna"/"topp"/"lägst" about schools.
  const schoolMention = tokens.some(
    (t) => matchesWord(t.word, lex.SCHOOL_NOUNS, t.name) || /^(?:gymnasieskol\w*|grundskol\w*|skolorna|skolenheterna)$/.test(t.word),
  );
  const metric = findMetric(folded);
  if (
    !dialogueNoun &&
    !ref &&
    ((metric && (isRankRequest(folded) || schoolMention)) ||
      (schoolMention && /(?<![a-z])(?:rangordna\w*|ranka\w*|rank|ranked|ranking|rankning\w*|topplista\w*)(?![a-z])/.test(folded)))
  ) {
    return { intent: "school.rank", cueEnd: metric?.index };
  }

  const cancel = endOf(firstToken(lex.CANCEL)) ?? phrase(lex.CANCEL_PHRASES) ?? (dialogueNoun ? phrase(lex.REMOVE_PHRASES) : undefined);
  if (cancel !== undefined) return { intent: "dialogue.cancel", cueEnd: cancel };

  const logCue = endOf(firstToken(lex.LOG_VERBS)) ?? endOf(firstToken(lex.PROGRESS_NOUNS)) ?? phrase(lex.LOG_PHRASES);
  const aboutAssignment = ref !== undefined || assignmentNoun !== undefined;
  // "mina uppdrag i genomförande" filters a list; a phase only reports progress for a named assignment.
  const progressFacts = percent !== undefined || (phase !== undefined && ref !== undefined);
  const statusQuestion = logCue === undefined && percent === undefined && phrase(lex.STATUS_QUESTION) !== undefined;
  if (ref && statusQuestion) return { intent: "assignment.show", cueEnd: ref.index + ref.length };
  if ((logCue !== undefined && (aboutAssignment || !dialogueNoun)) || (aboutAssignment && progressFacts)) {
    return { intent: "assignment.log_progress", cueEnd: logCue ?? ref?.index };
  }

  const reschedule = endOf(firstToken(lex.RESCHEDULE)) ?? phrase(lex.RESCHEDULE_PHRASES);
  if (reschedule !== undefined && (dialogueNoun || !aboutAssignment)) return { intent: "dialogue.reschedule", cueEnd: reschedule };

  const weakBook = firstToken(lex.WEAK_BOOK);
  const withWhom = weakBook && tokens.some((t) => t.index > weakBook.index && lex.ORGANIZER_MARKERS.includes(t.word));
  const book = endOf(firstToken(lex.BOOK)) ?? (dialogueNoun ? phrase(lex.BOOK_PHRASES) : undefined) ?? (withWhom ? endOf(weakBook) : undefined);
  if (book !== undefined && !aboutAssignment) return { intent: "dialogue.book", cueEnd: book };

  if (dialogueNoun && (dialoguePlural || firstToken(lex.LIST))) {
    return { intent: "dialogue.list", cueEnd: endOf(dialogueNoun) };
  }

  const organizerCue = lex.ORGANIZER_CUE.exec(folded);
  if (organizerCue && !aboutAssignment && !dialogueNoun) return { intent: "organizer.show", cueEnd: organizerCue.index + organizerCue[0].length };

  if (ref) return { intent: "assignment.show", cueEnd: ref.index + ref.length };
  if (assignmentNoun && (isAssignmentPlural(assignmentNoun.word) || firstToken(lex.LIST))) {
    return { intent: "assignment.list", cueEnd: endOf(assignmentNoun) };
  }

  const school = findSchoolUnit(text);
  if (school) return { intent: "school.show", cueEnd: school.index + school.length };

  const schoolWord = tokens.find((t) => matchesWord(t.word, lex.SCHOOL_NOUNS, t.name) || lex.SCHOOL_NAME.test(t.word));
  const search = endOf(firstToken(lex.SEARCH)) ?? phrase(lex.SEARCH_PHRASES) ?? (schoolWord ? endOf(firstToken(lex.WEAK_SEARCH)) : undefined);
  if (search !== undefined || schoolWord) return { intent: "school.search", cueEnd: search };

  const help = endOf(firstToken(lex.HELP)) ?? phrase(lex.HELP_PHRASES);
  if (help !== undefined) return { intent: "help", cueEnd: help };

  // "dialog med Borås kommun i morgon kl 10": no verb, but nothing else a dialogue with someone can mean.
  if (dialogueNoun && tokens.some((t) => t.index > dialogueNoun.index && lex.ORGANIZER_MARKERS.includes(t.word))) {
    return { intent: "dialogue.book", cueEnd: endOf(dialogueNoun) };
  }
  return { intent: "unknown" };
}
