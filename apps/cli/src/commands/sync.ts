import type { Command } from "commander";
import {
  createSkolenhetsregistretClient,
  createSkolverketClient,
  DEFAULT_SKOLENHETSREGISTRET_API_URL,
  type Locale,
  type RegisterCounts,
  type RegisterSyncProgress,
  type RegisterSyncSummary,
  type SyncProgress,
  type SyncSummary,
} from "@samverkan/sdk";
import { progressBar } from "../format/progress";
import { printJson, printLines } from "../output";
import type { RunWith } from "../main";
import { dataContext } from "./import";
import { cliEnv } from "../runtime";
import { t } from "../i18n";

/** SKOLVERKET_API_URL when set (tests point it at the replay server), else the public API. */
function skolverketOptions(): { baseUrl?: string } {
  const baseUrl = cliEnv().skolverketApiUrl;
  return baseUrl ? { baseUrl } : {};
}

function report(summary: SyncSummary, locale: Locale): string[] {
  const m = t(locale).sync;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const lines = [
    m.syncedSchoolUnitsInIn({
      listed: summary.listed,
      municipalities: summary.municipalities.join(", "),
      added: summary.added,
      updated: summary.updated,
      unchanged: summary.unchanged,
      failed: summary.failed.length,
      seconds,
    }),
  ];
  if (summary.resumed) {
    lines.push(m.resumedAnUnfinishedRunUnits(summary.skipped));
  }
  if (summary.withoutStatistics.length > 0) {
    lines.push(m.noStatisticsAtSkolverket(summary.withoutStatistics.join(", ")));
  }
  if (summary.municipalitiesAdded > 0) {
    lines.push(m.municipalitiesLackNamesImportThe(summary.municipalitiesAdded));
  }
  if (summary.failed.length > 0) {
    lines.push(m.failedRunTheSameCommand);
    for (const f of summary.failed) lines.push(`  ${f.code} (${f.stage}): ${f.reason}`);
  }
  return lines;
}

function registerCounts(c: RegisterCounts, locale: Locale): string {
  return t(locale).sync.newChangedUnchangedNoLonger({ new: c.new, changed: c.changed, unchanged: c.unchanged, noLongerActive: c.noLongerActive });
}

function registerReport(summary: RegisterSyncSummary, locale: Locale): string[] {
  const m = t(locale).sync;
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const lines = [
    m.syncedTheSchoolUnitRegister({ organizers: summary.listed.organizers, schoolUnits: summary.listed.schoolUnits, seconds }),
    `  ${m.organizers}: ${registerCounts(summary.organizers, locale)}`,
    `  ${m.schoolUnits}: ${registerCounts(summary.schoolUnits, locale)}`,
  ];
  if (summary.resumed) {
    lines.push(m.resumedAnUnfinishedRunOrganizers({ organizers: summary.skipped.organizers, schoolUnits: summary.skipped.schoolUnits }));
  }
  if (summary.failed.length > 0) {
    lines.push(m.failedRunTheSameCommand);
    for (const f of summary.failed.slice(0, 50)) lines.push(`  ${f.code} (${f.stage}): ${f.reason}`);
    if (summary.failed.length > 50) lines.push(m.andMore(summary.failed.length - 50));
  } else {
    lines.push(m.theCoverageGoalNowCounts);
  }
  return lines;
}

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean),
];

export function registerSync(program: Command, run: RunWith): void {
  program
    .command("sync")
    .description("Fetch school units, details and statistics from Skolverket's API (SKOLVERKET_API_URL) for municipalities or counties")
    .option("--municipality <codes...>", "4-digit municipality codes, e.g. 0180", collect)
    .option("--county <codes...>", "2-digit county codes; uses the municipalities already in the store", collect)
    .option("--register", "sync every organizer and school unit of Skolenhetsregistret (SKOLENHETSREGISTRET_API_URL) instead")
    .option("--fresh", "start over instead of resuming an unfinished run")
    .option("--as <who>", "act as this staff member (admin) instead of the system sync job")
    .option("--json", "print the summary as JSON")
    .action((opts: { municipality?: string[]; county?: string[]; register?: boolean; fresh?: boolean; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const ctx = await dataContext(rt, opts.as, "sync");
        const m = t(rt.locale).sync;
        const bar = progressBar();
        if (opts.register) {
          let phase: RegisterSyncProgress["phase"] | undefined;
          const summary = await rt.sv.data.syncRegister(
            {
              client: createSkolenhetsregistretClient({ baseUrl: cliEnv().registerApiUrl ?? DEFAULT_SKOLENHETSREGISTRET_API_URL }),
              fresh: opts.fresh === true,
              onProgress: (p) => {
                if (phase !== undefined && phase !== p.phase) bar.done();
                phase = p.phase;
                bar.update(t(rt.locale).sync.registerPhases[p.phase], p.done, p.total);
              },
            },
            ctx,
          );
          bar.done();
          const counted = summary.organizers;
          const stored = counted.new + counted.changed + counted.unchanged + counted.noLongerActive + summary.skipped.organizers;
          if (summary.failed.length > 0 && stored === 0) process.exitCode = 1;
          if (opts.json) return printJson(summary);
          return printLines(registerReport(summary, rt.locale));
        }
        let phase: SyncProgress["phase"] | undefined;
        const summary = await rt.sv.data.sync(
          {
            client: createSkolverketClient(skolverketOptions()),
            ...(opts.municipality ? { municipalities: opts.municipality } : {}),
            ...(opts.county ? { counties: opts.county } : {}),
            fresh: opts.fresh === true,
            onProgress: (p) => {
              if (phase !== undefined && phase !== p.phase) bar.done();
              phase = p.phase;
              bar.update(p.phase === "listing" ? m.municipalities : m.schoolUnits, p.done, p.total);
            },
          },
          ctx,
        );
        bar.done();
        // Partial success is success (a re-run resumes); nothing stored at all is not.
        const stored = summary.added + summary.updated + summary.unchanged + summary.skipped;
        if (summary.failed.length > 0 && stored === 0) process.exitCode = 1;
        if (opts.json) return printJson(summary);
        printLines(report(summary, rt.locale));
      }),
    );
}
