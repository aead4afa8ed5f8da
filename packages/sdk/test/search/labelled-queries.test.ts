import { describe, expect, it } from "vitest";
import { benchmarkSchoolDocs, realSchoolDocs } from "../../bench/search/dataset";
import { loadLabelledQueries, measureAccuracy } from "../../bench/search/labelled-queries";
import { SchoolSearchIndex } from "../../src/search";

const real = realSchoolDocs();
const queries = loadLabelledQueries();

describe("the labelled query set (bench/search/queries.json)", () => {
  it("has at least 70 realistic queries of every kind", () => {
    expect(queries.length).toBeGreaterThanOrEqual(70);
    const kinds = new Set(queries.map((query) => query.kind));
    for (const kind of ["typo", "diacritics", "digraph", "prefix", "municipality", "word-order", "organizer", "code", "url"]) {
      expect(kinds).toContain(kind);
    }
  });

  const skipped = real.docs === undefined ? ` (skipped: ${real.reason})` : "";
  describe.skipIf(real.docs === undefined)(`against the real statistics export${skipped}`, () => {
    const docs = real.docs ?? [];
    const codes = new Set(docs.map((doc) => doc.schoolUnitCode));

    it("labels only real units", () => {
      expect(docs).toHaveLength(1714);
      expect(queries.filter((query) => !codes.has(query.expected))).toEqual([]);
    });

    it("puts the meant unit first for at least 90 % of the queries (1,714 real units)", () => {
      const index = SchoolSearchIndex.build(docs);
      const report = measureAccuracy(queries, (query) => index.search(query, { limit: 3 }).map((hit) => hit.doc.schoolUnitCode));
      expect(report.top1, `misses: ${JSON.stringify(report.misses)}`).toBeGreaterThanOrEqual(0.9);
      expect(report.top3).toBeGreaterThanOrEqual(report.top1);
    });

    it("still does among 12,000 units (the real ones plus synthetic namesakes)", () => {
      const index = SchoolSearchIndex.build(benchmarkSchoolDocs().all);
      const report = measureAccuracy(queries, (query) => index.search(query, { limit: 3 }).map((hit) => hit.doc.schoolUnitCode));
      expect(report.top1, `misses: ${JSON.stringify(report.misses)}`).toBeGreaterThanOrEqual(0.9);
    });
  });
});
