import { extractSchoolUnitCode } from "./codes";
import { countyFilter, municipalityFilter, officialCountyName } from "./regions";
import { effectiveLimit } from "./ranking";
import { SearchEngine, type FieldDefinition } from "./search-engine";
import type { SchoolSearchDoc, SearchHit, SearchOptions } from "./types";

const SCHOOL_FIELDS: readonly FieldDefinition<SchoolSearchDoc>[] = [
  { category: "name", weight: 1, compounds: true, genitive: false, isName: true, read: (doc) => doc.name },
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
    read: (doc) => doc.countyName ?? officialCountyName(doc.countyCode),
  },
  { category: "organizer", weight: 0.5, compounds: true, genitive: true, isName: false, read: (doc) => doc.organizerName },
  { category: "code", weight: 1, compounds: false, genitive: false, isName: false, read: (doc) => doc.schoolUnitCode },
];

/**
 * Finds school units by what staff remember of them: name, code, Skolverket link,
 * municipality or organizer, with typos, missing å/ä/ö and unfinished words.
 *
 * ```ts
 * const index = SchoolSearchIndex.build(docs);
 * index.search("rinkebysklan");            // Rinkebyskolan first
 * index.search("vasaskolan göteborg");     // the Vasaskolan in Göteborg first
 * index.search("39907811");                // that unit, score 1
 * ```
 */
export class SchoolSearchIndex {
  readonly #engine = new SearchEngine<SchoolSearchDoc>({
    fields: SCHOOL_FIELDS,
    keyOf: (doc) => doc.schoolUnitCode,
    nameOf: (doc) => doc.name,
  });

  /** An index over these units; a later unit with the same code replaces an earlier one. */
  static build(docs: readonly SchoolSearchDoc[]): SchoolSearchIndex {
    const index = new SchoolSearchIndex();
    for (const doc of docs) index.upsert(doc);
    return index;
  }

  /** Number of units in the index. */
  get size(): number {
    return this.#engine.size;
  }

  /** The unit with this code, if indexed. */
  get(schoolUnitCode: string): SchoolSearchDoc | undefined {
    return this.#engine.get(schoolUnitCode);
  }

  /** Adds a unit, or replaces the unit with the same code. */
  upsert(doc: SchoolSearchDoc): void {
    this.#engine.upsert(doc);
  }

  /** Removes the unit with this code; `false` when it was not indexed. */
  remove(schoolUnitCode: string): boolean {
    return this.#engine.remove(schoolUnitCode);
  }

  /**
   * The units best matching the query, best first. An 8-digit code or a Skolverket
   * link to a unit gives that unit alone with score 1. Input that
   * cannot match anything gives `[]` (no catch-all: a failure here is a bug and surfaces as one).
   */
  search(query: string, options: SearchOptions = {}): SearchHit<SchoolSearchDoc>[] {
    if (typeof query !== "string") return [];
    const accept = schoolFilter(options ?? {});
    const code = extractSchoolUnitCode(query);
    if (code !== undefined) {
      const doc = this.#engine.get(code);
      const matchedOn = code === query.trim() ? "code" : "url";
      return doc !== undefined && accept(doc) ? [{ doc, score: 1, matchedOn: [matchedOn] }] : [];
    }
    return this.#engine.search(query, accept, effectiveLimit(options?.limit));
  }
}

function schoolFilter(options: SearchOptions): (doc: SchoolSearchDoc) => boolean {
  const tests: ((doc: SchoolSearchDoc) => boolean)[] = [];
  if (typeof options.municipality === "string" && options.municipality.trim() !== "") {
    const inMunicipality = municipalityFilter(options.municipality);
    tests.push((doc) => inMunicipality(doc.municipalityCode, doc.municipalityName));
  }
  if (typeof options.county === "string" && options.county.trim() !== "") {
    const inCounty = countyFilter(options.county);
    tests.push((doc) => inCounty(doc.countyCode, doc.countyName));
  }
  if (typeof options.organizer === "string" && options.organizer.trim() !== "") {
    const organizerId = options.organizer.trim();
    tests.push((doc) => doc.organizerId === organizerId);
  }
  return (doc) => tests.every((test) => test(doc));
}
