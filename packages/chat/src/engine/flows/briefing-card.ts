import {
  FOCUS_AREA_NAMES,
  ORGANIZER_TYPE_NAMES,
  PHASE_NAMES,
  type BriefingResult,
  type BriefingUnit,
  type CriterionId,
  type DialogueBriefing,
} from "@samverkan/sdk";
import type { Action, Block, ListItem, Locale, Message } from "../../cards/model";
import { paginate } from "../../cards/paginate";
import { formatDay, formatRange, formatStamp } from "../format";
import { message } from "../reply";
import { t } from "../../i18n";

const UNITS_PER_PAGE = 8;

const PERCENT_METRICS = new Set<CriterionId>(["shareAllSubjects", "shareEligibleVocational", "completionRate"]);

function num(n: number, locale: Locale): string {
  const text = Number.isInteger(n) ? String(n) : n.toFixed(1);
  const format = t(locale).format;
  return text.replace(".", format.decimalMark).replace("-", format.minus);
}

function value(metric: CriterionId, n: number, locale: Locale): string {
  return `${num(n, locale)}${PERCENT_METRICS.has(metric) ? " %" : ""}`;
}

/** `meritvärde 182,5 (riket 233,1) ↓ −7,5` */
export function resultText(r: BriefingResult, locale: Locale): string {
  const name = t(locale).briefingCard.metricNames[r.metric];
  if (!r.latest) return `${name} ${t(locale).briefingCard.missingHidden}`;
  const national = r.latest.national === null ? "" : ` (${t(locale).briefingCard.national} ${value(r.metric, r.latest.national, locale)})`;
  const trend = r.change === null ? "" : r.change > 0 ? ` ↑ +${num(r.change, locale)}` : r.change < 0 ? ` ↓ ${num(r.change, locale)}` : " →";
  return `${name} ${value(r.metric, r.latest.value, locale)}${national}${trend}`;
}

function flaggedText(unit: BriefingUnit, locale: Locale): string {
  // Every flagged metric has its result in the briefing.
  return unit.flaggedFor
    .flatMap((m) => {
      const r = unit.results.find((x) => x.metric === m);
      return r ? [`${resultText(r, locale)} < ${value(m, r.threshold, locale)}`] : [];
    })
    .join("; ");
}

