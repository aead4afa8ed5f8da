import { readFile } from "node:fs/promises";
import { recordedExchangeSchema, type RecordedExchange } from "./exchange";

/** A recording that cannot be replayed: names the file and the 1-based line. */
export class ReplayFileError extends Error {
  override readonly name = "ReplayFileError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

function describeIssues(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join(".") : "(line)"}: ${issue.message}`).join("; ");
}

/** Parses the text of a `.jsonl` recording; blank lines are skipped. */
export function parseExchanges(text: string, file = "<exchanges>"): RecordedExchange[] {
  const exchanges: RecordedExchange[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new ReplayFileError(file, lineNumber, `not valid JSON (${(error as Error).message})`);
    }
    const parsed = recordedExchangeSchema.safeParse(json);
    if (!parsed.success) {
      throw new ReplayFileError(file, lineNumber, `invalid exchange: ${describeIssues(parsed.error)}`);
    }
    exchanges.push(parsed.data);
  });
  return exchanges;
}

/** Reads and validates a `.jsonl` recording from disk. */
export async function loadExchanges(file: string): Promise<RecordedExchange[]> {
  return parseExchanges(await readFile(file, "utf8"), file);
}
