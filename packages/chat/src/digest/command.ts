import type { DigestScope, LocalizedText } from "@samverkan/sdk";
import { escapeMarkup } from "../cards/markup";
import type { Locale } from "../cards/model";
import { t, type Messages } from "../i18n";
import { readDigestCommand } from "../nlu/digest-command";
import type { DigestProblem, ParseResult } from "../nlu/types";

/** What a `digest …` line asks for. Parsing is pure; the flow checks scope and schedule with the SDK. */
export type DigestCommand =
  | { kind: "help"; problem?: LocalizedText }
  | { kind: "list" }
  | { kind: "pause" | "resume" | "remove" | "preview"; ref?: string }
  | { kind: "create"; cron: string; scope: DigestScope; locale?: Locale; postWhenEmpty: boolean };

const problemText = (p: DigestProblem, m: Messages["digestCommand"]): string =>
  p.code === "when"
    ? m.didNotUnderstandWhen
    : p.code === "area"
      ? m.whichArea
      : p.code === "timeOfDay"
        ? m.notATimeOfDay(p.value)
        : m.unknownCounty(escapeMarkup(p.value));

/** The problem in both languages (the reader's locale is not known while parsing). */
const localized = (p: DigestProblem): LocalizedText => ({ sv: problemText(p, t("sv").digestCommand), en: problemText(p, t("en").digestCommand) });

/** The digest command a parse names, or undefined when the turn is about something else. */
export function digestCommandOf(parsed: Pick<ParseResult, "intent" | "entities">): DigestCommand | undefined {
  const e = parsed.entities;
  switch (parsed.intent) {
    case "help":
      return e.topic === "digest" ? { kind: "help" } : undefined;
    case "digest.list":
      return { kind: "list" };
    case "digest.create":
      if (e.digestProblem) return { kind: "help", problem: localized(e.digestProblem) };
      return e.digest ? { kind: "create", ...e.digest } : { kind: "help" };
    case "digest.pause":
    case "digest.resume":
    case "digest.remove":
    case "digest.preview": {
      const kind = parsed.intent.slice("digest.".length) as "pause" | "resume" | "remove" | "preview";
      return e.digestRef ? { kind, ref: e.digestRef } : { kind };
    }
    default:
      return undefined;
  }
}

/**
 * Reads `digest varje måndag 08:00 län 22`, `digest lista`, `digest pausa D-3` … Undefined when
 * the text is not a digest command. Kept for callers of the package; the engine reads digest
 * commands as intents of its one parse (`parseUtterance`).
 */
export function parseDigestCommand(input: string): DigestCommand | undefined {
  const reading = readDigestCommand(input);
  return reading ? digestCommandOf(reading) : undefined;
}