function organizationNumber(n: string): string {
  return `${n.slice(0, 6)}-${n.slice(6)}`;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The summary card: who, when, what stands out, whom to meet. Details (every unit, the
 * minutes, assignments, contacts) are one "Visa mer" away, so the card fits Slack and
 * Teams however large the organizer.
 */
export function briefingSummary(b: DialogueBriefing, locale: Locale): Message {
  const msg = t(locale).briefingCard;
  const flagged = b.units.filter((u) => u.flaggedFor.length > 0);
  const blocks: Block[] = [
    { type: "header", text: cut(msg.briefing(b.organizer.name), 150) },
    {
      type: "fields",
      fields: [
        { label: msg.organizer, value: `${b.organizer.name} (${organizationNumber(b.organizer.organizationNumber)})` },
        {
          label: msg.typeAndMunicipality,
          value: `${ORGANIZER_TYPE_NAMES[b.organizer.type][locale]}${b.organizer.municipalityName ? `, ${b.organizer.municipalityName}` : ""}`,
        },
        { label: msg.nextDialogue, value: b.upcoming ? formatRange(b.upcoming.start, b.upcoming.end, locale) : msg.noneBooked },
        { label: msg.schoolUnits, value: msg.flagged({ length: b.units.length, length2: flagged.length }) },
        { label: msg.openAssignments, value: String(b.assignments.length) },
        {
          label: msg.contactPersons,
          value: b.contacts.length === 0 ? msg.noneYet : cut(b.contacts.map((c) => `${c.name} (${c.role})`).join(", "), 400),
        },
      ],
    },
  ];
  if (flagged.length > 0) {
    const top = flagged.slice(0, 3).map((u) => `• **${u.name}**: ${flaggedText(u, locale)}`);
    const rest = flagged.length > 3 ? [msg.andMoreUnderShowMore(flagged.length - 3)] : [];
    blocks.push({ type: "text", text: cut([msg.flaggedUnits, ...top, ...rest].join("\n"), 2800) });
  }
  const last = b.pastDialogues[0];
  if (last) {
    const actions = last.actions;
    const done = actions.filter((a) => a.phase === "completed").length;
    const lines = [
      msg.lastDialogue(formatDay(last.dialogue.start, locale)),
      last.minutes ? `${last.minutes.topics.join(", ") || msg.noTopics} · ${msg.actionsCompleted({ length: actions.length, done })}` : msg.noMinutesRecorded,
    ];
    blocks.push({ type: "text", text: cut(lines.join("\n"), 2800) });
  }
  const actions: Action[] = [
    { id: "dialogue.prepare.more", label: msg.showMore, value: { organizerId: b.organizer.id, index: 0 }, style: "primary" },
    { id: "contact.form", label: msg.addContactPerson, value: { organizerId: b.organizer.id } },
  ];
  blocks.push({ type: "actions", actions });
  blocks.push({ type: "context", text: msg.compiled(formatStamp(b.generatedAt)) });
  const text = msg.briefingForSchoolUnitsFlagged({ name: b.organizer.name, length: b.units.length, length2: flagged.length, length3: b.assignments.length });
  return message(locale, blocks, text);
}

/** The details behind "Visa mer": units (paged), the last dialogues' minutes, assignments and contacts. */
export function briefingDetails(b: DialogueBriefing, locale: Locale, pageIndex = 0): Message {
  const msg = t(locale).briefingCard;
  const page = paginate(b.units, pageIndex, UNITS_PER_PAGE);
  const more = (index: number, label: string): Action => ({ id: "dialogue.prepare.more", label, value: { organizerId: b.organizer.id, index } });
  const unitItems: ListItem[] = page.items.map((u) => ({
    title: cut(`${u.flaggedFor.length > 0 ? "⚑ " : ""}${u.name} (${u.code})`, 150),
    subtitle: cut(u.results.length === 0 ? msg.noResults : u.results.map((r) => resultText(r, locale)).join(" · "), 300),
  }));
  const blocks: Block[] = [{ type: "header", text: cut(msg.details(b.organizer.name), 150) }];
  if (b.units.length > 0) {
    blocks.push({
      type: "list",
      items: unitItems,
      page: {
        index: page.index,
        size: UNITS_PER_PAGE,
        total: b.units.length,
        ...(page.index + 1 < page.pageCount ? { next: more(page.index + 1, msg.next) } : {}),
        ...(page.index > 0 ? { previous: more(page.index - 1, msg.previous) } : {}),
      },
    });
  }
  // The rest is the same on every page; only the first page carries it, to stay short.
  if (page.index === 0) {
    for (const past of b.pastDialogues) {
      const lines = [`**${msg.dialogue} ${formatDay(past.dialogue.start, locale)}**`];
      if (!past.minutes) lines.push(msg.noMinutes);
      else {
        if (past.minutes.topics.length > 0) lines.push(`${msg.topics}: ${past.minutes.topics.join(", ")}`);
        if (past.minutes.notes) lines.push(cut(past.minutes.notes, 600));
        for (const a of past.actions) {
          const status = a.phase ? PHASE_NAMES[a.phase][locale] : msg.noted;
          lines.push(`• ${a.assignmentRef ? `${a.assignmentRef} ` : ""}${cut(a.title, 200)} (${status})`);
        }
        if (past.minutes.nextDialogueDate) lines.push(`${msg.nextDialogue}: ${formatDay(past.minutes.nextDialogueDate, locale)}`);
      }
      blocks.push({ type: "text", text: cut(lines.join("\n"), 2800) });
    }
    if (b.assignments.length > 0) {
      blocks.push({
        type: "list",
        items: b.assignments.slice(0, 10).map((a) => ({
          title: cut(`${a.assignment.ref} ${a.assignment.title}`, 150),
          subtitle: cut(
            `${PHASE_NAMES[a.assignment.phase][locale]} · ${FOCUS_AREA_NAMES[a.assignment.focusArea][locale]}${a.assignment.percent !== null ? ` · ${a.assignment.percent} %` : ""}${a.latestNote ? ` · ${a.latestNote}` : ""}`,
            300,
          ),
          action: { id: "assignment.show", label: msg.show, value: { ref: a.assignment.ref } },
        })),
      });
    }
    if (b.contacts.length > 0) {
      blocks.push({
        type: "list",
        items: b.contacts.slice(0, 10).map((c) => ({
          title: cut(`${c.name}, ${c.role}`, 150),
          subtitle: cut([c.email, c.phone, c.notes].filter(Boolean).join(" · ") || "–", 300),
          action: { id: "contact.form", label: msg.edit, value: { organizerId: b.organizer.id, id: c.id } },
        })),
      });
    }
  }
  return message(locale, blocks, msg.detailsFor(b.organizer.name));
}
