import { catalogueDifferences, catalogueShape } from "@samverkan/vitest-config/helpers";
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n";
import { en } from "../../src/i18n/en";
import { sv } from "../../src/i18n/sv";

describe("the message catalogues", () => {
  it("have the same keys, list lengths and parameter counts in Swedish and English", () => {
    expect(catalogueShape(sv).size).toBeGreaterThan(400);
    expect(catalogueDifferences(sv, en)).toEqual([]);
  });

  it("report a key that only one language has (the check above can fail)", () => {
    const withExtra = { ...sv, book: { ...sv.book, onlyInSwedish: "bara här" } };
    expect(catalogueDifferences(withExtra, en)).toEqual(["book.onlyInSwedish: text vs missing"]);
    const { booked: _dropped, ...commonWithoutBooked } = en.common;
    expect(catalogueDifferences(sv, { ...en, common: commonWithoutBooked })).toEqual(["common.booked: text vs missing"]);
  });

  it("hold text in every leaf: no empty string, no function that returns an empty one", () => {
    for (const catalogue of [sv, en]) {
      for (const [path, kind] of catalogueShape(catalogue)) {
        if (kind === "text")
          expect(
            path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue),
            path,
          ).not.toBe("");
      }
    }
  });

  it("are chosen by t(locale)", () => {
    expect(t("sv")).toBe(sv);
    expect(t("en")).toBe(en);
    expect(t("sv").common.booked).toBe("Klart! Dialogen är bokad.");
    expect(t("en").common.noMatch("X")).toBe('I found no organizer or school matching "X". Try another name.');
  });
});
