import { COUNTIES, DEFAULT_OFFICES, type Samverkan, foldSwedish } from "@samverkan/sdk";
import { editDistance } from "./fuzzy";
import type { Token } from "./text";
import type { RegisterVocabulary, Span } from "./types";

/**
 * The register as vocabulary: organizer, municipality, county and office names from the store,
 * with the short forms staff write ("Malmö stad" for Malmö kommun, "Gotland" for Region
 * Gotland, "AcadeMedia" for AcadeMedia AB, "Goteborg" without ö). A mention is linked by the
 * longest run of words that names one entry, so what follows the name is left for dates.
 */

export type RegisterKind = "organizer" | "municipality" | "county" | "office";

export interface RegisterEntry {
  kind: RegisterKind;
  /** Organizer id, municipality or county code, office id. */
  id: string;
  name: string;
}

export interface RegisterMatch extends Span {
  entry: RegisterEntry;
  /** 1 for an exact form, lower for a typo. */
  score: number;
}

const LEGAL_SUFFIX = /\s+(?:ab|aktiebolag|ab\s+\(publ\)|ek\s+for|ekonomisk\s+forening|stiftelse|stiftelsen|ideell\s+forening|hb|kb|ek\s+forening)$/;
const MAX_WORDS = 8;

const words = (text: string): string[] => foldSwedish(text).match(/[a-z0-9]+/g) ?? [];
const key = (text: string): string => words(text).join(" ");

/** "Göteborgs" → "goteborg" too: Swedish place names take a genitive s before kommun/län. */
function placeForms(base: string): string[] {
  const k = key(base);
  return k.endsWith("s") && k.length > 4 ? [k, k.slice(0, -1)] : [k, `${k}s`];
}

function organizerForms(name: string): string[] {
  const full = key(name);
  const forms = new Set([full, full.replace(LEGAL_SUFFIX, "")]);
  const municipal = /^(.+?)\s+(?:kommun|stad)$/.exec(full);
  if (municipal?.[1]) {
    for (const place of placeForms(municipal[1])) {
      for (const suffix of ["kommun", "stad", "municipality"]) forms.add(`${place} ${suffix}`);
    }
  }
  const region = /^region\s+(.+)$/.exec(full);
  if (region?.[1]) forms.add(region[1]);
  return [...forms].filter((f) => f.length > 1);
}

export class RegisterIndex {
  private readonly byKey = new Map<string, RegisterEntry[]>();
  /** First word of a multi-word organizer name ("academedia") → organizers: the chain name. */
  private readonly chains = new Map<string, RegisterEntry[]>();
  readonly offices: RegisterVocabulary["offices"];

  constructor(vocabulary: RegisterVocabulary) {
    this.offices = vocabulary.offices;
    for (const o of vocabulary.organizers) {
      const entry: RegisterEntry = { kind: "organizer", id: o.id, name: o.name };
      for (const form of organizerForms(o.name)) this.add(form, entry);
      const first = words(o.name)[0];
      if (first && first.length >= 5 && !/kommun|region|stiftelse/.test(first)) this.chains.set(first, [...(this.chains.get(first) ?? []), entry]);
    }
    for (const m of vocabulary.municipalities) {
      const entry: RegisterEntry = { kind: "municipality", id: m.code, name: m.name };
      for (const place of placeForms(m.name)) {
        this.add(place, entry);
        this.add(`${place} kommun`, entry);
        this.add(`${place} municipality`, entry);
      }
    }
    for (const c of vocabulary.counties) {
      const entry: RegisterEntry = { kind: "county", id: c.code, name: c.name };
      const base = key(c.name).replace(/\s+lan$/, "");
      for (const place of placeForms(base)) {
        this.add(`${place} lan`, entry);
        this.add(`${place} county`, entry);
        this.add(place, entry);
      }
    }
    for (const o of vocabulary.offices) {
      const entry: RegisterEntry = { kind: "office", id: o.id, name: o.town };
      const town = key(o.town);
      for (const form of [`${town}kontoret`, `${town} kontoret`, `${town} office`, `${town}skontoret`]) this.add(form, entry);
    }
  }

  private add(form: string, entry: RegisterEntry): void {
    const list = this.byKey.get(form) ?? [];
    if (!list.some((e) => e.kind === entry.kind && e.id === entry.id)) list.push(entry);
    this.byKey.set(form, list);
  }

