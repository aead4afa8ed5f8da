import type { Samverkan, Staff } from "@samverkan/sdk";
import { PHASE_NAMES } from "@samverkan/sdk";
import type { Block, Message } from "../../cards/model";
import { bar, formatDay, formatRange, percent } from "../format";
import { message } from "../reply";
import { t } from "../../i18n";

/** Slack's App Home: my next dialogues, my assignments with their last entry, and coverage. */
export async function homeView(sv: Samverkan, staff: Staff): Promise<Message> {
  const locale = staff.locale;
  const m = t(locale).home;
  const upcoming = await sv.dialogues.listUpcoming({ staffId: staff.id, limit: 10 });
  const mine = await sv.assignments.list({ responsibleStaffId: staff.id, limit: 20 });
  const coverage = await sv.coverage.compute();
  const names = new Map<string, string>();
  for (const id of new Set(upcoming.map((d) => d.organizerId))) names.set(id, (await sv.organizers.get(id)).name);
  const blocks: Block[] = [
    { type: "header", text: m.hi(staff.name) },
    { type: "header", text: m.myUpcomingDialogues },
    upcoming.length
      ? {
          type: "list",
          items: upcoming.map((d) => ({
            title: `${formatRange(d.start, d.end, locale)} · ${names.get(d.organizerId)}`,
            action: { id: "dialogue.show", label: m.show, value: { id: d.id } },
          })),
        }
      : { type: "text", text: m.noUpcomingDialogues },
    { type: "divider" },
    { type: "header", text: m.myAssignments },
    mine.length
      ? {
          type: "list",
          items: mine.map((a) => ({
            title: `${a.ref} ${a.title}`,
            subtitle: `${PHASE_NAMES[a.phase][locale]} · ${m.lastProgress}: ${a.lastProgressAt ? formatDay(a.lastProgressAt, locale) : "–"}`,
            action: { id: "progress.form", label: m.logProgress, value: { ref: a.ref } },
          })),
        }
      : { type: "text", text: m.noOpenAssignments },
    { type: "divider" },
    { type: "header", text: m.coverage },
    { type: "text", text: `${coverage.met} / ${coverage.goal} ${bar(coverage.share)} ${percent(coverage.share, locale)}` },
    { type: "actions", actions: [{ id: "book.form", label: m.bookDialogue, value: {}, style: "primary" }] },
  ];
  return message(locale, blocks, m.samverkanHome);
}
