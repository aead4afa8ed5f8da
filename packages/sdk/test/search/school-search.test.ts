import { describe, expect, it } from "vitest";
import { SchoolSearchIndex, type SchoolSearchDoc } from "../../src/search";
import { codesOf, SAMPLE_UNITS } from "./sample-units";

const index = SchoolSearchIndex.build(SAMPLE_UNITS);
const first = (query: string, options?: Parameters<SchoolSearchIndex["search"]>[1]): string | undefined => index.search(query, options)[0]?.doc.schoolUnitCode;

const RINKEBYSKOLAN = "37416253";
const HJULSTA = "69266159";
const TELLUSBORGSSKOLAN = "58294404";
const IES_TABY = "12332278";
const HAGASKOLAN_SOLNA = "84585645";
const HAGASKOLAN_SUNDSVALL = "55343483";
const VASASKOLAN_GOTEBORG = "56168083";

describe("SchoolSearchIndex: what staff type finds the unit they mean", () => {
  describe("case and Swedish letters", () => {
    it("ignores case and å/ä/ö: 'harnosand' finds the units in Härnösand", () => {
      expect(index.search("harnosand").map((hit) => hit.doc.municipalityName)).toEqual(["Härnösand", "Härnösand"]);
      expect(codesOf(index.search("HÄRNÖSAND"))).toEqual(codesOf(index.search("harnosand")));
    });

    it("finds names typed without å/ä/ö", () => {
      expect(first("appelviksskolan")).toBe("15594566");
      expect(first("ornasskolan")).toBe("20104143");
      expect(first("par lagerkvistskolan vaxjo")).toBe("18116804");
      expect(first("malmo idrottsgrundskola")).toBe("71454628");
      expect(first("lycee francais")).toBe("40610606");
    });

    it("reads aa/ae/oe as å/ä/ö", () => {
      expect(first("aeppelviksskolan")).toBe("15594566");
      expect(first("oernaesskolan")).toBe("20104143");
      expect(first("kastellskolan haernoesand")).toBe("69454219");
    });
  });

  describe("typos", () => {
    it("tolerates one typo in words of 4 letters or more", () => {
      expect(first("rinkebysklan")).toBe(RINKEBYSKOLAN);
      expect(first("rinkbeyskolan")).toBe(RINKEBYSKOLAN);
      expect(first("tellusborgskolan")).toBe(TELLUSBORGSSKOLAN);
      expect(first("hjlsta")).toBe(HJULSTA);
    });

    it("tolerates two typos in words of 8 letters or more", () => {
      expect(first("tllusbrgsskolan")).toBe(TELLUSBORGSSKOLAN);
      expect(first("rnkbyskolan")).toBe(RINKEBYSKOLAN);
    });

    it("does not stretch further: two typos in a short word, or any typo in a word under 4 letters", () => {
      expect(index.search("hjlstq ")).toEqual([]);
      expect(index.search("tby ")).toEqual([]);
    });
  });

  describe("word order and compound names", () => {
    it("does not care about word order", () => {
      expect(first("key ellen")).toBe("16394249");
      expect(first("göteborg vasaskolan")).toBe(VASASKOLAN_GOTEBORG);
      expect(first("täby skolan engelska")).toBe(IES_TABY);
    });

    it("matches a compound name written apart, and a name written as one compound", () => {
      expect(first("rinkeby skola")).toBe(RINKEBYSKOLAN);
      expect(first("skolan rinkeby")).toBe(RINKEBYSKOLAN);
      expect(first("hjulstaskolan")).toBe(HJULSTA);
      expect(first("ellen keyskolan")).toBe("16394249");
    });

    it("knows the common initials of a chain: 'ies' is Internationella Engelska Skolan", () => {
      expect(first("ies täby")).toBe(IES_TABY);
      expect(first("ies kista")).toBe("82982309");
    });

    it("reads S:t as st", () => {
      expect(first("st eriks")).toBe("94943347");
    });
  });

  describe("while typing", () => {
    it("reads the last word as the start of a word", () => {
      expect(first("hjulst")).toBe(HJULSTA);
      expect(first("rink")).toBe(RINKEBYSKOLAN);
      expect(first("internationella engelska skolan tä")).toBe(IES_TABY);
    });

    it("trusts an unfinished word more than a finished one that is only the start of a name", () => {
      const typing = index.search("tellusb")[0];
      const finished = index.search("tellusb ")[0];
      expect(typing?.doc.schoolUnitCode).toBe(TELLUSBORGSSKOLAN);
      expect(finished?.doc.schoolUnitCode).toBe(TELLUSBORGSSKOLAN);
      expect(typing?.score ?? 0).toBeGreaterThan(finished?.score ?? 1);
      expect(index.search("tel ")).toEqual([]);
    });

    it("also lets a complete earlier word be the start of a longer one", () => {
      expect(first("internat engelska täby")).toBe(IES_TABY);
    });
  });

  describe("codes and Skolverket links", () => {
    it("resolves an 8-digit code directly: that unit alone, score 1", () => {
      expect(index.search("37416253")).toEqual([{ doc: SAMPLE_UNITS.find((unit) => unit.schoolUnitCode === RINKEBYSKOLAN), score: 1, matchedOn: ["code"] }]);
    });

    it("resolves links to Utbildningsguiden and the Skolverket API", () => {
      for (const url of [
        `https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=${HJULSTA}`,
        `https://utbildningsguiden.skolverket.se/hitta-skola/skolenhet/${HJULSTA}`,
        `https://api.skolverket.se/planned-educations/v4/school-units/${HJULSTA}`,
      ]) {
        const hits = index.search(url);
        expect(hits).toHaveLength(1);
        expect(hits[0]).toMatchObject({ doc: { schoolUnitCode: HJULSTA }, score: 1, matchedOn: ["url"] });
      }
    });

    it("gives nothing for a code that is not indexed", () => {
      expect(index.search("11111111")).toEqual([]);
      expect(index.search("https://api.skolverket.se/planned-educations/v4/school-units/11111111")).toEqual([]);
    });

    it("keeps scores of text matches below 1", () => {
      expect(index.search("vasaskolan")[0]?.score).toBeLessThan(1);
    });
  });

  describe("filters", () => {
    it("filters by municipality code or name, in any usual form", () => {
      for (const municipality of ["2281", "Sundsvall", "sundsvall", "Sundsvalls kommun"]) {
        expect(codesOf(index.search("hagaskolan", { municipality }))).toEqual([HAGASKOLAN_SUNDSVALL]);
      }
    });

    it("filters by county code or name", () => {
      for (const county of ["01", "1", "Stockholms län", "stockholm"]) {
        expect(codesOf(index.search("hagaskolan", { county }))).toEqual([HAGASKOLAN_SOLNA]);
      }
      expect(codesOf(index.search("hagaskolan", { county: "Västernorrlands län" }))).toEqual([HAGASKOLAN_SUNDSVALL]);
      expect(codesOf(index.search("vasaskolan", { county: "västra götaland" }))).toEqual([VASASKOLAN_GOTEBORG, "16057411"]);
    });

    it("filters by organizer id", () => {
      expect(codesOf(index.search("engelska skolan", { organizer: "5564624368" }))).toEqual(["82982309", IES_TABY]);
    });

    it("applies filters to code lookups too, and an unknown place matches nothing", () => {
      expect(index.search(RINKEBYSKOLAN, { municipality: "Täby" })).toEqual([]);
      expect(index.search("hagaskolan", { municipality: "Atlantis" })).toEqual([]);
    });
  });

  describe("ranking", () => {
    const unit = (code: string, name: string, municipalityName = "Uppsala", municipalityCode = "0380"): SchoolSearchDoc => ({
      schoolUnitCode: code,
      name,
      municipalityCode,
      municipalityName,
      countyCode: municipalityCode.slice(0, 2),
      organizerId: "2120003005",
      organizerName: "Uppsala kommun",
    });
    const ranking = SchoolSearchIndex.build([
      unit("10000004", "Tumaskolan"),
      unit("10000003", "Tunaskolanexpress"),
      unit("10000002", "Tunaskolan Norra"),
      unit("10000001", "Tunaskolan"),
      unit("10000006", "Skarpängsskolan", "Täby", "0160"),
      unit("10000007", "Kunskapsskolan Täby", "Täby", "0160"),
    ]);

    it("puts the exact name first, then the name with more words, then a longer word, then a typo", () => {
      expect(codesOf(ranking.search("tunaskolan")).slice(0, 4)).toEqual(["10000001", "10000002", "10000003", "10000004"]);
    });

    it("weighs a word in the name above the same word as the municipality", () => {
      expect(codesOf(ranking.search("täby"))).toEqual(["10000007", "10000006"]);
    });

    it("lets a municipality word pick the unit among namesakes", () => {
      expect(first("hagaskolan solna")).toBe(HAGASKOLAN_SOLNA);
      expect(first("hagaskolan sundsvall")).toBe(HAGASKOLAN_SUNDSVALL);
      expect(first("vasaskolan göteborg")).toBe(VASASKOLAN_GOTEBORG);
      expect(first("balettskolan göteborg")).toBe("24937512");
      expect(first("balettskolan stockholm")).toBe("63321041");
    });

    it("does not 'correct' a name that exists as typed into another one in the named place", () => {
      // No Hagaskolan in Göteborg; Vasaskolan there is two letters away but is not what was typed.
      expect(codesOf(index.search("hagaskolan göteborg")).slice(0, 2)).toEqual([HAGASKOLAN_SUNDSVALL, HAGASKOLAN_SOLNA]);
    });

    it("understands short forms of place names: sthlm, gbg", () => {
      expect(first("sthlm ellen key")).toBe("16394249");
      expect(first("vasaskolan gbg")).toBe(VASASKOLAN_GOTEBORG);
    });

    it("weighs generic words like 'skola' far below distinctive ones", () => {
      // "S:t Eriks Katolska Skola" has the word "skola" exactly; Engelbrektsskolan only contains "engelbrekt".
      expect(first("engelbrekt skola")).toBe("87521048");
    });

    it("matches organizer words, below name words", () => {
      expect(first("engelska skolan täby")).toBe(IES_TABY);
      const waldorf = index.search("waldorfskoleförening");
      expect(waldorf[0]?.doc.schoolUnitCode).toBe(HAGASKOLAN_SOLNA);
      expect(waldorf[0]?.matchedOn).toEqual(["organizer"]);
    });

    it("reports what each hit matched on", () => {
      expect(index.search("rinkebyskolan stockholm")[0]?.matchedOn).toEqual(["name", "municipality"]);
    });

    it("breaks ties by name, then by code, whatever the order the units were added in", () => {
      expect(codesOf(index.search("hagaskolan")).slice(0, 2)).toEqual([HAGASKOLAN_SUNDSVALL, HAGASKOLAN_SOLNA]);
      const shuffled = SchoolSearchIndex.build([...SAMPLE_UNITS].reverse());
      for (const query of ["hagaskolan", "stockholm", "skola", "vasa", "engelska", "harnosand", "täby"]) {
        expect(shuffled.search(query)).toEqual(index.search(query));
      }
    });
  });

  describe("limit", () => {
    const many = SchoolSearchIndex.build(
      Array.from({ length: 150 }, (_, i) => ({
        schoolUnitCode: String(20_000_000 + i),
        name: `Testskolan ${i}`,
        municipalityCode: "0180",
        municipalityName: "Stockholm",
        countyCode: "01",
        organizerId: "2120000142",
        organizerName: "Stockholms kommun",
      })),
    );

    it("returns 10 hits by default and never more than 100", () => {
      expect(many.search("testskolan")).toHaveLength(10);
      expect(many.search("testskolan", { limit: 3 })).toHaveLength(3);
      expect(many.search("testskolan", { limit: 1000 })).toHaveLength(100);
      expect(many.search("testskolan", { limit: Number.NaN })).toHaveLength(10);
    });
  });

  describe("keeping the index current", () => {
    it("adds, replaces and removes units by code", () => {
      const live = SchoolSearchIndex.build(SAMPLE_UNITS.slice(0, 3));
      expect(live.size).toBe(3);

      live.upsert({ ...SAMPLE_UNITS[0]!, name: "Nya Rinkebyskolan" });
      expect(live.size).toBe(3);
      expect(live.get(RINKEBYSKOLAN)?.name).toBe("Nya Rinkebyskolan");
      expect(live.search("nya rinkeby")[0]?.doc.name).toBe("Nya Rinkebyskolan");

      live.upsert(SAMPLE_UNITS[9]!);
      expect(live.size).toBe(4);
      expect(live.search("hagaskolan")[0]?.doc.schoolUnitCode).toBe(HAGASKOLAN_SOLNA);

      expect(live.remove(HAGASKOLAN_SOLNA)).toBe(true);
      expect(live.remove(HAGASKOLAN_SOLNA)).toBe(false);
      expect(live.size).toBe(3);
      expect(live.search("hagaskolan")).toEqual([]);
      expect(live.search(HAGASKOLAN_SOLNA)).toEqual([]);
    });

    it("stays correct after most units are removed or replaced", () => {
      const churn = SchoolSearchIndex.build(
        Array.from({ length: 200 }, (_, i) => ({ ...SAMPLE_UNITS[0]!, schoolUnitCode: String(30_000_000 + i), name: `Churnskolan ${i}` })),
      );
      for (let i = 0; i < 190; i += 1) churn.remove(String(30_000_000 + i));
      churn.upsert({ ...SAMPLE_UNITS[0]!, schoolUnitCode: "30000195", name: "Omdöpta skolan" });
      expect(churn.size).toBe(10);
      expect(codesOf(churn.search("churnskolan", { limit: 100 }))).toHaveLength(9);
      expect(codesOf(churn.search("omdopta"))).toEqual(["30000195"]);
      expect(codesOf(churn.search("churnskolan 5", { limit: 100 }))).not.toContain("30000005");
    });

    it("builds from a list with duplicate codes by keeping the last", () => {
      const built = SchoolSearchIndex.build([SAMPLE_UNITS[0]!, { ...SAMPLE_UNITS[0]!, name: "Rinkeby Nya" }]);
      expect(built.size).toBe(1);
      expect(built.get(RINKEBYSKOLAN)?.name).toBe("Rinkeby Nya");
    });
  });
});
