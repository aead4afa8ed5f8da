import { COUNTIES, type DigestScope, foldSwedish } from "@samverkan/sdk";
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
const VERBS: Array<[RegExp, "digest.pause" | "digest.resume" | "digest.remove" | "digest.preview"]> = [
  [/^(pausa|pause)$/, "digest.pause"],
  [/^(förhandsvisa|forhandsvisa|förhandsgranska|preview)$/, "digest.preview"],
  [/^(ta bort|tabort|radera|remove|delete)$/, "digest.remove"],
  [/^(återuppta|ateruppta|aktivera|resume|unpause)$/, "digest.resume"],
];

/** `Västernorrlands län` → `vasternorrland`: drop "län" and the genitive s that county names take. */
const countyStem = (name: string) => foldSwedish(name).replace(/\s+lan$/, "").replace(/s$/, "").trim();
const COUNTY_STEMS = COUNTIES.map((c) => ({ code: c.code, stem: countyStem(c.name) }));

const problem = (digestProblem: DigestProblem): DigestReading => ({ intent: "digest.create", entities: { digestProblem } });

/** Undefined when the text is not a digest command at all. */
export function readDigestCommand(input: string): DigestReading | undefined {
  const text = input.trim().replace(/^\/?samverkan\b\s*/i, "").replace(/\s+/g, " ");
  const head = /^digest(s|en)?\b\s*(.*)$/i.exec(text);
  if (!head) return undefined;
  const rest = (head[2] ?? "").trim().replace(/[.!]+$/, "");
  const lower = rest.toLowerCase();
  if (lower === "" || /^(hjälp|hjalp|help|\?)$/.test(lower)) return { intent: "help", entities: { topic: "digest" } };
  if (/^(lista|list|visa|show|ls)$/.test(lower)) return { intent: "digest.list", entities: {} };
  const verb = /^(pausa|pause|återuppta|ateruppta|aktivera|resume|unpause|ta bort|tabort|radera|remove|delete|förhandsvisa|forhandsvisa|förhandsgranska|preview)\b\s*(.*)$/.exec(lower);
  if (verb) {
    const intent = VERBS.find(([pattern]) => pattern.test(verb[1] ?? ""))?.[1] ?? "digest.resume";
    const ref = (verb[2] ?? "").trim().split(" ")[0];
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
  const weekday = DAYS.find(([pattern]) => pattern.test(when?.[1] ?? ""))?.[1];
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
