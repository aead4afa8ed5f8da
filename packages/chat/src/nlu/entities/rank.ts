import type { Metric, Span } from "../types";

/**
 * What a ranking asks for: the measure (`meritvärde`, `godkända i alla ämnen`, `behöriga till
 * yrkesprogram`, `examen inom 3 år`), the direction (`lägst`/`sämsta` ascending, `högst`/`bästa`
 * descending) and how many (`topp 5`, `de 10`, `lowest 10`).
 */
const METRICS: ReadonlyArray<[Metric, RegExp]> = [
  [
    "examWithin3Years",
    /examen\s+inom\s+(?:3|tre)\s+ar|exam(?:en)?\s+within\s+(?:3|three)\s+years|graduat\w*\s+within\s+(?:3|three)\s+years|examensgrad|examen/,
  ],
  [
    "eligibleVocational",
    /behorig\w*\s+till\s+(?:ett\s+)?yrkesprogram|yrkesbehorig\w*|yrkesprogram|vocational(?:\s+eligibility)?|eligib\w*\s+for\s+vocational|behorighet/,
  ],
  ["allSubjectsPassed", /godkand\w*\s+i\s+alla\s+amnen|alla\s+amnen|(?:passing|passed|pass)\s+(?:in\s+)?all\s+subjects|all\s+subjects/],
  ["meritValue", /merit\s*v[a-z]*rde\w*|meritvard\w*|merit\s+value|merit\s+points|merit/],
];
const ASC = /(?<![a-z])(?:lagst\w*|lagre|samst\w*|samre|svagast\w*|lowest|worst|bottom|least|minst|weakest)(?![a-z])/;
const DESC = /(?<![a-z])(?:hogst\w*|basta|bast|starkast\w*|topp|top|highest|best|strongest|most|flest)(?![a-z])/;
const RANK_WORDS = /(?<![a-z])(?:rangordna\w*|ranka\w*|rank|ranked|ranking|rankning\w*|topplista\w*|sortera\w*|sorted)(?![a-z])/;
const LIMIT = /(?<![a-z0-9.,])(\d{1,3})(?![0-9%.,]|\s*(?:ar|years?|procent|percent|%)(?![a-z]))/;

export function findMetric(folded: string): ({ metric: Metric } & Span) | undefined {
  for (const [metric, re] of METRICS) {
    const m = re.exec(folded);
    if (m) return { metric, index: m.index, length: m[0].length };
  }
  return undefined;
}

export function findOrder(folded: string): "asc" | "desc" | undefined {
  const asc = ASC.exec(folded);
  const desc = DESC.exec(folded);
  if (asc && (!desc || asc.index < desc.index)) return "asc";
  return desc ? "desc" : undefined;
}

export function isRankRequest(folded: string): boolean {
  return RANK_WORDS.test(folded) || ASC.test(folded) || DESC.test(folded);
}

export function findLimit(folded: string, metric: Span | undefined): number | undefined {
  const blanked = metric ? folded.slice(0, metric.index) + " ".repeat(metric.length) + folded.slice(metric.index + metric.length) : folded;
  const m = LIMIT.exec(blanked);
  const n = Number(m?.[1]);
  return m && n >= 1 && n <= 100 ? n : undefined;
}
