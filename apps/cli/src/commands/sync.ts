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

function report(summary: SyncSummary, locale: Locale): string[] {
  const sv = locale === "sv";
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const lines = [
    sv
      ? `Synkade ${summary.listed} skolenheter i ${summary.municipalities.join(", ")} på ${seconds.replace(".", ",")} s: ${summary.added} nya, ${summary.updated} uppdaterade, ${summary.unchanged} oförändrade, ${summary.failed.length} misslyckade.`
      : `Synced ${summary.listed} school units in ${summary.municipalities.join(", ")} in ${seconds} s: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed.`,
  ];
  if (summary.resumed) {
    lines.push(sv ? `Fortsatte en avbruten körning: ${summary.skipped} enheter var redan klara.` : `Resumed an unfinished run: ${summary.skipped} units were already done.`);
  }
  if (summary.withoutStatistics.length > 0) {
    lines.push(
      sv
        ? `Utan statistik hos Skolverket: ${summary.withoutStatistics.join(", ")}.`
        : `No statistics at Skolverket: ${summary.withoutStatistics.join(", ")}.`,
    );
  }
  if (summary.municipalitiesAdded > 0) {
    lines.push(
      sv
        ? `${summary.municipalitiesAdded} kommuner saknade namn; läs in statistikexporten för att få dem (samverkan import).`
        : `${summary.municipalitiesAdded} municipalities lack names; import the statistics export to get them (samverkan import).`,
    );
  }
  if (summary.failed.length > 0) {
    lines.push(sv ? "Misslyckades (kör samma kommando igen för att fortsätta):" : "Failed (run the same command again to resume):");
    for (const f of summary.failed) lines.push(`  ${f.code} (${f.stage}): ${f.reason}`);
  }
  return lines;
}

function registerCounts(c: RegisterCounts, locale: Locale): string {
  return locale === "sv"
    ? `${c.new} nya, ${c.changed} ändrade, ${c.unchanged} oförändrade, ${c.noLongerActive} inte längre aktiva`
    : `${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.noLongerActive} no longer active`;
}

function registerReport(summary: RegisterSyncSummary, locale: Locale): string[] {
  const sv = locale === "sv";
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const lines = [
    sv
      ? `Synkade skolenhetsregistret på ${seconds.replace(".", ",")} s: ${summary.listed.organizers} huvudmän och ${summary.listed.schoolUnits} skolenheter listade.`
      : `Synced the school unit register in ${seconds} s: ${summary.listed.organizers} organizers and ${summary.listed.schoolUnits} school units listed.`,
    `  ${sv ? "Huvudmän" : "Organizers"}: ${registerCounts(summary.organizers, locale)}`,
    `  ${sv ? "Skolenheter" : "School units"}: ${registerCounts(summary.schoolUnits, locale)}`,
  ];
  if (summary.resumed) {
    lines.push(
      sv
        ? `Fortsatte en avbruten körning: ${summary.skipped.organizers} huvudmän och ${summary.skipped.schoolUnits} skolenheter var redan klara.`
        : `Resumed an unfinished run: ${summary.skipped.organizers} organizers and ${summary.skipped.schoolUnits} school units were already done.`,
    );
  }
  if (summary.failed.length > 0) {
    lines.push(sv ? "Misslyckades (kör samma kommando igen för att fortsätta):" : "Failed (run the same command again to resume):");
    for (const f of summary.failed.slice(0, 50)) lines.push(`  ${f.code} (${f.stage}): ${f.reason}`);
    if (summary.failed.length > 50) lines.push(sv ? `  … och ${summary.failed.length - 50} till` : `  … and ${summary.failed.length - 50} more`);
  } else {
    lines.push(sv ? "Täckningsmålet räknas nu mot registrets aktiva huvudmän." : "The coverage goal now counts the register's active organizers.");
  }
  return lines;
}

const REGISTER_PHASES: Record<RegisterSyncProgress["phase"], { sv: string; en: string }> = {
  listing: { sv: "Listor", en: "Lists" },
  organizers: { sv: "Huvudmän", en: "Organizers" },
  schoolUnits: { sv: "Skolenheter", en: "School units" },
};

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(",").map((v) => v.trim()).filter(Boolean)];

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
        const sv = rt.locale === "sv";
        const bar = progressBar();
        if (opts.register) {
          let phase: RegisterSyncProgress["phase"] | undefined;
          const summary = await rt.sv.data.syncRegister(
            {
              client: createSkolenhetsregistretClient({ baseUrl: process.env.SKOLENHETSREGISTRET_API_URL || DEFAULT_SKOLENHETSREGISTRET_API_URL }),
              fresh: opts.fresh === true,
              onProgress: (p) => {
                if (phase !== undefined && phase !== p.phase) bar.done();
                phase = p.phase;
                bar.update(REGISTER_PHASES[p.phase][rt.locale], p.done, p.total);
              },
            },
            ctx,
          );
          bar.done();
          const stored = Object.values(summary.organizers).reduce((a, b) => a + b, 0) + summary.skipped.organizers;
          if (summary.failed.length > 0 && stored === 0) process.exitCode = 1;
          if (opts.json) return printJson(summary);
          return printLines(registerReport(summary, rt.locale));
        }
        let phase: SyncProgress["phase"] | undefined;
        const summary = await rt.sv.data.sync(
          {
            client: createSkolverketClient(),
            ...(opts.municipality ? { municipalities: opts.municipality } : {}),
            ...(opts.county ? { counties: opts.county } : {}),
            fresh: opts.fresh === true,
            onProgress: (p) => {
              if (phase !== undefined && phase !== p.phase) bar.done();
              phase = p.phase;
              bar.update(p.phase === "listing" ? (sv ? "Kommuner" : "Municipalities") : sv ? "Skolenheter" : "School units", p.done, p.total);
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
