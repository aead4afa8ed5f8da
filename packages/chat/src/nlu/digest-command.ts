import { COUNTIES, type DigestScope, foldSwedish } from "@samverkan/sdk";
import { matchesWord } from "./fuzzy";
import type { DigestProblem, Entities, IntentName, Language } from "./types";

/**
 * The `digest …` grammar (issue #16: digest commands are intents of the NLU, read in the same
 * parse as everything else). `digest varje måndag 08:00 län 22`, `digest every friday 14:00
 * office Göteborg`, `digest lista`, `digest pausa D-3` … optionally after `/samverkan`.
 */
export interface DigestReading {
  intent: Extract<IntentName, `digest.${string}` | "help">;
  entities: Entities;
}

const DAYS: Array<[RegExp, string]> = [
  [/^(måndag|mandag|mån|man|monday|mon)(ar|s)?$/, "1"],
  [/^(tisdag|tis|tuesday|tue|tues)(ar|s)?$/, "2"],
  [/^(onsdag|ons|wednesday|wed)(ar|s)?$/, "3"],
  [/^(torsdag|tors|tor|thursday|thu|thurs)(ar|s)?$/, "4"],
  [/^(fredag|fre|friday|fri)(ar|s)?$/, "5"],
  [/^(lördag|lordag|lör|lor|saturday|sat)(ar|s)?$/, "6"],
  [/^(söndag|sondag|sön|son|sunday|sun)(ar|s)?$/, "0"],
  [/^(vardag|weekday)(ar|s)?$/, "1-5"],
  [/^(dag|day|dagligen|daily)$/, "*"],
];

const COUNTRY = /^(hela landet|landet|hela sverige|sverige|nationellt|riket|country|the whole country|whole country|all of sweden|sweden|nationwide|national)$/;
// Explicit space boundaries: \b does not see å, ä and ö as letters.
const ENGLISH = /(?:^|\s)(?:på engelska|pa engelska|in english)(?=\s|$)/;
const SWEDISH = /(?:^|\s)(?:på svenska|pa svenska|in swedish)(?=\s|$)/;
const WHEN_EMPTY = /(?:^|\s)(?:även utan nyheter|även när det är tomt|även tom|alltid|always|even when empty|even if empty|when empty)(?=\s|$)/;
// Folded words (no diacritics); words of five letters or more also match with one typo (fuzzy.ts).
const HEAD = ["digest", "digests", "digesten"];
const HELP = ["hjalp", "help", "?"];
const LIST = ["lista", "list", "visa", "show", "ls"];
const VERBS: Array<[readonly string[], "digest.pause" | "digest.resume" | "digest.remove" | "digest.preview"]> = [
  [["pausa", "pause", "paus"], "digest.pause"],
  [["forhandsvisa", "forhandsgranska", "preview"], "digest.preview"],
  [["tabort", "radera", "remove", "delete"], "digest.remove"],
  [["ateruppta", "aktivera", "resume", "unpause"], "digest.resume"],
];
/** Full day names, folded, for a day written with a typo ("fredga", "mondya"). */
const DAY_NAMES: Array<[string, string]> = [
  ["mandag", "1"],
  ["monday", "1"],
  ["tisdag", "2"],
  ["tuesday", "2"],
  ["onsdag", "3"],
  ["wednesday", "3"],
  ["torsdag", "4"],
  ["thursday", "4"],
  ["fredag", "5"],
  ["friday", "5"],
  ["lordag", "6"],
  ["saturday", "6"],
  ["sondag", "0"],
  ["sunday", "0"],
  ["vardag", "1-5"],
  ["weekday", "1-5"],
  ["dagligen", "*"],
];

function weekdayOf(word: string): string | undefined {
  const exact = DAYS.find(([pattern]) => pattern.test(word))?.[1];
  if (exact !== undefined) return exact;
  const folded = foldSwedish(word).replace(/(ar|s)$/, "");
  return DAY_NAMES.find(([name]) => matchesWord(folded, [name]))?.[1];
}

/** `Västernorrlands län` → `vasternorrland`: drop "län" and the genitive s that county names take. */
const countyStem = (name: string) =>
  foldSwedish(name)
    .replace(/\s+lan$/, "")
    .replace(/s$/, "")
    .trim();
