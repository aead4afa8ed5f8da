import { CsvError, parse } from "csv-parse/sync";
import { ValidationError } from "../errors";

/** One record of a delimited file. */
export type CsvRecord = {
  /** 1-based line on which the record starts. */
  line: number;
  cells: string[];
  /** The record's text as it stood in the file (line breaks as LF), without its line break. */
  raw: string;
};

interface RawRecord {
  record: string[];
  raw: string;
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/**
 * Splits delimited text (default `;`) into records with csv-parse. Handles `"quoted"` cells
 * that contain the delimiter, `""` escapes and line breaks, and LF, CRLF or CR line endings;
 * a stray quote inside an unquoted cell is kept as text. Line breaks are made LF first:
 * csv-parse counts a CRLF inside a quoted cell as two lines, and each record's `line` must
 * be the line a user sees in an editor.
 *
 * @throws ValidationError naming the line when the text cannot be read (a quote never closed).
 */
export function parseDelimited(text: string, delimiter = ";"): CsvRecord[] {
  const normalised = text.replace(/\r\n?/g, "\n");
  const records: CsvRecord[] = [];
  let nextLine = 1;
  try {
    parse(normalised, {
      delimiter,
      record_delimiter: "\n",
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      raw: true,
      // With `raw: true` a record arrives as `{ record, raw }`; csv-parse's types leave that out.
      on_record: (row: unknown, { lines }) => {
        const { record: cells, raw } = row as RawRecord;
        const own = raw.endsWith("\n") ? raw.slice(0, -1) : raw;
        // `lines` is the line the record ends on; a quoted cell may span several.
        records.push({ line: lines - countLineBreaks(own), cells, raw: own });
        nextLine = lines + 1;
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The failing record starts right after the last one read whole.
    const line = nextLine;
    throw ValidationError.field("file", {
      sv: `Rad ${line} kunde inte läsas: ${error.code === "CSV_QUOTE_NOT_CLOSED" ? "ett citattecken stängs aldrig" : "felaktig CSV"}.`,
      en: `Line ${line} could not be read: ${error.code === "CSV_QUOTE_NOT_CLOSED" ? "a quote is never closed" : "malformed CSV"}.`,
    });
  }
  return records;
}
