import type { Office, Span } from "../types";

/** The joint regional offices, by every spelling we have seen (no diacritics, English). */
const OFFICES: ReadonlyArray<[Office, string]> = [
  ["Härnösand", "harnosand"],
  ["Malmö", "malmo"],
  ["Luleå", "lulea"],
  ["Umeå", "umea"],
  ["Gävle", "gavle"],
  ["Växjö", "vaxjo"],
  ["Örebro", "orebro"],
  ["Göteborg", "goteborg|gothenburg|gbg"],
  ["Linköping", "linkoping"],
  ["Solna", "solna"],
];

const NAMES = OFFICES.map(([, forms]) => forms).join("|");
// A town only names the office when it is where the meeting is: "i Malmö", "på Malmökontoret",
// "Gothenburg office". "Malmö stad" or "Göteborgs kommun" is an organizer, not an office.
const CONTEXTUAL = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:(?:regional)?kontoret|regionkontoret|office|i|pa|fran|vid|in|at|from)\\s+(?:i\\s+|in\\s+)?(${NAMES})(?![\\p{L}\\p{N}])|(${NAMES})(?:-?kontoret|s?kontoret|\\s+kontoret|\\s+office|-office)(?![\\p{L}\\p{N}]))`,
  "u",
);
const ANYWHERE = new RegExp(`(?<![\\p{L}\\p{N}])(${NAMES})(?![\\p{L}\\p{N}])`, "u");

export interface OfficeMatch extends Span {
  office: Office;
}

function canonical(form: string): Office | undefined {
  return OFFICES.find(([, forms]) => forms.split("|").includes(form))?.[0];
}

export function findOffice(folded: string, mode: "contextual" | "anywhere"): OfficeMatch | undefined {
  const m = (mode === "contextual" ? CONTEXTUAL : ANYWHERE).exec(folded);
  const form = m?.[1] ?? m?.[2];
  const office = form ? canonical(form) : undefined;
  return m && office ? { office, index: m.index, length: m[0].length } : undefined;
}
