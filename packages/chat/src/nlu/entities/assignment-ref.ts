import type { Span } from "../types";

/**
 * Assignments are referred to as `U-12`, `U12`, `u 12`, `uppdrag 12`, `uppdraget U-12`,
 * `insats 4`, `assignment #12`. All normalise to `U-<n>`.
 */
const WITH_NOUN =
  /(?<![\p{L}\p{N}])(?:uppdrag(?:et|snummer|snr)?|insats(?:en)?|assignment|uppdr\.?)\s*(?:nr\.?|nummer|number|no\.?)?\s*#?\s*(?:u\s*[-–]?\s*)?(\d{1,5})(?![\p{L}\p{N}]|\s*%|[.,:/]\d)/u;
const SHORT = /(?<![\p{L}\p{N}])u\s?[-–]?\s?(\d{1,5})(?![\p{L}\p{N}]|\s*%|[.,:/]\d)/u;

export interface AssignmentRefMatch extends Span {
  ref: string;
}

export function findAssignmentRef(folded: string): AssignmentRefMatch | undefined {
  const m = WITH_NOUN.exec(folded) ?? SHORT.exec(folded);
  if (!m?.[1]) return undefined;
  return { ref: `U-${Number(m[1])}`, index: m.index, length: m[0].length };
}
