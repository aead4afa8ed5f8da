import type { Command } from "commander";
import { formatDate } from "@samverkan/sdk";
import { printJson, printLines, table } from "../output";
import type { RunWith } from "../main";
import { t } from "../i18n";

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
        const msg = t(rt.locale).status;
        printLines([
          `${msg.store}: ${rt.store.description}`,
          "",
          ...table([
            [msg.municipalities, String(counts.municipalities)],
            [msg.organizers, String(counts.organizers)],
            [msg.schoolUnits, String(counts.schoolUnits)],
            [msg.qualityDialogues, String(counts.dialogues)],
            [msg.assignments, String(counts.assignments)],
            [msg.staff, String(counts.staff)],
          ]),
          "",
          ...(register
            ? [
                msg.schoolUnitRegisterSyncedActive({
                  syncedAt: formatDate(register.syncedAt),
                  active: register.organizers.active,
                  inactive: register.organizers.inactive,
                  active2: register.schoolUnits.active,
                  inactive2: register.schoolUnits.inactive,
                }),
              ]
            : [msg.theGoalIsTheConfigured(coverage.goal)]),
          msg.coverageOfOrganizersMetOf({
            met: coverage.met,
            goal: coverage.goal,
            pct: pct(coverage.share),
            pct2: pct(coverage.elapsedShare),
            startDate: coverage.startDate,
            endDate: coverage.endDate,
          }),
          msg.pacePerMonthSoFar({
            pacePerMonth: coverage.pacePerMonth.toFixed(1),
            neededPerMonth: coverage.neededPerMonth.toFixed(1),
            onTrack: coverage.onTrack,
          }),
        ]);
      }),
    );
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const pct = (share: number) => `${(share * 100).toFixed(1).replace(".", ",")} %`;
