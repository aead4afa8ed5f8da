import { foldSwedish } from "@samverkan/sdk";
import type { Span } from "../types";

/**
 * The joint regional offices as configured (`config.offices`): each town, without diacritics,
 * plus the English names people use for a few of them.
 */
const EXONYMS: Record<string, readonly string[]> = { goteborg: ["gothenburg", "gbg"] };

export interface OfficeMatch extends Span {
  /** The office's town as configured ("Göteborg"). */
  office: string;
}

interface Compiled {
  forms: Map<string, string>;
  contextual: RegExp;
  anywhere: RegExp;
}

const compiled = new WeakMap<ReadonlyArray<{ town: string }>, Compiled>();

function compile(offices: ReadonlyArray<{ town: string }>): Compiled {
  let c = compiled.get(offices);
  if (c) return c;
  const forms = new Map<string, string>();
  for (const o of offices) {
    const town = foldSwedish(o.town);
    forms.set(town, o.town);
    for (const alias of EXONYMS[town] ?? []) forms.set(alias, o.town);
  }
  const names = [...forms.keys()]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
  // A town only names the office when it is where the meeting is: "i Malmö", "på Malmökontoret",
  // "Gothenburg office". "Malmö stad" or "Göteborgs kommun" is an organizer, not an office.
  const contextual = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:(?:regional)?kontoret|regionkontoret|office|i|pa|fran|vid|in|at|from)\\s+(?:i\\s+|in\\s+)?(${names})(?![\\p{L}\\p{N}])|(${names})(?:-?kontoret|s?kontoret|\\s+kontoret|\\s+office|-office)(?![\\p{L}\\p{N}]))`,
    "u",
  );
  const anywhere = new RegExp(`(?<![\\p{L}\\p{N}])(${names})(?![\\p{L}\\p{N}])`, "u");
  c = { forms, contextual, anywhere };
  compiled.set(offices, c);
  return c;
}

export function findOffice(folded: string, mode: "contextual" | "anywhere", offices: ReadonlyArray<{ town: string }>): OfficeMatch | undefined {
  if (offices.length === 0) return undefined;
  const c = compile(offices);
  const m = (mode === "contextual" ? c.contextual : c.anywhere).exec(folded);
  const form = m?.[1] ?? m?.[2];
  const office = form ? c.forms.get(form) : undefined;
  return m && office ? { office, index: m.index, length: m[0].length } : undefined;
}
