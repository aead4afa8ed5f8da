import type { Command } from "commander";
import { agencySchema, focusAreaSchema, formatDate, formatStamp, PHASE_NAMES, phaseSchema, type Assignment, type Phase } from "@samverkan/sdk";
import { printJson, printLines, table } from "../output";
import { actingAs, CliUsageError, type CliRuntime } from "../runtime";
import type { RunWith } from "../main";
import { t } from "../i18n";

async function staffId(rt: CliRuntime, who: string): Promise<string> {
  const staff = await rt.sv.staff.find(who);
  if (!staff) throw new CliUsageError((m) => m.usage.noStaffMember(who));
  return staff.id;
}

function percentOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.replace(",", ".").replace("%", ""));
  if (!Number.isFinite(n)) throw new CliUsageError((m) => m.usage.percentMustBeANumber(text));
  return n;
}

function phaseOption(text: string | undefined): Phase | undefined {
  if (text === undefined) return undefined;
  const parsed = phaseSchema.safeParse(text);
  if (!parsed.success) throw new CliUsageError((m) => m.usage.unknownPhaseChoose({ text, options: phaseSchema.options.join(", ") }));
  return parsed.data;
}

function row(a: Assignment, locale: "sv" | "en"): string[] {
  return [a.ref, a.title, PHASE_NAMES[a.phase][locale], a.percent === null ? "–" : `${a.percent} %`, a.lastProgressAt ? formatDate(a.lastProgressAt) : "–"];
}

