import type { RegisterIndex } from "../register";
import { tidy } from "../text";
import type { Span } from "../types";
import type { Utterance } from "../utterance";

/**
 * A municipality or county as written, after `i`/`in`/`inom`/`för`: `i Skåne län`, `in Stockholm
 * county`, `i Borås kommun`. Linked against the register when it names one (county names are
 * always known); otherwise the capitalised words after the preposition, so `i år` is no area.
 */
const LEAD = /(?<![a-z0-9])(?:i|in|inom|within|for|bland|among)\s+(?:the\s+)?/g;
const STOP =
  /\s(?:har|have|has|med|with|efter|by|pa|on|for|ranked|rankade|sorterade|sorted|enligt|according|lagst|hogst|lowest|highest|som|that|which|nar|det|i\s+ar|hittills|so\s+far)(?![a-z0-9])|[,;?!.()]/;

export interface AreaMatch extends Span {
  area: string;
}

export function findArea(u: Utterance, index: RegisterIndex | undefined, stops: readonly Span[] = []): AreaMatch | undefined {
  for (const m of u.folded.matchAll(LEAD)) {
    const start = m.index + m[0].length;
    if (stops.some((s) => s.index <= start && s.index + s.length > start)) continue;
    const linked = index?.longestAt(u.tokens, start, ["county", "municipality"], stops);
    // "Uppsala kommun" is the municipality even when only the county "Uppsala" is known.
    const saysMunicipality = linked?.entry.kind === "county" && /^\s+(?:kommun|stad|municipality)(?![a-z])/.test(u.folded.slice(linked.index + linked.length));
    if (linked && linked.index === start && linked.score >= 0.9 && !saysMunicipality) {
      return { area: u.text.slice(linked.index, linked.index + linked.length), index: linked.index, length: linked.length };
    }
    const first = u.text[start] ?? "";
    if (first === first.toLowerCase()) continue;
    const rest = u.folded.slice(start);
    const stop = STOP.exec(` ${rest}`);
    const end = start + (stop ? Math.max(0, stop.index - 1) : rest.length);
    const area = tidy(u.text.slice(start, end));
    if (/\p{L}/u.test(area) && area.length <= 60) return { area, index: start, length: end - start };
  }
  return undefined;
}
