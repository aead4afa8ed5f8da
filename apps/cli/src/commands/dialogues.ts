import type { Command } from "commander";
import { formatStampRange, type QualityDialogue } from "@samverkan/sdk";
import { printJson, printLines, table } from "../output";
import { actingAs, CliUsageError, type CliRuntime } from "../runtime";
import type { RunWith } from "../main";
import { t } from "../i18n";

async function resolveOrganizerId(rt: CliRuntime, text: string): Promise<string> {
  const organizer = await rt.sv.organizers.find(text);
  if (!organizer) {
    throw new CliUsageError((m) => m.usage.noPrincipalOrganizerGiveIts(text));
  }
  return organizer.id;
}

async function resolveStaffIds(rt: CliRuntime, list: string | undefined): Promise<string[] | undefined> {
  if (!list) return undefined;
  const ids: string[] = [];
  for (const who of list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const staff = await rt.sv.staff.find(who);
    if (!staff) throw new CliUsageError((m) => m.usage.noStaffMember(who));
    ids.push(staff.id);
  }
  return ids;
}

function minutes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new CliUsageError((m) => m.usage.durationMustBeANumber(text));
  return n;
}

async function rows(rt: CliRuntime, dialogues: QualityDialogue[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const d of dialogues) {
    const organizer = await rt.sv.organizers.get(d.organizerId);
    out.push([formatStampRange(d.start, d.end), organizer.name, d.digital ? "digital" : (d.officeId ?? ""), d.status, d.id]);
  }
  return out;
}