export function registerAssignments(program: Command, run: RunWith): void {
  const assignments = program.command("assignments").description("Plans, assignments (uppdrag) and their progress");

  assignments
    .command("plan")
    .description("Create a joint plan for a school unit or an organizer")
    .requiredOption("--title <title>", "title")
    .option("--school <code>", "school unit code")
    .option("--organizer <organizer>", "organizer id, organisation number or exact name")
    .option("--as <who>", "acting unit head")
    .option("--json", "print JSON")
    .action((opts: { title: string; school?: string; organizer?: string; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const organizer = opts.organizer ? await rt.sv.organizers.find(opts.organizer) : undefined;
        if (opts.organizer && !organizer) throw new CliUsageError((m) => m.usage.noOrganizer(opts.organizer));
        const plan = await rt.sv.assignments.createPlan(
          { title: opts.title, schoolUnitCode: opts.school ?? null, organizerId: organizer?.id ?? null },
          await actingAs(rt, opts.as),
        );
        if (opts.json) return printJson(plan);
        printLines([`${t(rt.locale).assignments.planCreated}: ${plan.title} (${plan.id})`]);
      }),
    );

  assignments
    .command("create")
    .description("Create an assignment in a plan; it gets the next U-number")
    .requiredOption("--plan <id>", "plan id")
    .requiredOption("--title <title>", "title")
    .requiredOption("--focus <area>", `focus area: ${focusAreaSchema.options.join(", ")}`)
    .option("--agency <agency>", `responsible agency: ${agencySchema.options.join(", ")}`, "spsm")
    .option("--responsible <who>", "responsible staff member")
    .option("--due <date>", "due date, YYYY-MM-DD")
    .option("--material <ref...>", "reference material (underlag)")
    .option("--as <who>", "acting unit head")
    .option("--json", "print JSON")
    .action(
      (opts: {
        plan: string;
        title: string;
        focus: string;
        agency: string;
        responsible?: string;
        due?: string;
        material?: string[];
        as?: string;
        json?: boolean;
      }) =>
        run(opts, async (rt) => {
          const a = await rt.sv.assignments.create(
            {
              planId: opts.plan,
              title: opts.title,
              focusArea: opts.focus as Assignment["focusArea"],
              agency: opts.agency as Assignment["agency"],
              responsibleStaffId: opts.responsible ? await staffId(rt, opts.responsible) : null,
              dueDate: opts.due ?? null,
              referenceMaterial: opts.material ?? [],
            },
            await actingAs(rt, opts.as),
          );
          if (opts.json) return printJson(a);
          printLines([`${t(rt.locale).assignments.created} ${a.ref}: ${a.title}`]);
        }),
    );

  assignments
    .command("list")
    .description("Open assignments")
    .option("--mine", "only mine")
    .option("--responsible <who>", "only this staff member's")
    .option("--phase <phase>", "only in this phase")
    .option("--all", "include completed")
    .option("--as <who>", "acting staff member")
    .option("--json", "print JSON")
    .action((opts: { mine?: boolean; responsible?: string; phase?: string; all?: boolean; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        let responsible: string | undefined;
        if (opts.mine) {
          const ctx = await actingAs(rt, opts.as);
          responsible = "staffId" in ctx.actor ? ctx.actor.staffId : undefined;
        }
        if (opts.responsible) responsible = await staffId(rt, opts.responsible);
        const phase = phaseOption(opts.phase);
        const list = await rt.sv.assignments.list({
          ...(responsible ? { responsibleStaffId: responsible } : {}),
          ...(phase ? { phase } : {}),
          includeCompleted: Boolean(opts.all),
        });
        if (opts.json) return printJson(list);
        printLines(list.length ? table(list.map((a) => row(a, rt.locale))) : [t(rt.locale).assignments.noAssignments]);
      }),
    );

  assignments
    .command("show <ref>")
    .description("An assignment with its full progress history")
    .option("--json", "print JSON: {assignment, history}")
    .action((ref: string, opts: { json?: boolean }) =>
      run(opts, async (rt) => {
        const assignment = await rt.sv.assignments.get(ref);
        const history = await rt.sv.assignments.history(assignment.id);
        if (opts.json) return printJson({ assignment, history });
        const m = t(rt.locale).assignments;
        printLines([
          `${assignment.ref}  ${assignment.title}`,
          `${m.phase}: ${PHASE_NAMES[assignment.phase][rt.locale]}   ${m.done}: ${assignment.percent ?? "–"} %   ${m.due}: ${assignment.dueDate ?? "–"}`,
          "",
          ...(history.length
            ? table(
                history.map((h) => [
                  formatStamp(h.at),
                  h.percent === null ? "" : `${h.percent} %`,
                  h.phaseChange ? `→ ${PHASE_NAMES[h.phaseChange][rt.locale]}` : "",
                  h.note,
                ]),
              )
            : [m.noProgressLoggedYet]),
        ]);
      }),
    );

  assignments
    .command("log <ref>")
    .description("Append a progress entry (append-only: a correction is a new entry)")
    .option("--note <text>", "what happened")
    .option("--percent <n>", "how far along, 0–100")
    .option("--phase <phase>", `new phase: ${phaseSchema.options.join(", ")}`)
    .option("--corrects <entryId>", "the entry this one corrects")
    .option("--as <who>", "acting staff member")
    .option("--json", "print JSON")
    .action((ref: string, opts: { note?: string; percent?: string; phase?: string; corrects?: string; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const entry = await rt.sv.assignments.logProgress(
          ref,
          {
            note: opts.note ?? "",
            ...(opts.percent !== undefined ? { percent: percentOption(opts.percent) } : {}),
            ...(opts.phase ? { phase: phaseOption(opts.phase) } : {}),
            ...(opts.corrects ? { correctsEntryId: opts.corrects } : {}),
          },
          await actingAs(rt, opts.as),
        );
        if (opts.json) return printJson(entry);
        printLines([t(rt.locale).assignments.loggedOn(ref.toUpperCase())]);
      }),
    );

  assignments
    .command("assign <ref> <who>")
    .description("Make a staff member responsible for an assignment")
    .option("--as <who>", "acting unit head")
    .option("--json", "print JSON")
    .action((ref: string, who: string, opts: { as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const a = await rt.sv.assignments.assign(ref, await staffId(rt, who), await actingAs(rt, opts.as));
        if (opts.json) return printJson(a);
        printLines([`${a.ref} → ${who}`]);
      }),
    );
}
