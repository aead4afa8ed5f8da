import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/errors";
import { parseDelimited } from "../../src/skolverket/csv";

describe("parseDelimited", () => {
  it("splits on ; and keeps trailing empty cells", () => {
    expect(parseDelimited("a;b;;\n;;")).toEqual([
      { line: 1, cells: ["a", "b", "", ""], raw: "a;b;;" },
      { line: 2, cells: ["", "", ""], raw: ";;" },
    ]);
  });

  it("handles quotes, escaped quotes, ; and line breaks inside quotes, and CRLF (line breaks read as LF)", () => {
    const records = parseDelimited('"x;y";"say ""hi""";"two\r\nlines"\r\nnext;row\r\n');
    expect(records).toEqual([
      { line: 1, cells: ["x;y", 'say "hi"', "two\nlines"], raw: '"x;y";"say ""hi""";"two\nlines"' },
      { line: 3, cells: ["next", "row"], raw: "next;row" },
    ]);
  });

  it("numbers records by the line an editor shows, after quoted cells spanning CRLF lines", () => {
    const records = parseDelimited('a;"one\r\ntwo\r\nthree"\r\n\r\nb;c\r\nd;"e\r\nf"\r\ng;h');
    expect(records.map((record) => [record.line, record.cells[0]])).toEqual([
      [1, "a"],
      [4, ""],
      [5, "b"],
      [6, "d"],
      [8, "g"],
    ]);
  });

  it("reads old Mac (CR) line endings and keeps a stray quote in an unquoted cell as text", () => {
    expect(parseDelimited('a;b"c\rd;e').map((record) => record.cells)).toEqual([
      ["a", 'b"c'],
      ["d", "e"],
    ]);
  });

  it("names the line of a quoted cell that is never closed", () => {
    let thrown: unknown;
    try {
      parseDelimited('a;b\r\nc;"d\r\ne;f\r\n');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).localized("sv")).toBe("Rad 2 kunde inte läsas: ett citattecken stängs aldrig.");
    expect((thrown as ValidationError).localized("en")).toBe("Line 2 could not be read: a quote is never closed.");
  });
});
