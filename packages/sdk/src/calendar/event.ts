import type { Kysely, Transaction } from "kysely";
import { dialogueStatusSchema, type QualityDialogue } from "../domain/dialogue";
import { findOffice } from "../domain/offices";
import { readColumn } from "../store/columns";
import type { Database } from "../store/schema";
import { formatInstant } from "../time";
import { fromJsonArray, type Deps } from "../services/context";
import type { AttendeeSource, CalendarAttendee, CalendarSettings } from "./settings";

type Reader = Kysely<Database> | Transaction<Database>;

export interface CalendarPerson {
  name: string;
  email: string | null;
}

/** Everything an invitation or feed entry says about one dialogue. */
export interface DialogueCalendarEvent {
  dialogueId: string;
  /** Stable across every change: `<dialogue id>@samverkan`. */
  uid: string;
  sequence: number;
  cancelled: boolean;
  start: number;
  end: number;
  summary: string;
  location: string;
  description: string;
  meetingUrl: string | null;
  digital: boolean;
  /** The booking staff member (or the first participant when a system job booked). */
  organizer: CalendarPerson | null;
  attendees: CalendarAttendee[];
  /** Participants without an e-mail address: they cannot be invited by mail. */
  withoutEmail: string[];
  createdAt: number;
  updatedAt: number;
  locale: "sv" | "en";
}

export const dialogueUid = (dialogueId: string): string => `${dialogueId}@samverkan`;

/** Reads a dialogue and the people around it, through `db` or the caller's transaction. */
export async function loadCalendarEvent(
  deps: Deps,
  settings: CalendarSettings,
  attendeeSources: readonly AttendeeSource[],
  dialogueId: string,
  db: Reader = deps.store.db,
): Promise<DialogueCalendarEvent | null> {
  const row = await db.selectFrom("dialogues").selectAll().where("id", "=", dialogueId).executeTakeFirst();
  if (!row) return null;
  const tz = deps.config.timeZone;
  const participants = await db
    .selectFrom("dialogue_participants as p")
    .innerJoin("staff as s", "s.id", "p.staff_id")
    .select(["s.id", "s.name", "s.email", "s.locale"])
    .where("p.dialogue_id", "=", dialogueId)
    .orderBy("s.name")
    .execute();
  const organizerRow = await db.selectFrom("organizers").select(["name"]).where("id", "=", row.organizer_id).executeTakeFirst();
  const booker = row.created_by
    ? await db.selectFrom("staff").select(["id", "name", "email", "locale"]).where("id", "=", row.created_by).executeTakeFirst()
    : undefined;
  const lead = booker ?? participants[0];
  const locale: "sv" | "en" = lead?.locale === "en" ? "en" : "sv";
  const topics = fromJsonArray(row.topics, "dialogues.topics");
  const dialogue: QualityDialogue = {
    id: row.id,
    organizerId: row.organizer_id,
    officeId: row.office_id,
    digital: row.digital === 1,
    start: formatInstant(row.start_at, tz),
    end: formatInstant(row.end_at, tz),
    staffIds: participants.map((p) => p.id).sort(),
    topics,
    status: readColumn(dialogueStatusSchema, "dialogues.status", row.status),
    notes: row.notes,
    followsUpId: row.follows_up_id,
    schoolUnitCode: row.school_unit_code,
    createdBy: row.created_by,
  };

  const attendees: CalendarAttendee[] = participants.flatMap((p) => (p.email ? [{ name: p.name, email: p.email, kind: "staff" as const }] : []));
  for (const source of attendeeSources) attendees.push(...(await source(dialogue, db)));
  const seen = new Set<string>();
  const unique = attendees.filter((a) => {
    const key = a.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const organizerName = organizerRow?.name ?? row.organizer_id;
  const office = row.office_id ? findOffice(deps.config.offices, row.office_id) : undefined;
  const t = locale === "sv" ? SV : EN;
  const location =
    row.digital === 1 || !office ? (row.meeting_url ? `${t.digital} – ${row.meeting_url}` : t.digital) : (office.address ?? t.office(office.town));
  const lines: string[] = [t.heading(organizerName)];
  if (topics.length > 0) lines.push("", t.agenda, ...topics.map((topic) => `- ${topic}`));
  if (row.notes.trim()) lines.push("", row.notes.trim());
  if (row.meeting_url) lines.push("", `${t.meeting}: ${row.meeting_url}`);
  lines.push("", t.participants(participants.map((p) => p.name).join(", ")));
  lines.push("", settings.chatUrl ? t.chatLink(settings.chatUrl, row.id) : t.chatText(row.id));

  return {
    dialogueId: row.id,
    uid: dialogueUid(row.id),
    sequence: row.sequence,
    cancelled: row.status === "cancelled",
    start: row.start_at,
    end: row.end_at,
    summary: t.summary(organizerName),
    location,
    description: lines.join("\n"),
    meetingUrl: row.meeting_url,
    digital: row.digital === 1,
    organizer: lead ? { name: lead.name, email: lead.email } : null,
    attendees: unique,
    withoutEmail: participants.filter((p) => !p.email).map((p) => p.name),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    locale,
  };
}

const SV = {
  summary: (org: string) => `Kvalitetsdialog: ${org}`,
  heading: (org: string) => `Kvalitetsdialog med ${org}.`,
  agenda: "Agenda:",
  digital: "Digitalt",
  office: (town: string) => `Regionkontoret i ${town}`,
  meeting: "Möteslänk",
  participants: (names: string) => `Deltar: ${names}`,
  chatLink: (url: string, id: string) => `Hantera dialogen i Samverkan: ${url} (dialog ${id})`,
  chatText: (id: string) => `Hantera dialogen i Samverkan (Slack eller Teams): dialog ${id}`,
};
const EN: typeof SV = {
  summary: (org) => `Quality dialogue: ${org}`,
  heading: (org) => `Quality dialogue with ${org}.`,
  agenda: "Agenda:",
  digital: "Online",
  office: (town) => `Regional office ${town}`,
  meeting: "Meeting link",
  participants: (names) => `Participants: ${names}`,
  chatLink: (url, id) => `Manage the dialogue in Samverkan: ${url} (dialogue ${id})`,
  chatText: (id) => `Manage the dialogue in Samverkan (Slack or Teams): dialogue ${id}`,
};
