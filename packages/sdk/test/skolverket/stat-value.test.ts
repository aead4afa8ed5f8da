import { describe, expect, it } from "vitest";
import { numericOrNull, parseStatValue, statValueSchema } from "../../src/skolverket/stat-value";
import { formatStatValue } from "../../src/skolverket/stat-value-format";
import { parseSwedishNumber } from "../../src/skolverket/swedish-number";

describe("parseSwedishNumber", () => {
  it.each([
    ["93,5", 93.5],
    ["18,0", 18],
    ["0", 0],
    ["1 234", 1234],
    ["1\u00a0234,5", 1234.5],
    ["12\u202f345", 12345],
    ["-3,2", -3.2],
    ["−3,2", -3.2],
    [" 42 ", 42],
  ])("%j → %d", (text, expected) => {
    expect(parseSwedishNumber(text)).toBe(expected);
  });

  it.each(["", "93.5", "1,2,3", "12 34", "abc", "1 234 56", ",5", "5,"])("rejects %j", (text) => {
    expect(parseSwedishNumber(text)).toBeNull();
  });
});

describe("parseStatValue", () => {
  it("parses numbers and keeps the valueType", () => {
    expect(parseStatValue("93,5", "EXISTS")).toEqual({ kind: "number", value: 93.5, raw: "93,5", valueType: "EXISTS" });
    expect(parseStatValue("1 234")).toEqual({ kind: "number", value: 1234, raw: "1 234" });
  });

  it("recognises rounded and approximate values", () => {
    expect(parseStatValue("~100", "ROUNDED_OFF_DUE_TO_FEW_PUPILS_NOT_ELIGIBLE")).toEqual({
      kind: "rounded",
      value: 100,
      raw: "~100",
      valueType: "ROUNDED_OFF_DUE_TO_FEW_PUPILS_NOT_ELIGIBLE",
    });
    expect(parseStatValue("cirka 210", "EXISTS")).toMatchObject({ kind: "approximate", value: 210 });
    expect(parseStatValue("ca 1 200")).toMatchObject({ kind: "approximate", value: 1200 });
  });

  it("never turns a marker into a number", () => {
    const markers: Array<[string | null | undefined, string | undefined, string]> = [
      ["..", "OMITTED_DUE_TO_BASED_ON_FEW_PUPILS", "hidden"],
      [".", "MISSING", "missing"],
      ["-", undefined, "missing"],
      ["–", undefined, "missing"],
      ["*", "TEACHERS_EXCLUDED_DUE_TO_NO_REQUIRED_LEGITIMATION", "excluded"],
      [null, "MISSING", "missing"],
      [undefined, undefined, "missing"],
      ["", undefined, "missing"],
      [null, "OMITTED_DUE_TO_BASED_ON_FEW_PUPILS", "hidden"],
      [null, "TEACHERS_EXCLUDED_DUE_TO_NO_REQUIRED_LEGITIMATION", "excluded"],
    ];
    for (const [raw, valueType, kind] of markers) {
      const value = parseStatValue(raw, valueType);
      expect(value.kind, `${String(raw)} / ${String(valueType)}`).toBe(kind);
      expect("value" in value).toBe(false);
      expect(numericOrNull(value)).toBeNull();
    }
  });

  it("uses the valueType when the text alone is ambiguous", () => {
    expect(parseStatValue("100", "ROUNDED_OFF_DUE_TO_FEW_PUPILS_NOT_ELIGIBLE")).toMatchObject({ kind: "rounded", value: 100 });
    expect(parseStatValue(null, "OMITTED_DUE_TO_BASED_ON_FEW_PUPILS")).toEqual({
      kind: "hidden",
      raw: "",
      valueType: "OMITTED_DUE_TO_BASED_ON_FEW_PUPILS",
    });
  });

  it("keeps unknown text as unparseable without throwing", () => {
    for (const raw of ["n/a", "93.5", "~", "cirka", "...", "12%"]) {
      expect(parseStatValue(raw, "EXISTS")).toEqual({ kind: "unparseable", raw, valueType: "EXISTS" });
    }
  });

  it("produces values that satisfy the schema", () => {
    for (const raw of ["93,5", "~100", "cirka 130", "..", ".", "*", "x", null]) {
      expect(statValueSchema.safeParse(parseStatValue(raw, "EXISTS")).success).toBe(true);
    }
    expect(statValueSchema.parse({ kind: "hidden", value: 0, raw: ".." })).toEqual({ kind: "hidden", raw: ".." });
    expect(statValueSchema.safeParse({ kind: "number", raw: "1" }).success).toBe(false);
  });
});

describe("numericOrNull", () => {
  it("returns the number of numeric kinds, optionally excluding rounded and approximate", () => {
    expect(numericOrNull(parseStatValue("93,5"))).toBe(93.5);
    expect(numericOrNull(parseStatValue("~100"))).toBe(100);
    expect(numericOrNull(parseStatValue("~100"), { rounded: false })).toBeNull();
    expect(numericOrNull(parseStatValue("cirka 130"), { approximate: false })).toBeNull();
    expect(numericOrNull(parseStatValue("0"))).toBe(0);
  });
});

describe("formatStatValue", () => {
  it.each([
    ["93,5", "sv", "93,5"],
    ["93,5", "en", "93.5"],
    ["18,0", "sv", "18,0"],
    ["1 234", "sv", "1\u00a0234"],
    ["1 234", "en", "1,234"],
    ["~100", "sv", "≈100"],
    ["cirka 130", "sv", "cirka 130"],
    ["cirka 130", "en", "about 130"],
    ["..", "sv", "dolt (få elever)"],
    ["..", "en", "hidden (few pupils)"],
    [".", "sv", "saknas"],
    [".", "en", "missing"],
    ["*", "sv", "ej redovisat"],
    ["??", "en", "unknown value (??)"],
  ] as const)("%j in %s → %j", (raw, locale, expected) => {
    expect(formatStatValue(parseStatValue(raw), locale)).toBe(expected);
  });
});
