import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { StatisticsExportFormatError, type ImportSummary, type Locale, type UpsertSummary, type WriteContext } from "@samverkan/sdk";
import { printJson, printLines, table } from "../output";
import { actingAs, CliUsageError, type CliRuntime } from "../runtime";
import type { RunWith } from "../main";
import { t } from "../i18n";

/** Imports and syncs act as a named system job unless a staff member is named. */
export async function dataContext(rt: CliRuntime, as: string | undefined, job: string): Promise<WriteContext> {
  return as ? actingAs(rt, as) : { actor: { system: job }, channel: "cli" };
}

export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliUsageError((m) => m.usage.couldNotReadTheFile({ file, reason }));
  }
}

const counts = (s: UpsertSummary, locale: Locale) =>
  t(locale).importCommand.addedUpdatedUnchanged({ added: s.added, updated: s.updated, unchanged: s.unchanged });

function report(summary: ImportSummary, file: string, locale: Locale): string[] {
  const m = t(locale).importCommand;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  return [
    m.importedOfRowsFromSchool({ imported: summary.imported, rows: summary.rows, file, schoolYear: summary.schoolYear, seconds }),
    ...table([
      [m.municipalities, counts(summary.municipalities, locale)],
      [m.organizers, counts(summary.organizers, locale)],
      [m.schoolUnits, counts(summary.schoolUnits, locale)],
      [m.results, counts(summary.results, locale)],
    ]),
    ...(summary.errors.length === 0 ? [] : [m.rowsWereNotImported(summary.errors.length), ...summary.errors.map((e) => `  ${m.line} ${e.line}: ${e.reason}`)]),
  ];
}

export function registerImport(program: Command, run: RunWith): void {
  program
    .command("import <file>")
    .description("Import Skolverket's statistics export (CSV, one row per school unit): municipalities, organizers, school units and results")
    .option("--school-year <year>", "school year of the results, e.g. 2024/25 (default: from the file)")
    .option("--as <who>", "act as this staff member (admin) instead of the system import job")
    .option("--json", "print the summary as JSON")
    .action((file: string, opts: { schoolYear?: string; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const text = readText(file);
        const ctx = await dataContext(rt, opts.as, "import");
        let summary: ImportSummary;
        try {
          summary = await rt.sv.data.importStatisticsExport(text, ctx, { source: basename(file), ...(opts.schoolYear ? { schoolYear: opts.schoolYear } : {}) });
        } catch (error) {
          if (error instanceof StatisticsExportFormatError) {
            throw new CliUsageError((m) => m.usage.isNotASkolverketStatistics({ file, message: error.message }));
          }
          throw error;
        }
        // Some rows in: success with a report of the rest. Nothing in: the file is of no use.
        if (summary.imported === 0) process.exitCode = 2;
        if (opts.json) return printJson(summary);
        printLines(report(summary, basename(file), rt.locale));
      }),
    );
}
