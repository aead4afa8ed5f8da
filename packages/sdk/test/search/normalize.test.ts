import { describe, expect, it } from "vitest";
import { normalizeSwedish } from "../../src/search";

describe("normalizeSwedish", () => {
  it("lower-cases and folds å/ä to a, ö to o", () => {
    expect(normalizeSwedish("Härnösand")).toBe("harnosand");
    expect(normalizeSwedish("ÅRSTA ÄNGBY ÖREBRO")).toBe("arsta angby orebro");
  });

  it("drops other accents: é, ü, è, ç", () => {
    expect(normalizeSwedish("Lycée Français")).toBe("lycee francais");
    expect(normalizeSwedish("Müller Linnéskolan")).toBe("muller linneskolan");
  });

  it("folds letters that have no accent to drop (æ, ø, ß)", () => {
    expect(normalizeSwedish("Æble Øst Straße")).toBe("able ost strasse");
  });

  it("turns punctuation into spaces and collapses whitespace", () => {
    expect(normalizeSwedish("  Frejaskolan   F-9, (Göteborg)!  ")).toBe("frejaskolan f 9 goteborg");
    expect(normalizeSwedish("Saint-Louis/Ecole\tfrancaise")).toBe("saint louis ecole francaise");
  });

  it("keeps abbreviations with a colon or apostrophe as one word", () => {
    expect(normalizeSwedish("S:t Eriks Katolska Skola")).toBe("st eriks katolska skola");
    expect(normalizeSwedish("O'Brien")).toBe("obrien");
  });

  it("keeps digits and letters of other scripts", () => {
    expect(normalizeSwedish("Vasaskolan 7-9")).toBe("vasaskolan 7 9");
    expect(normalizeSwedish("Dar Al Uloum دار")).toBe("dar al uloum دار");
  });

  it("gives an empty string for empty or punctuation-only text", () => {
    expect(normalizeSwedish("")).toBe("");
    expect(normalizeSwedish(" -- ;; ")).toBe("");
  });
});
