import * as lex from "../lexicon";
import { isDialogueNoun } from "../nouns";
import { tidy, type Token } from "../text";
import type { Span } from "../types";
import type { Utterance } from "../utterance";
import { spanEnd } from "./spans";

/**
 * Who the dialogue is with, as the user wrote it: the words after "med"/"with"/"hos"/"för"
 * (or, without one, after the verb or the word "dialog"), up to where the date, the place,
 * the format or the topic begins.
 */

// Where a name ends: a date word, a preposition starting the next phrase, punctuation.
const STOP =
  /\s(?:kl|klockan|den|pa|i(?!\s+(?:sverige|norden|norr|syd|vast|ost)\b)|om|forsta|sista|halv|kvart|efter|innan|fore|after|before|en\s+(?:vecka|dag|timme|manad)|ett\s+par|angaende|ang|gallande|kring|rorande|via|till|fran|at|on|in|about|regarding|concerning|to|from|next|this|nasta|kommande|imorgon|idag|tomorrow|tomm?orr?ow|tmrw|today|the\s+day\s+after|the\s+first|the\s+last|half\s+past|quarter|digitalt|online|eftersom|because|nar|when|istallet|instead|for\s+att|och\s+(?:ta|ha|prata|diskutera|ga)|to\s+discuss|mellan|between|v|vecka|week|senast|by|nagon\s+gang|sometime|snarast|asap|samma|behover|maste|ska|skall|kan|bor|blir|ar|needs|need|must|should|has|have|is|will)(?![\p{L}\p{N}])|[,;!?()"“”]|\.(?:\s|$)|\s[-–—]\s/u;

const LEADING_FILLER = new Set([
  "in",
  "en",
  "ett",
  "a",
  "an",
  "the",
  "ny",
  "new",
  "var",
  "our",
  "min",
  "my",
  "mitt",
  "kvalitetsdialog",
  "dialog",
  "dialogue",
  "quality",
  "med",
  "with",
  "hos",
  "for",
  "mote",
  "meeting",
  "ett",
  "till",
  "dialogen",
  "motet",
]);
const TRAILING_FILLER = /(?:\s+(?:tack|please|pls|plz|igen|again|snarast|asap|tx|thanks|for|för|on|at|till|to|på|i|in|den|om|med|with|från|from|och|and))+$/i;
// "the Vasaskolan dialogue", "Academedia-dialogen": the name is what comes before the noun.
const TRAILING_NOUN = /[\s-]+(?:kvalitets)?(?:dialog\p{L}*|dialogue|meeting|mötet|möte)$/iu;
const NOT_A_NAME = new Set(["mig", "me", "oss", "us", "dem", "them", "den", "det", "it", "dig", "you", "honom", "henne", "alla", "all"]);

export interface OrganizerOptions {
  /** Index just after the intent's verb; the name comes after it. */
  cueEnd?: number;
  /** Dates, durations, places and formats already read: the name stops at the first one. */
  stops: readonly Span[];
  /** Listing needs an explicit "med"/"with"; "mina dialoger nästa vecka" names nobody. */
  requireMarker: boolean;
}

/** Candidate places where the name may begin, best first. */
function regionStarts(u: Utterance, options: OrganizerOptions): number[] {
  const from = options.cueEnd ?? 0;
  const after = u.tokens.filter((t) => t.index >= from);
  const isMarker = (t: Token) => lex.ORGANIZER_MARKERS.includes(t.word);
  const starts = after.filter(isMarker).map((t) => t.index + t.word.length);
  // "dialogen med Vasaskolan behöver flyttas": the name may also come before the verb.
  starts.push(...u.tokens.filter((t) => t.index < from && isMarker(t)).map((t) => t.index + t.word.length));
  if (options.requireMarker) return starts;
  const noun = after.find((t) => isDialogueNoun(t.word));
  if (noun) starts.push(noun.index + noun.word.length);
  if (options.cueEnd !== undefined) starts.push(options.cueEnd);
  return starts;
}

function regionEnd(u: Utterance, start: number, stops: readonly Span[], cueEnd: number | undefined): number {
  let end = u.text.length;
  // A name found before the verb ends where the verb begins.
  if (cueEnd !== undefined && start < cueEnd) {
    const cue = [...u.tokens].reverse().find((t) => t.index < cueEnd);
    if (cue && cue.index > start) end = cue.index;
  }
  for (const s of stops) {
    if (s.index >= start && s.index < end) end = s.index;
    else if (s.index < start && spanEnd(s) > start) return start;
  }
  const region = u.folded.slice(start, end);
  // Skip the punctuation of "m. Nacka kommun" before looking for where the name ends.
  const lead = /^[\s.,:;/-]*/.exec(region)?.[0].length ?? 0;
  // STOP looks for a word after a space; the padding lets it match the region's first word too.
  const stop = STOP.exec(` ${region.slice(lead)}`);
  return stop ? start + lead + Math.max(0, stop.index - 1) : end;
}

function nameAt(u: Utterance, start: number, options: OrganizerOptions): string | undefined {
  let region = u.text.slice(start, regionEnd(u, start, options.stops, options.cueEnd));
  let folded = u.folded.slice(start, start + region.length);
  // Peel "in en kvalitetsdialog med" and similar off the front, one word at a time.
  for (;;) {
    const m = /^\s*([a-z]+)\b\s*/.exec(folded);
    if (!m?.[1] || !LEADING_FILLER.has(m[1])) break;
    region = region.slice(m[0].length);
    folded = folded.slice(m[0].length);
  }
  const name = tidy(tidy(region).replace(TRAILING_FILLER, "").replace(TRAILING_NOUN, ""));
  if (!/\p{L}/u.test(name) || NOT_A_NAME.has(name.toLowerCase()) || name.length > 120) return undefined;
  return name;
}

export function findOrganizer(u: Utterance, options: OrganizerOptions): string | undefined {
  for (const start of regionStarts(u, options)) {
    const name = nameAt(u, start, options);
    if (name) return name;
  }
  return undefined;
}
