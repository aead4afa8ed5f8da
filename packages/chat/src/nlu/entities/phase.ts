import { PHASE_WORDS } from "@samverkan/sdk";
import { matchesWord } from "../fuzzy";
import type { Token } from "../text";
import type { Phase, Span } from "../types";

/**
 * Assignment phases. Phase words also occur in ordinary notes ("planering av elevhälsomöten",
 * "klar med kartläggningen"), so a word only counts as a phase when the sentence says so:
 * "fas genomförande", "sätt fas till uppföljning", "i genomförande", "planeringsfasen",
 * "implementation phase", "markera som klar".
 */
/** The SDK's phase words, in phase order. */
const WORDS = Object.entries(PHASE_WORDS) as ReadonlyArray<[Phase, readonly string[]]>;

// "avslutat." at the end of a report is a phase even without "fas"; "klar"/"done" never are on their own.
const SELF_EVIDENT_COMPLETED = new Set(["avslutad", "avslutat", "slutford", "slutfort", "completed", "finished"]);
const PHASE_NOUNS = new Set(["fas", "fasen", "phase", "stage", "status", "statusen", "steg", "steget"]);
const COPULA = new Set(["ar", "is", "blev", "was", "nu", "now"]);
const TO_WORDS = new Set(["till", "to", "som", "as", "into"]);
const IN_WORDS = new Set(["i", "in"]);
// Words that introduce a phase change; swallowed with the phase so they do not end up in the note.
const LEAD_IN = new Set([
  ...PHASE_NOUNS,
  ...TO_WORDS,
  ...IN_WORDS,
  "satt",
  "satta",
  "set",
  "andra",
  "change",
  "byt",
  "byta",
  "markera",
  "mark",
  "ny",
  "new",
  "nu",
  "now",
  "ar",
  "is",
  "gar",
  "over",
  "moved",
  "flyttad",
  "flytta",
  "har",
  "gatt",
]);

export interface PhaseMatch extends Span {
  phase: Phase;
}

function lookup(word: string): Phase | undefined {
  for (const [phase, words] of WORDS) {
    if (words.includes(word)) return phase;
  }
  // Typos in the long words only ("genomforand", "uppfoljnig"); short ones like "klar" must be exact.
  for (const [phase, words] of WORDS) {
    if (
      phase !== "completed" &&
      words.some((w) => w.length >= 8) &&
      matchesWord(
        word,
        words.filter((w) => w.length >= 8),
      )
    )
      return phase;
  }
  return undefined;
}

/** Two-token spellings: "start-up", "start up", "follow-up", "follow up". */
function twoWordPhase(a: string, b: string | undefined): Phase | undefined {
  if (b !== "up") return undefined;
  if (a === "start") return "startUp";
  if (a === "follow") return "followUp";
  return undefined;
}

export function findPhase(tokens: readonly Token[], folded: string): PhaseMatch | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const two = twoWordPhase(token.word, tokens[i + 1]?.word);
    const phase = two ?? lookup(token.word);
    if (!phase) continue;
    const last = two ? (tokens[i + 1] ?? token) : token;
    const prev = tokens[i - 1]?.word;
    const prev2 = tokens[i - 2]?.word;
    const next = tokens[two ? i + 2 : i + 1];

    const namedPhase =
      (prev !== undefined && PHASE_NOUNS.has(prev)) || (prev2 !== undefined && PHASE_NOUNS.has(prev2) && prev !== undefined && TO_WORDS.has(prev));
    const toPhase = prev !== undefined && TO_WORDS.has(prev);
    const inPhase = prev !== undefined && IN_WORDS.has(prev);
    const compound = /fas(en)?$/.test(token.word);
    const phaseAfter = next !== undefined && PHASE_NOUNS.has(next.word) && next.word !== "status";
    const endsClause = !next || /[.,;!?]/.test(folded.slice(last.index + last.word.length, next.index));

    // "U-8 done", "uppdrag 9: klart": the word right after an assignment number (but not "60% klar").
    const afterRef = prev !== undefined && /^\d+$/.test(prev) && /^[\s:–-]*$/.test(folded.slice((tokens[i - 1]?.index ?? 0) + prev.length, token.index));
    const accepted =
      phase === "completed"
        ? namedPhase || toPhase || (endsClause && (SELF_EVIDENT_COMPLETED.has(token.word) || afterRef || (prev !== undefined && COPULA.has(prev))))
        : namedPhase || toPhase || inPhase || compound || phaseAfter;
    if (!accepted) continue;

    let from = i;
    while (from > 0 && LEAD_IN.has(tokens[from - 1]?.word ?? "") && i - from < 4) from--;
    const endToken = phaseAfter && next ? next : last;
    const start = tokens[from]?.index ?? token.index;
    return { phase, index: start, length: endToken.index + endToken.word.length - start };
  }
  return undefined;
}
