import { describe, expect, it } from "vitest";
import {
  DEFAULT_OFFICE_TOWNS,
  DEFAULT_OFFICES,
  focusAreaOfTopic,
  foldSwedish,
  isBareNo,
  isBareYes,
  NO_WORDS,
  officeTowns,
  PHASE_WORDS,
  phaseSchema,
  resolveConfig,
  YES_WORDS,
} from "../src/index";

describe("the Swedish folding every matcher uses", () => {
  it("lower-cases and drops å/ä/ö and other accents", () => {
    expect(foldSwedish("Härnösand")).toBe("harnosand");
    expect(foldSwedish("VÄXJÖ Göteborg")).toBe("vaxjo goteborg");
    expect(foldSwedish("Ærø, Øresund, café, Müller, Åre")).toBe("aro, oresund, cafe, muller, are");
  });

  it("keeps length and position, so an index in the folded text points into the original", () => {
    const changed: string[] = [];
    for (let code = 0; code <= 0x2ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCodePoint(code);
      if (foldSwedish(ch).length !== ch.length) changed.push(code.toString(16));
    }
    expect(changed).toEqual([]);
    expect(foldSwedish("İstanbul").length).toBe("İstanbul".length);
  });

  it("is idempotent", () => {
    const sample = "Åsa Öberg-Ängström, ÉCOLE Ærø Straße İzmir 한국 ﬁ";
    expect(foldSwedish(foldSwedish(sample))).toBe(foldSwedish(sample));
  });
});

describe("one vocabulary", () => {
  it("has words for every phase and no word for two phases", () => {
    expect(Object.keys(PHASE_WORDS).sort()).toEqual([...phaseSchema.options].sort());
    const all = Object.values(PHASE_WORDS).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const word of all) expect(foldSwedish(word)).toBe(word);
  });

  it("takes office towns from the configuration, the defaults from DEFAULT_OFFICES", () => {
    expect(DEFAULT_OFFICE_TOWNS).toEqual(DEFAULT_OFFICES.map((o) => o.town));
    const config = resolveConfig({ offices: [{ id: "kiruna", town: "Kiruna", openedOn: "2027-01-01", counties: ["25"] }] });
    expect(officeTowns(config.offices)).toEqual(["Kiruna"]);
  });

  it("reads a bare yes or no, with or without å/ä/ö, and nothing longer", () => {
    for (const word of YES_WORDS) expect(isBareYes(` ${word.toUpperCase()}! `)).toBe(true);
    for (const word of NO_WORDS) expect(isBareNo(`${word}.`)).toBe(true);
    expect(isBareNo("nä")).toBe(true);
    expect(isBareYes("ja tack, boka")).toBe(false);
    expect(isBareNo("nej men vänta")).toBe(false);
    expect(isBareYes("nej")).toBe(false);
  });

  it("names the focus area of a success factor however it is written", () => {
    expect(focusAreaOfTopic("elevhälsa")).toBe("pupilHealth");
    expect(focusAreaOfTopic(" Närvaro ")).toBe("attendance");
    expect(focusAreaOfTopic("Systematiskt kvalitetsarbete")).toBe("analysis");
    expect(focusAreaOfTopic("matematik")).toBeUndefined();
  });
});
