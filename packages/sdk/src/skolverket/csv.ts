/** One record of a delimited file. */
export type CsvRecord = {
  /** 1-based line on which the record starts. */
  line: number;
  cells: string[];
  /** The record's text as it stood in the file, without its line break. */
  raw: string;
};

/**
 * Splits delimited text (default `;`) into records. Handles `"quoted"` cells that
 * contain the delimiter, `""` escapes and line breaks, and LF or CRLF line endings.
 */
export function parseDelimited(text: string, delimiter = ";"): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;

  const endRecord = (end: number) => {
    cells.push(cell);
    records.push({ line: recordLine, cells, raw: text.slice(recordStart, end) });
    cells = [];
    cell = "";
  };

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === "\n") line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === "") quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      endRecord(i);
      if (char === "\r" && text[i + 1] === "\n") i++;
      line++;
      recordLine = line;
      recordStart = i + 1;
    } else cell += char;
  }
  if (cell !== "" || cells.length > 0 || quoted) endRecord(text.length);
  return records;
}
