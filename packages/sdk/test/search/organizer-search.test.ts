import { describe, expect, it } from "vitest";
import { OrganizerSearchIndex } from "../../src/search";
import { SAMPLE_ORGANIZERS } from "./sample-units";

const index = OrganizerSearchIndex.build(SAMPLE_ORGANIZERS);
const first = (query: string, options?: Parameters<OrganizerSearchIndex["search"]>[1]): string | undefined => index.search(query, options)[0]?.doc.organizerId;

describe("OrganizerSearchIndex: finding a principal organizer", () => {
  it("finds a municipality as organizer by its name, with or without å/ä/ö and genitive", () => {
    expect(first("Härnösands kommun")).toBe("2120002403");
    expect(first("harnosand")).toBe("2120002403");
    expect(first("stockholm kommun")).toBe("2120000142");
    expect(first("vaxjo")).toBe("2120000662");
  });

  it("tolerates typos", () => {
    expect(first("stokholms kommun")).toBe("2120000142");
    expect(first("kunskapskolan")).toBe("5565661815");
  });

  it("finds independent organizers by any word of their name, while typing, and by initials", () => {
    expect(first("engelska skolan")).toBe("5564624368");
    expect(first("ies")).toBe("5564624368");
    expect(first("waldorf")).toBe("8024222641");
    expect(first("kunskapssk")).toBe("5565661815");
  });

  it("resolves an organisation number in its usual forms: that organizer, score 1", () => {
    for (const query of ["2120000142", "212000-0142", "16212000-0142", " 212000-0142 "]) {
      expect(index.search(query)).toEqual([{ doc: SAMPLE_ORGANIZERS[0], score: 1, matchedOn: ["code"] }]);
    }
    expect(index.search("999999-9999")).toEqual([]);
  });

  it("finds organizers by their municipality or county, below organizers named after it", () => {
    expect(first("östersund")).toBe("5566577705");
    expect(first("jämtland")).toBe("5566577705");
    expect(index.search("stockholm").map((hit) => hit.doc.organizerId)[0]).toBe("2120000142");
  });

  it("filters by municipality name and county", () => {
    const inStockholm = index.search("sverige", { municipality: "Stockholm" }).map((hit) => hit.doc.organizerId);
    expect(inStockholm).toEqual(["5564624368", "5565661815"]);
    expect(index.search("kommun", { county: "07" }).map((hit) => hit.doc.organizerId)).toEqual(["2120000662"]);
    expect(index.search("kommun", { county: "Kronobergs län" }).map((hit) => hit.doc.organizerId)).toEqual(["2120000662"]);
    expect(index.search("212000-0142", { county: "07" })).toEqual([]);
  });

  it("adds, replaces and removes organizers", () => {
    const live = OrganizerSearchIndex.build(SAMPLE_ORGANIZERS.slice(0, 2));
    live.upsert({ ...SAMPLE_ORGANIZERS[0]!, name: "Stockholms stad" });
    expect(live.size).toBe(2);
    expect(live.search("stockholms stad")[0]?.doc.name).toBe("Stockholms stad");
    expect(live.remove("2120000142")).toBe(true);
    expect(live.search("212000-0142")).toEqual([]);
    expect(live.size).toBe(1);
  });

  it("gives [] for empty and meaningless queries", () => {
    for (const query of ["", "   ", "x", "%%%", "qwxzv"]) expect(index.search(query)).toEqual([]);
  });
});
