import { describe, expect, it } from "vitest";
import { extractOrganizationNumber, extractSchoolUnitCode } from "../../src/search";

describe("extractSchoolUnitCode", () => {
  it("reads an 8-digit code on its own, ignoring surrounding spaces", () => {
    expect(extractSchoolUnitCode("39907811")).toBe("39907811");
    expect(extractSchoolUnitCode("  39907811 ")).toBe("39907811");
  });

  it("reads the code from Utbildningsguiden links", () => {
    expect(extractSchoolUnitCode("https://utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=39907811")).toBe("39907811");
    expect(extractSchoolUnitCode("https://utbildningsguiden.skolverket.se/hitta-skola/skolenhet/39907811")).toBe("39907811");
    expect(extractSchoolUnitCode("utbildningsguiden.skolverket.se/skolenhet?schoolUnitID=39907811&tab=stat")).toBe("39907811");
  });

  it("reads the code from Skolverket API links", () => {
    expect(extractSchoolUnitCode("https://api.skolverket.se/planned-educations/v4/school-units/39907811")).toBe("39907811");
    expect(extractSchoolUnitCode("https://api.skolverket.se/planned-educations/v4/school-units/39907811/statistics/gr")).toBe("39907811");
  });

  it("ignores codes of the wrong length, codes inside other text, and other sites", () => {
    expect(extractSchoolUnitCode("3990781")).toBeUndefined();
    expect(extractSchoolUnitCode("399078111")).toBeUndefined();
    expect(extractSchoolUnitCode("skola 39907811")).toBeUndefined();
    expect(extractSchoolUnitCode("https://example.com/skolenhet/39907811")).toBeUndefined();
    expect(extractSchoolUnitCode("https://skolverket.se.example.com/skolenhet/39907811")).toBeUndefined();
    expect(extractSchoolUnitCode("https://utbildningsguiden.skolverket.se/skolenhet")).toBeUndefined();
    expect(extractSchoolUnitCode("javascript:skolverket.se/skolenhet/39907811")).toBeUndefined();
  });
});

describe("extractOrganizationNumber", () => {
  it("reads ten digits with or without the hyphen, and the 16-prefixed form", () => {
    expect(extractOrganizationNumber("2120000142")).toBe("2120000142");
    expect(extractOrganizationNumber("212000-0142")).toBe("2120000142");
    expect(extractOrganizationNumber("16212000-0142")).toBe("2120000142");
  });

  it("ignores anything else", () => {
    expect(extractOrganizationNumber("39907811")).toBeUndefined();
    expect(extractOrganizationNumber("Stockholms kommun")).toBeUndefined();
  });
});
