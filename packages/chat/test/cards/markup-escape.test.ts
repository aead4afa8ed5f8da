import { describe, expect, it } from "vitest";
import { escapeMarkup, parseMarkup, plainText } from "../../src/cards/markup";

const HOSTILE = [
  "<https://evil|x>",
  "[x](https://e)",
  "X [Logga in](https://evil.example)",
  "*bold*",
  "**bold**",
  "_it_",
  "~strike~",
  "`code`",
  "<!channel>",
  "@here",
  "a\\*b",
  "\\",
  "back\\slash",
  "a_b_c",
  "[",
  "**",
];

describe("escapeMarkup", () => {
  it.each(HOSTILE)("keeps %s as one plain text, character for character", (text) => {
    for (const markup of [escapeMarkup(text), `**${escapeMarkup(text)}**`, `_${escapeMarkup(text)}_`, `före ${escapeMarkup(text)} efter`]) {
      const nodes = parseMarkup(markup);
      expect(
        nodes.every((n) => n.kind !== "link"),
        markup,
      ).toBe(true);
      expect(plainText(nodes), markup).toBe(markup.startsWith("före") ? `före ${text} efter` : text);
    }
  });

  it("keeps the engine's own markup working around escaped data", () => {
    expect(parseMarkup(`Träffar för **${escapeMarkup("*x* [y](https://e)")}**:`)).toEqual([
      { kind: "text", text: "Träffar för " },
      { kind: "bold", text: "*x* [y](https://e)" },
      { kind: "text", text: ":" },
    ]);
    expect(parseMarkup(`${escapeMarkup("[Logga in](https://evil.example)")} och [riktig](https://skolverket.se)`)).toEqual([
      { kind: "text", text: "[", plain: true },
      { kind: "text", text: "Logga in" },
      { kind: "text", text: "]", plain: true },
      { kind: "text", text: "(https://evil.example) och " },
      { kind: "link", text: "riktig", url: "https://skolverket.se" },
    ]);
  });
});