export function registerDialogues(program: Command, run: RunWith): void {
  const dialogues = program.command("dialogues").description("Book and manage quality dialogues (kvalitetsdialoger)");

  dialogues
    .command("book")
    .description("Book a quality dialogue; times are Swedish local time unless they carry an offset")
    .requiredOption("--organizer <organizer>", "organizer id, organisation number or exact name")
    .requiredOption("--start <datetime>", "e.g. 2026-12-03T14:00")
    .option("--end <datetime>", "end time")
    .option("--duration <minutes>", "length in minutes (default 60)")
    .option("--office <office>", "regional office, e.g. Göteborg")
    .option("--digital", "a digital meeting")
    .option("--staff <list>", "participants (comma-separated e-mails or ids); default you")
    .option("--topic <topic...>", "topics")
    .option("--notes <text>", "notes")
    .option("--school <code>", "school unit the dialogue concerns")
    .option("--follows-up <id>", "the earlier dialogue this one follows up")
    .option("--meeting-url <url>", "video meeting link for a digital dialogue (printed in the invitation)")
    .option("--as <who>", "acting staff member")
    .option("--json", "print JSON")
    .action((opts: Record<string, string | boolean | string[] | undefined>) =>
      run(opts, async (rt) => {
        const ctx = await actingAs(rt, opts.as as string | undefined);
        const staffIds = await resolveStaffIds(rt, opts.staff as string | undefined);
        const end = opts.end as string | undefined;
        const d = await rt.sv.dialogues.book(
          {
            organizerId: await resolveOrganizerId(rt, opts.organizer as string),
            start: opts.start as string,
            ...(end ? { end } : { durationMinutes: minutes(opts.duration as string | undefined) ?? 60 }),
            officeId: (opts.office as string | undefined) ?? null,
            digital: Boolean(opts.digital),
            ...(staffIds ? { staffIds } : {}),
            topics: (opts.topic as string[] | undefined) ?? [],
            notes: (opts.notes as string | undefined) ?? "",
            schoolUnitCode: (opts.school as string | undefined) ?? null,
            followsUpId: (opts.followsUp as string | undefined) ?? null,
            ...(opts.meetingUrl ? { meetingUrl: opts.meetingUrl as string } : {}),
          },
          ctx,
        );
        if (opts.json) return printJson(d);
        printLines([`${t(rt.locale).dialogues.booked}: ${table(await rows(rt, [d]))[0]}`]);
      }),
    );

  dialogues
    .command("list")
    .description("Upcoming dialogues, soonest first")
    .option("--mine", "only mine (needs --as or SAMVERKAN_USER)")
    .option("--staff <who>", "only this staff member's")
    .option("--office <office>", "only at this office")
    .option("--organizer <organizer>", "only with this organizer")
    .option("--from <datetime>", "from (default now)")
    .option("--to <datetime>", "until")
    .option("--all", "include held and cancelled")
    .option("--limit <n>", "at most n", "50")
    .option("--as <who>", "acting staff member")
    .option("--json", "print JSON")
    .action((opts: Record<string, string | boolean | undefined>) =>
      run(opts, async (rt) => {
        let staffId: string | undefined;
        if (opts.mine) {
          const ctx = await actingAs(rt, opts.as as string | undefined);
          staffId = "staffId" in ctx.actor ? ctx.actor.staffId : undefined;
        }
        if (opts.staff) staffId = (await resolveStaffIds(rt, opts.staff as string))?.[0];
        const list = await rt.sv.dialogues.listUpcoming({
          ...(staffId ? { staffId } : {}),
          ...(opts.office ? { officeId: opts.office as string } : {}),
          ...(opts.organizer ? { organizerId: await resolveOrganizerId(rt, opts.organizer as string) } : {}),
          ...(opts.from ? { from: opts.from as string } : {}),
          ...(opts.to ? { to: opts.to as string } : {}),
          ...(opts.all ? { statuses: ["proposed", "booked", "held", "cancelled"] } : {}),
          limit: Number(opts.limit ?? 50),
        });
        if (opts.json) return printJson(list);
        printLines(list.length ? table(await rows(rt, list)) : [t(rt.locale).dialogues.noUpcomingDialogues]);
      }),
    );

  dialogues
    .command("cancel <id>")
    .description("Cancel a dialogue")
    .option("--reason <text>", "why")
    .option("--as <who>", "acting staff member")
    .option("--json", "print JSON")
    .action((id: string, opts: { reason?: string; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const d = await rt.sv.dialogues.cancel(id, { ...(opts.reason ? { reason: opts.reason } : {}) }, await actingAs(rt, opts.as));
        if (opts.json) return printJson(d);
        printLines([`${t(rt.locale).dialogues.cancelled}: ${table(await rows(rt, [d]))[0]}`]);
      }),
    );

  dialogues
    .command("reschedule <id>")
    .description("Move a dialogue; it keeps its length unless --end or --duration is given")
    .requiredOption("--start <datetime>", "new start, e.g. 2026-12-10T09:30")
    .option("--end <datetime>", "new end")
    .option("--duration <minutes>", "new length in minutes")
    .option("--office <office>", "move to this office")
    .option("--digital", "make it digital")
    .option("--as <who>", "acting staff member")
    .option("--json", "print JSON")
    .action((id: string, opts: { start: string; end?: string; duration?: string; office?: string; digital?: boolean; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const d = await rt.sv.dialogues.reschedule(
          id,
          {
            start: opts.start,
            ...(opts.end ? { end: opts.end } : {}),
            ...(opts.duration ? { durationMinutes: minutes(opts.duration) } : {}),
            ...(opts.office ? { officeId: opts.office, digital: false } : {}),
            ...(opts.digital ? { digital: true, officeId: null } : {}),
          },
          await actingAs(rt, opts.as),
        );
        if (opts.json) return printJson(d);
        printLines([`${t(rt.locale).dialogues.rescheduled}: ${table(await rows(rt, [d]))[0]}`]);
      }),
    );

  dialogues
    .command("ics <id>")
    .description("Print one dialogue as iCalendar (METHOD:PUBLISH), e.g. to import into a calendar")
    .action((id: string) =>
      run({}, async (rt) => {
        process.stdout.write(await rt.sv.calendar.ics(id, "PUBLISH"));
      }),
    );

  dialogues
    .command("held <id>")
    .description("Mark a dialogue as held")
    .option("--notes <text>", "notes from the meeting")
    .option("--as <who>", "acting staff member")
    .option("--json", "print JSON")
    .action((id: string, opts: { notes?: string; as?: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const d = await rt.sv.dialogues.markHeld(id, { ...(opts.notes ? { notes: opts.notes } : {}) }, await actingAs(rt, opts.as));
        if (opts.json) return printJson(d);
        printLines([`${t(rt.locale).dialogues.held}: ${table(await rows(rt, [d]))[0]}`]);
      }),
    );

  dialogues
    .command("free")
    .description("Free slots for staff and/or an office")
    .option("--staff <list>", "staff (comma-separated)")
    .option("--office <office>", "office")
    .option("--from <datetime>", "from (default now)")
    .option("--to <datetime>", "until (default two weeks)")
    .option("--duration <minutes>", "length", "60")
    .option("--limit <n>", "at most n", "10")
    .option("--json", "print JSON")
    .action((opts: { staff?: string; office?: string; from?: string; to?: string; duration: string; limit: string; json?: boolean }) =>
      run(opts, async (rt) => {
        const slots = await rt.sv.dialogues.availability({
          ...(opts.staff ? { staffIds: await resolveStaffIds(rt, opts.staff) } : {}),
          ...(opts.office ? { officeId: opts.office } : {}),
          ...(opts.from ? { from: opts.from } : {}),
          ...(opts.to ? { to: opts.to } : {}),
          durationMinutes: minutes(opts.duration) ?? 60,
          limit: Number(opts.limit),
        });
        if (opts.json) return printJson(slots);
        printLines(slots.map((s) => formatStampRange(s.start, s.end)));
      }),
    );
}
