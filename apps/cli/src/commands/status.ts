import type { Command } from "commander";
import { printJson, printLines, table } from "../output";
import type { RunWith } from "../main";

export function registerStatus(program: Command, run: RunWith): void {
  program
    .command("status")
    .description("Show the store in use, counts and dialogue coverage")
    .option("--json", "print JSON: {store, counts, coverage, register}")
    .action((opts: { json?: boolean }) =>
      run(opts, async (rt) => {
        const counts = await rt.sv.counts();
        const coverage = await rt.sv.coverage.compute();
        const register = await rt.sv.data.registerStatus();
        const body = {
          store: rt.store.dialect,
          counts: {
            municipalities: counts.municipalities,
            organizers: counts.organizers,
            schoolUnits: counts.schoolUnits,
            dialogues: counts.dialogues,
            assignments: counts.assignments,
          },
          coverage: {
            met: coverage.met,
            goal: coverage.goal,
            share: round(coverage.share, 4),
            startDate: coverage.startDate,
            endDate: coverage.endDate,
            elapsedShare: round(coverage.elapsedShare, 4),
            pacePerMonth: round(coverage.pacePerMonth, 2),
            neededPerMonth: round(coverage.neededPerMonth, 2),
            onTrack: coverage.onTrack,
            goalSource: coverage.goalSource,
          },
          // Null until a register sync has completed; then the goal is its active organizers.
          register,
        };
        if (opts.json) return printJson(body);
        const sv = rt.locale === "sv";
        printLines([
          `${sv ? "Lagring" : "Store"}: ${rt.store.description}`,
          "",
          ...table([
            [sv ? "Kommuner" : "Municipalities", String(counts.municipalities)],
            [sv ? "Huvudmän" : "Organizers", String(counts.organizers)],
            [sv ? "Skolenheter" : "School units", String(counts.schoolUnits)],
            [sv ? "Kvalitetsdialoger" : "Quality dialogues", String(counts.dialogues)],
            [sv ? "Uppdrag" : "Assignments", String(counts.assignments)],
            [sv ? "Medarbetare" : "Staff", String(counts.staff)],
          ]),
          "",
          ...(register
            ? [
                sv
                  ? `Skolenhetsregistret (synkat ${register.syncedAt.slice(0, 10)}): ${register.organizers.active} aktiva huvudmän (${register.organizers.inactive} inaktiva), ${register.schoolUnits.active} aktiva skolenheter (${register.schoolUnits.inactive} övriga).`
                  : `School unit register (synced ${register.syncedAt.slice(0, 10)}): ${register.organizers.active} active organizers (${register.organizers.inactive} inactive), ${register.schoolUnits.active} active school units (${register.schoolUnits.inactive} other).`,
              ]
            : [
                sv
                  ? `Målet ${coverage.goal} är det konfigurerade; kör samverkan sync --register för att räkna mot registrets huvudmän.`
                  : `The goal ${coverage.goal} is the configured one; run samverkan sync --register to count against the register's organizers.`,
              ]),
          sv
            ? `Täckning: ${coverage.met} av ${coverage.goal} huvudmän mötta (${pct(coverage.share)}), ${pct(coverage.elapsedShare)} av tiden ${coverage.startDate}–${coverage.endDate} har gått.`
            : `Coverage: ${coverage.met} of ${coverage.goal} organizers met (${pct(coverage.share)}), ${pct(coverage.elapsedShare)} of ${coverage.startDate}–${coverage.endDate} has passed.`,
          sv
            ? `Takt: ${coverage.pacePerMonth.toFixed(1)} per månad hittills, ${coverage.neededPerMonth.toFixed(1)} per månad behövs. ${coverage.onTrack ? "I fas." : "Efter plan."}`
            : `Pace: ${coverage.pacePerMonth.toFixed(1)} per month so far, ${coverage.neededPerMonth.toFixed(1)} per month needed. ${coverage.onTrack ? "On track." : "Behind."}`,
        ]);
      }),
    );
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const pct = (share: number) => `${(share * 100).toFixed(1).replace(".", ",")} %`;
