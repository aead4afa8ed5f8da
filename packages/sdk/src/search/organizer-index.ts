import { extractOrganizationNumber } from "./codes";
import { countyFilter, municipalityFilter, officialCountyName } from "./regions";
import { effectiveLimit } from "./ranking";
import { SearchEngine, type FieldDefinition } from "./search-engine";
import type { OrganizerSearchDoc, SearchHit, SearchOptions } from "./types";

const ORGANIZER_FIELDS: readonly FieldDefinition<OrganizerSearchDoc>[] = [
  { category: "name", weight: 1, compounds: true, genitive: true, isName: true, read: (doc) => doc.name },
  {
    category: "municipality",
    weight: 0.9,
    compounds: false,
    genitive: false,
    isName: false,
    read: (doc) => doc.municipalityName,
  },
  {
    category: "municipality",
    weight: 0.6,
    compounds: false,
    genitive: true,
    isName: false,
    read: (doc) => (doc.countyCode === undefined ? undefined : officialCountyName(doc.countyCode)),
  },
  { category: "code", weight: 1, compounds: false, genitive: false, isName: false, read: (doc) => doc.organizationNumber },
];

/**
 * Finds principal organizers (huvudmän) by name, organisation number, municipality
 * or county, with the same tolerance as `SchoolSearchIndex`.
 *
 * ```ts
 * const index = OrganizerSearchIndex.build(organizers);
 * index.search("harnosands kommun");   // Härnösands kommun first
 * index.search("212000-0142");         // that organizer, score 1
 * ```
 */
export class OrganizerSearchIndex {
  readonly #engine = new SearchEngine<OrganizerSearchDoc>({
    fields: ORGANIZER_FIELDS,
    keyOf: (doc) => doc.organizerId,
    nameOf: (doc) => doc.name,
  });
  readonly #idsByOrganizationNumber = new Map<string, Set<string>>();

  /** An index over these organizers; a later organizer with the same id replaces an earlier one. */
  static build(docs: readonly OrganizerSearchDoc[]): OrganizerSearchIndex {
    const index = new OrganizerSearchIndex();
    for (const doc of docs) index.upsert(doc);
    return index;
  }

  /** Number of organizers in the index. */
  get size(): number {
    return this.#engine.size;
  }

  /** The organizer with this id, if indexed. */
  get(organizerId: string): OrganizerSearchDoc | undefined {
    return this.#engine.get(organizerId);
  }

  /** Adds an organizer, or replaces the organizer with the same id. */
  upsert(doc: OrganizerSearchDoc): void {
    this.remove(doc.organizerId);
    this.#engine.upsert(doc);
    const ids = this.#idsByOrganizationNumber.get(doc.organizationNumber) ?? new Set<string>();
    ids.add(doc.organizerId);
    this.#idsByOrganizationNumber.set(doc.organizationNumber, ids);
  }

  /** Removes the organizer with this id; `false` when it was not indexed. */
  remove(organizerId: string): boolean {
    const existing = this.#engine.get(organizerId);
    if (existing === undefined) return false;
    this.#idsByOrganizationNumber.get(existing.organizationNumber)?.delete(organizerId);
    return this.#engine.remove(organizerId);
  }

  /**
   * The organizers best matching the query, best first. An organisation number
   * (`2120000142`, `212000-0142`, `16212000-0142`) gives that organizer with score 1.
   * `options.organizer` does not apply here. Input that cannot match anything gives `[]`.
   */
  search(query: string, options: SearchOptions = {}): SearchHit<OrganizerSearchDoc>[] {
    if (typeof query !== "string") return [];
    const accept = organizerFilter(options ?? {});
    const organizationNumber = extractOrganizationNumber(query);
    if (organizationNumber !== undefined) {
      const ids = [...(this.#idsByOrganizationNumber.get(organizationNumber) ?? [])].sort();
      return ids
        .map((id) => this.#engine.get(id))
        .filter((doc): doc is OrganizerSearchDoc => doc !== undefined && accept(doc))
        .map((doc) => ({ doc, score: 1, matchedOn: ["code"] }));
    }
    return this.#engine.search(query, accept, effectiveLimit(options?.limit));
  }
}

function organizerFilter(options: SearchOptions): (doc: OrganizerSearchDoc) => boolean {
  const tests: ((doc: OrganizerSearchDoc) => boolean)[] = [];
  if (typeof options.municipality === "string" && options.municipality.trim() !== "") {
    const inMunicipality = municipalityFilter(options.municipality);
    tests.push((doc) => inMunicipality("", doc.municipalityName));
  }
  if (typeof options.county === "string" && options.county.trim() !== "") {
    const inCounty = countyFilter(options.county);
    tests.push((doc) => inCounty(doc.countyCode, undefined));
  }
  return (doc) => tests.every((test) => test(doc));
}