const COUNTY_STEMS = COUNTIES.map((c) => ({ code: c.code, stem: countyStem(c.name) }));

const problem = (digestProblem: DigestProblem): DigestReading => ({ intent: "digest.create", entities: { digestProblem } });

/** Undefined when the text is not a digest command at all. */
export function readDigestCommand(input: string): DigestReading | undefined {
  const text = input
    .trim()
    .replace(/^\/?samverkan\b\s*/i, "")
    .replace(/\s+/g, " ");
  const head = /^(\p{L}+)(?![\p{L}\d])\s*(.*)$/u.exec(text);
  if (!head || !matchesWord(foldSwedish(head[1] ?? ""), HEAD)) return undefined;
  const rest = (head[2] ?? "").trim().replace(/[.!]+$/, "");
  const lower = rest.toLowerCase();
  const words = foldSwedish(lower).split(" ");
  const [first = "", second = ""] = words;
  if (lower === "" || (words.length === 1 && matchesWord(first, HELP))) return { intent: "help", entities: { topic: "digest" } };
  if (words.length === 1 && matchesWord(first, LIST)) return { intent: "digest.list", entities: {} };
  // "ta bort" is two words; every other verb is one.
  const twoWords = first === "ta" && /^(bort|brot|bor)$/.test(second);
  const verb = twoWords ? "tabort" : first;
  const intent = VERBS.find(([lexicon]) => matchesWord(verb, lexicon))?.[1];
  if (intent) {
    const ref = lower.split(" ")[twoWords ? 2 : 1];
    return { intent, entities: ref ? { digestRef: ref.toUpperCase() } : {} };
  }
  return readCreate(lower);
}

function readCreate(text: string): DigestReading {
  let rest = text;
  let locale: Language | undefined;
  if (ENGLISH.test(rest)) locale = "en";
  else if (SWEDISH.test(rest)) locale = "sv";
  const postWhenEmpty = WHEN_EMPTY.test(rest);
  rest = rest.replace(ENGLISH, "").replace(SWEDISH, "").replace(WHEN_EMPTY, "").trim();

  const when = /^(?:(?:varje|every|each|alla|på|pa|on)\s+)?(\S+)\s*(.*)$/.exec(rest);
  const weekday = weekdayOf(when?.[1] ?? "");
  if (!when || weekday === undefined) return problem({ code: "when" });
  rest = when[2] ?? "";
  let hour = 8;
  let minute = 0;
  const time = /^(?:kl\.?\s*|klockan\s+|at\s+)?(\d{1,2})(?:[:.](\d{2}))?(?:\s+|$)(.*)$/.exec(rest);
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2] ?? 0);
    rest = time[3] ?? "";
    if (hour > 23 || minute > 59) return problem({ code: "timeOfDay", value: `${time[1]}:${time[2] ?? "00"}` });
  }
  const scope = readScope(rest.trim());
  if ("code" in scope) return problem(scope);
  return { intent: "digest.create", entities: { digest: { cron: `${minute} ${hour} * * ${weekday}`, scope, ...(locale ? { locale } : {}), postWhenEmpty } } };
}

function readScope(text: string): DigestScope | DigestProblem {
  if (COUNTRY.test(text)) return { kind: "country" };
  const office = /^(?:regionkontoret|regionkontor|kontoret|kontor|office|regional office)\s+(?:i\s+|in\s+)?(.+)$/.exec(text);
  if (office?.[1]) return { kind: "office", officeId: office[1].trim() };
  const county = /^(?:län|lan|county|counties)\s+(.+)$/.exec(text);
  if (county?.[1]) {
    const codes: string[] = [];
    for (const part of county[1].split(/\s*(?:,|&|\boch\b|\band\b)\s*/).filter(Boolean)) {
      const words = part.split(" ");
      if (words.every((w) => /^\d{1,2}$/.test(w))) {
        codes.push(...words.map((w) => w.padStart(2, "0")));
        continue;
      }
      const stem = countyStem(part);
      const match = COUNTY_STEMS.find((c) => c.stem === stem);
      if (!match) return { code: "county", value: part };
      codes.push(match.code);
    }
    return { kind: "counties", counties: codes };
  }
  return { code: "area" };
}
