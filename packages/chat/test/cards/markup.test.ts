import { describe, expect, it } from "vitest";
import { escapeAdaptiveMarkdown, escapeMrkdwn, parseMarkup, plainText } from "../../src/cards";

describe("parseMarkup: the tiny markup", () => {
  it("reads bold, italic and links", () => {
    expect(parseMarkup("Boka **nu**, _gärna_ via [Skolverket](https://www.skolverket.se).")).toEqual([
      { kind: "text", text: "Boka " },
      { kind: "bold", text: "nu" },
      { kind: "text", text: ", " },
      { kind: "italic", text: "gärna" },
      { kind: "text", text: " via " },
      { kind: "link", text: "Skolverket", url: "https://www.skolverket.se" },
      { kind: "text", text: "." },
    ]);
  });

  it("leaves near-misses as literal text", () => {
    for (const literal of [
      "** inte fet**",
      "**inte fet **",
      "snake_case_namn",
      "_ inte kursiv_",
      "[ingen länk](javascript:alert(1))",
      "[ingen länk](ftp://example.se)",
      "**",
      "a * b",
      "[saknar](",
    ]) {
      expect(parseMarkup(literal)).toEqual([{ kind: "text", text: literal }]);
    }
  });

  it("accepts italics next to punctuation and Swedish letters inside", () => {
    expect(parseMarkup("(_åäö_)")).toEqual([
      { kind: "text", text: "(" },
      { kind: "italic", text: "åäö" },
      { kind: "text", text: ")" },
    ]);
  });

  it("is flat: markers inside bold stay literal", () => {
    expect(parseMarkup("**a _b_ c**")).toEqual([{ kind: "bold", text: "a _b_ c" }]);
  });

  it("turns into plain text with link targets spelled out", () => {
    expect(plainText(parseMarkup("**Se** [här](https://a.se) och [https://b.se](https://b.se)"))).toBe("Se här (https://a.se) och https://b.se");
  });
});

describe("escaping", () => {
  it("escapes exactly &, < and > for Slack", () => {
    expect(escapeMrkdwn("<!channel> & <@U1> *x*")).toBe("&lt;!channel&gt; &amp; &lt;@U1&gt; *x*");
  });

  it("backslash-escapes Adaptive Cards markdown, including list markers at line start", () => {
    expect(escapeAdaptiveMarkdown("*a* _b_ [c](d) `e` \\")).toBe("\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\\\");
    expect(escapeAdaptiveMarkdown("- punkt\n2. punkt\når 2024. Bra")).toBe("\\- punkt\n2\\. punkt\når 2024. Bra");
  });
});
