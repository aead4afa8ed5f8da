import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n";
import { en } from "../../src/i18n/en";
import { sv } from "../../src/i18n/sv";

/** Every leaf path of a catalogue with what sits there: a text, a list of n texts, or a function of n parameters. */
export function catalogueShape(node: unknown, path = ""): Map<string, string> {
  const shape = new Map<string, string>();
  if (typeof node === "string") shape.set(path, "text");
  else if (typeof node === "function") shape.set(path, `function/${node.length}`);
  else if (Array.isArray(node)) shape.set(path, `list/${node.length}`);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) for (const [p, kind] of catalogueShape(value, path ? `${path}.${key}` : key)) shape.set(p, kind);
  } else shape.set(path, typeof node);
  return shape;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, kind] of a) if (b.get(path) !== kind) out.push(`${path}: ${kind} vs ${b.get(path) ?? "missing"}`);
  for (const path of b.keys()) if (!a.has(path)) out.push(`${path}: missing vs ${b.get(path)}`);
  return out;
}

describe("the message catalogues", () => {
  it("have the same keys, list lengths and parameter counts in Swedish and English", () => {
    const svShape = catalogueShape(sv);
    expect(svShape.size).toBeGreaterThan(400);
    expect(differences(svShape, catalogueShape(en))).toEqual([]);
  });

  it("report a key that only one language has (the check above can fail)", () => {
    const withExtra = { ...sv, book: { ...sv.book, onlyInSwedish: "bara här" } };
    expect(differences(catalogueShape(withExtra), catalogueShape(en))).toEqual(["book.onlyInSwedish: text vs missing"]);
    const { booked: _dropped, ...commonWithoutBooked } = en.common;
    expect(differences(catalogueShape(sv), catalogueShape({ ...en, common: commonWithoutBooked }))).toEqual(["common.booked: text vs missing"]);
  });

  it("hold text in every leaf: no empty string, no function that returns an empty one", () => {
    for (const catalogue of [sv, en]) {
      for (const [path, kind] of catalogueShape(catalogue)) {
        if (kind === "text") expect(path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue), path).not.toBe("");
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
