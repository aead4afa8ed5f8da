import { catalogueDifferences, catalogueShape } from "@samverkan/vitest-config/helpers";
import { describe, expect, it } from "vitest";
import { isLocale, t } from "../src/i18n";
import { en } from "../src/i18n/en";
import { sv } from "../src/i18n/sv";

describe("the CLI's message catalogues", () => {
  it("have the same keys, list lengths and parameter counts in Swedish and English", () => {
    expect(catalogueShape(sv).size).toBeGreaterThan(100);
    expect(catalogueDifferences(sv, en)).toEqual([]);
  });

  it("would report a key that only one language has", () => {
    const { welcome: _dropped, ...startWithoutWelcome } = en.start;
    expect(catalogueDifferences(sv, { ...en, start: startWithoutWelcome })).toEqual(["start.welcome: text vs missing"]);
  });

  it("are chosen by t(locale), and only sv and en are languages", () => {
    expect(t("en").start.askName).toBe("What is your name? ");
    expect(t("sv").start.askName).toBe("Vad heter du? ");
    expect(["sv", "en", "de", "toString", ""].map(isLocale)).toEqual([true, true, false, false, false]);
  });
});
