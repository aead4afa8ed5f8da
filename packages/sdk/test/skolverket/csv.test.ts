import { describe, expect, it } from "vitest";
import { parseDelimited } from "../../src/skolverket/index";

describe("parseDelimited", () => {
  it("splits on ; and keeps trailing empty cells", () => {
    expect(parseDelimited("a;b;;\n;;")).toEqual([
      { line: 1, cells: ["a", "b", "", ""], raw: "a;b;;" },
      { line: 2, cells: ["", "", ""], raw: ";;" },
    ]);
  });

  it("handles quotes, escaped quotes, ; and line breaks inside quotes, and CRLF", () => {
    const records = parseDelimited('"x;y";"say ""hi""";"two\r\nlines"\r\nnext;row\r\n');
    expect(records).toEqual([
      { line: 1, cells: ["x;y", 'say "hi"', "two\r\nlines"], raw: '"x;y";"say ""hi""";"two\r\nlines"' },
      { line: 3, cells: ["next", "row"], raw: "next;row" },
    ]);
  });
});
