import { isRequestError, ValidationError, type Locale } from "@samverkan/sdk";
import { CliUsageError } from "./runtime";
import { t } from "./i18n";

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLines(lines: string[]): void {
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** Aligned `label  value` rows. */
export function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/**
 * Turns any failure into one clear line (or JSON with --json) and an exit code:
 * 2 for bad input, 3 not found, 4 conflict, 5 forbidden, 1 anything unexpected.
 */
export function reportError(error: unknown, locale: Locale, json: boolean): number {
  if (error instanceof CliUsageError) {
    emit(json, { error: { code: "usage", message: error[locale] } }, error[locale]);
    return 2;
  }
  // Only errors about the request map to their own exit codes; a source or store failure is unexpected.
  if (isRequestError(error)) {
    const codes = { validation: 2, not_found: 3, conflict: 4, forbidden: 5 } as const;
    const body: Record<string, unknown> = { code: error.code, message: error.localized(locale) };
    if (error instanceof ValidationError) body.issues = error.issues.map((i) => ({ field: i.field, message: i.message[locale] }));
    if ("conflicts" in error) body.conflicts = error.conflicts;
    emit(json, { error: body }, error.localized(locale));
    return codes[error.code];
  }
  const message = error instanceof Error ? error.message : String(error);
  emit(json, { error: { code: "internal", message } }, `${t(locale).output.error}: ${message}`);
  return 1;
}

function emit(json: boolean, body: unknown, text: string): void {
  if (json) process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  else process.stderr.write(`${text}\n`);
}
