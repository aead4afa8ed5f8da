import { describe, expect, it } from "vitest";
import { hasValidLuhnCheckDigit, isValidOrganisationNumber } from "../../src/domain/luhn";

describe("isValidOrganisationNumber", () => {
  it.each(["2120000084", "5566501796", "8865009610", "212000-0084", " 5566501796 "])("accepts %j", (value) => {
    expect(isValidOrganisationNumber(value)).toBe(true);
  });

  it.each(["2120000085", "5566501797", "212000008", "21200000841", "21200-00084", "abcdefghij", ""])("rejects %j", (value) => {
    expect(isValidOrganisationNumber(value)).toBe(false);
  });

  it("checks every single-digit error", () => {
    const valid = "5566501796";
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = `${valid.slice(0, i)}${d}${valid.slice(i + 1)}`;
        expect(isValidOrganisationNumber(changed)).toBe(changed === valid);
      }
    }
  });

  it("exposes the plain Luhn check", () => {
    expect(hasValidLuhnCheckDigit("79927398713")).toBe(true);
    expect(hasValidLuhnCheckDigit("79927398710")).toBe(false);
  });
});
