import { describe, expect, it } from "vitest";
import { OrganizerSearchIndex, SchoolSearchIndex } from "../../src/search";
import { SAMPLE_ORGANIZERS, SAMPLE_UNITS } from "./sample-units";

const schools = SchoolSearchIndex.build(SAMPLE_UNITS);
const organizers = OrganizerSearchIndex.build(SAMPLE_ORGANIZERS);

const GARBAGE: readonly string[] = [
  "",
  " ",
  "\t\n\r",
  "a",
  "x".repeat(10_000),
  "rinkeby ".repeat(2_000),
  "a b c d e f g h i j k l m n o p q r s t u v w x y z å ä ö",
  "'; DROP TABLE school_units; --",
  '" OR 1=1 --',
  "<script>alert('hej')</script>",
  "<b>Rinkebyskolan</b>",
  "{{constructor.constructor('return process')()}}",
  "__proto__ constructor prototype toString hasOwnProperty",
  "🏫📚🇸🇪",
  "\u0000\u0001\u0002\u001f",
  "\ud800 lone surrogate \udfff",
  "%00%ff%25",
  "../../../../etc/passwd",
  "https://",
  "https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=%E0%A4%A",
  "http://[::1]:99999/skolenhet/12345678",
  "1".repeat(500),
  "0000-00-00",
  "*",
  "?",
  "\\",
];

// No catch-all inside search: these pass because nothing typed can break it, not because errors are swallowed.
describe("search never throws, whatever is typed", () => {
  it.each(GARBAGE.map((query) => [query.length > 40 ? `${query.slice(0, 40)}… (${query.length} chars)` : query, query]))(
    "%j gives [] or sane hits",
    (_label, query) => {
      for (const search of [(q: string) => schools.search(q), (q: string) => organizers.search(q)]) {
        const hits = search(query);
        expect(Array.isArray(hits)).toBe(true);
        expect(hits.length).toBeLessThanOrEqual(10);
        for (const hit of hits) {
          expect(hit.score).toBeGreaterThan(0);
          expect(hit.score).toBeLessThanOrEqual(1);
          expect(hit.matchedOn.length).toBeGreaterThan(0);
        }
      }
    },
  );

  it("gives [] for queries with nothing to match", () => {
    for (const query of ["", "   ", "a", "'; DROP TABLE school_units; --", "🏫📚🇸🇪", "x".repeat(10_000), "*", "https://"]) {
      expect(schools.search(query)).toEqual([]);
    }
  });

  it("still finds the unit in markup around its name", () => {
    expect(schools.search("<b>Rinkebyskolan</b>")[0]?.doc.name).toBe("Rinkebyskolan");
  });

  it("survives callers that break the types (plain JavaScript, bad JSON)", () => {
    const untyped = schools as unknown as { search(query: unknown, options?: unknown): unknown };
    expect(untyped.search(undefined)).toEqual([]);
    expect(untyped.search(null)).toEqual([]);
    expect(untyped.search(42)).toEqual([]);
    expect(untyped.search({ toString: () => "rinkeby" })).toEqual([]);
    expect(untyped.search("rinkeby", null)).toHaveLength(1);
    expect(untyped.search("rinkeby", { limit: "5", municipality: 180, county: {} })).toHaveLength(1);
  });
});
