import type { Samverkan, Staff } from "@samverkan/sdk";
import { PHASE_NAMES } from "@samverkan/sdk";
import type { Block, Message } from "../../cards/model";
import { bar, formatDay, formatRange, percent } from "../i18n";
import { message } from "../reply";

/** Slack's App Home: my next dialogues, my assignments with their last entry, and coverage. */
export async function homeView(sv: Samverkan, staff: Staff): Promise<Message> {
  const locale = staff.locale;
  const swedish = locale === "sv";
  const upcoming = await sv.dialogues.listUpcoming({ staffId: staff.id, limit: 10 });
  const mine = await sv.assignments.list({ responsibleStaffId: staff.id, limit: 20 });
  const coverage = await sv.coverage.compute();
  const names = new Map<string, string>();
  for (const id of new Set(upcoming.map((d) => d.organizerId))) names.set(id, (await sv.organizers.get(id)).name);
  const blocks: Block[] = [
    { type: "header", text: swedish ? `Hej ${staff.name}!` : `Hi ${staff.name}!` },
    { type: "header", text: swedish ? "Mina kommande dialoger" : "My upcoming dialogues" },
    upcoming.length
      ? { type: "list", items: upcoming.map((d) => ({ title: `${formatRange(d.start, d.end, locale)} · ${names.get(d.organizerId)}`, action: { id: "dialogue.show", label: swedish ? "Visa" : "Show", value: { id: d.id } } })) }
      : { type: "text", text: swedish ? "Inga kommande dialoger." : "No upcoming dialogues." },
    { type: "divider" },
    { type: "header", text: swedish ? "Mina uppdrag" : "My assignments" },
    mine.length
      ? {
          type: "list",
          items: mine.map((a) => ({
            title: `${a.ref} ${a.title}`,
            subtitle: `${PHASE_NAMES[a.phase][locale]} · ${swedish ? "senaste framsteg" : "last progress"}: ${a.lastProgressAt ? formatDay(a.lastProgressAt, locale) : "–"}`,
            action: { id: "progress.form", label: swedish ? "Logga framsteg" : "Log progress", value: { ref: a.ref } },
          })),
        }
      : { type: "text", text: swedish ? "Inga pågående uppdrag." : "No open assignments." },
    { type: "divider" },
    { type: "header", text: swedish ? "Täckning" : "Coverage" },
    { type: "text", text: `${coverage.met} / ${coverage.goal} ${bar(coverage.share)} ${percent(coverage.share, locale)}` },
    { type: "actions", actions: [{ id: "book.form", label: swedish ? "Boka dialog" : "Book dialogue", value: {}, style: "primary" }] },
  ];
  return message(locale, blocks, swedish ? "Samverkan – hem" : "Samverkan – home");
}
