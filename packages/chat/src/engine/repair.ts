import type { Locale } from "../cards/model";
import type { ParseResult } from "../nlu/types";
import type { Pending } from "./pending";
import { t } from "../i18n";

/**
 * Conversation repair: what a message means while a flow waits for an answer. Questions are
 * answered and the flow kept (with a line saying how to go back to it); a bare "ja" only
 * confirms when a confirmation was asked for.
 */

const QUESTIONS = new Set<ParseResult["intent"]>(["help", "dialogue.list", "assignment.list", "coverage.show", "organizer.show", "school.rank"]);
const SEARCH_COMMAND = /^\s*\/?(?:samverkan\s+)?(?:sök|sok|hitta|search|find|visa skola|show school)\b/i;

/** Whether the message is a question to answer on the side, keeping the pending flow. */
export function answerMidFlow(parsed: ParseResult, pending: Pending): boolean {
  if (QUESTIONS.has(parsed.intent)) return true;
  // "U-3" answers "which assignment?"; elsewhere it asks about that assignment.
  if (parsed.intent === "assignment.show") return pending.flow !== "progress";
  // A school code or name answers "with whom?" in a booking; a "sök …" is a question anywhere.
  if (parsed.intent === "school.search" || parsed.intent === "school.show") {
    return (
      SEARCH_COMMAND.test(parsed.text) &&
      !(pending.flow === "book" && pending.awaiting === "organizer" && !/^\s*(?:sök|sok|search|find|hitta)\b/i.test(parsed.text))
    );
  }
  return false;
}

/** How to go back to the flow we were in. */
export function resumeHint(pending: Pending, locale: Locale): string {
  const name = t(locale).repair.flowNames[pending.flow];
  return t(locale).repair.weAreStillInThe(name);
}