  /** Entries named by exactly these words (folded), exact or with one typo in a long word. */
  lookup(folded: readonly string[]): { entries: RegisterEntry[]; score: number } | undefined {
    const exact = this.byKey.get(folded.join(" "));
    if (exact) return { entries: exact, score: 1 };
    if (!folded.some((w) => w.length >= 5)) return undefined;
    let found: RegisterEntry[] = [];
    for (const [form, entries] of this.byKey) {
      const parts = form.split(" ");
      if (parts.length !== folded.length) continue;
      let typos = 0;
      for (let i = 0; i < parts.length && typos <= 1; i++) {
        const a = parts[i] ?? "";
        const b = folded[i] ?? "";
        if (a === b) continue;
        typos += a.length >= 5 && editDistance(a, b, 1) <= 1 ? 1 : 2;
      }
      if (typos <= 1) found = [...found, ...entries];
    }
    if (found.length > 0) return { entries: found, score: 0.9 };
    if (folded.length === 1) {
      const chain = this.chains.get(folded[0] ?? "");
      if (chain?.length === 1) return { entries: chain, score: 0.8 };
      // Several companies of one group: the one with the shortest name is the group itself.
      const group = chain && chain.length > 1 ? [...chain].sort((a, b) => a.name.length - b.name.length)[0] : undefined;
      if (group) return { entries: [group], score: 0.7 };
    }
    return undefined;
  }

  /**
   * The longest run of tokens starting at one of `tokens` that names an entry of one of `kinds`.
   * Runs may not cross `stops`.
   */
  longestAt(tokens: readonly Token[], startIndex: number, kinds: readonly RegisterKind[], stops: readonly Span[] = []): RegisterMatch | undefined {
    const first = tokens.findIndex((t) => t.index >= startIndex);
    if (first === -1) return undefined;
    for (let n = Math.min(MAX_WORDS, tokens.length - first); n >= 1; n--) {
      const run = tokens.slice(first, first + n);
      const last = run[run.length - 1];
      const head = run[0];
      if (!last || !head) continue;
      const end = last.index + last.word.length;
      if (stops.some((s) => s.index < end && s.index + s.length > head.index)) continue;
      const hit = this.lookup(run.map((t) => t.word));
      const entries = hit?.entries.filter((e) => kinds.includes(e.kind)) ?? [];
      const entry = entries[0];
      if (hit && entry) return { entry, score: hit.score, index: head.index, length: end - head.index };
    }
    return undefined;
  }

  /** The first mention anywhere in the text of one of `kinds`, longest first. */
  findAnywhere(tokens: readonly Token[], kinds: readonly RegisterKind[], minScore = 0.9): RegisterMatch | undefined {
    for (const t of tokens) {
      const hit = this.longestAt(tokens, t.index, kinds);
      if (hit && hit.score >= minScore) return hit;
    }
    return undefined;
  }
}

const cache = new WeakMap<RegisterVocabulary, RegisterIndex>();

export function registerIndex(vocabulary: RegisterVocabulary): RegisterIndex {
  let index = cache.get(vocabulary);
  if (!index) {
    index = new RegisterIndex(vocabulary);
    cache.set(vocabulary, index);
  }
  return index;
}

/** Offices as configured, with the counties; used when there is no store to read. */
export function baseVocabulary(offices: ReadonlyArray<{ id: string; town: string }> = DEFAULT_OFFICES): RegisterVocabulary {
  return { organizers: [], municipalities: [], counties: COUNTIES.map((c) => ({ code: c.code, name: c.name })), offices };
}

/** Read the register's names from the store (organizers, municipalities) and the configured offices. */
export async function registerVocabulary(sv: Samverkan): Promise<RegisterVocabulary> {
  const organizers: Array<{ id: string; name: string }> = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await sv.organizers.list({ limit: 1000, offset });
    organizers.push(...page.map((o) => ({ id: o.id, name: o.name })));
    if (page.length < 1000) break;
  }
  const municipalities = (await sv.municipalities.list()).map((m) => ({ code: m.code, name: m.name, countyCode: m.countyCode }));
  return { ...baseVocabulary(sv.config.offices), organizers, municipalities };
}
