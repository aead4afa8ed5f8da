import type { Span } from "../types";

/** Whether the meeting is held online. An explicit "fysiskt"/"på plats" says it is not. */
const ONLINE =
  /(?<![\p{L}\p{N}])(?:digitalt|digital|via\s+teams|i\s+teams|over\s+teams|pa\s+teams|on\s+teams|via\s+zoom|teams-?mote|teamsmote|pa\s+distans|distans|online|videomote|videosamtal|via\s+video|over\s+video|video|remote|virtuellt|virtual)(?![\p{L}\p{N}])/u;
const ON_SITE = /(?<![\p{L}\p{N}])(?:fysiskt|fysiskt\s+mote|pa\s+plats|in\s+person|on\s+site|onsite|ute\s+pa\s+skolan)(?![\p{L}\p{N}])/u;

export interface DigitalMatch extends Span {
  digital: boolean;
}

export function findDigital(folded: string): DigitalMatch | undefined {
  const online = ONLINE.exec(folded);
  if (online) return { digital: true, index: online.index, length: online[0].length };
  const onSite = ON_SITE.exec(folded);
  if (onSite) return { digital: false, index: onSite.index, length: onSite[0].length };
  return undefined;
}
