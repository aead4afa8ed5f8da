import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../store/schema";
import { readJsonArray } from "../store/columns";
import { renderCalendar } from "../calendar/ics";
import type { DialogueCalendarEvent } from "../calendar/event";
import { formatInstant } from "../time";
import { formatStamp } from "../time-format";
import type { GraphEventBody } from "../calendar/graph";

export type OutboxStatus = "pending" | "sent" | "failed";

/** One invitation (or cancellation) mail, as `samverkan mail outbox` shows it. */
export interface OutboxEntry {
  id: string;
  dialogueId: string;
  /** `smtp`: an e-mail with the .ics; `graph`: the event in the organizer's Outlook calendar. */
  channel: "smtp" | "graph";
  method: "REQUEST" | "CANCEL";
  sequence: number;
  recipients: string[];
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface EnqueueResult {
  outboxId: string;
  recipients: string[];
  withoutEmail: string[];
}

/**
 * Writes the message for a dialogue change into the outbox, inside the change's own
 * transaction: the mail exists exactly when the change does. The .ics is rendered now,
 * so a later change cannot alter what this message says.
 */
export async function enqueueInvitation(
  trx: Transaction<Database>,
  event: DialogueCalendarEvent,
  method: "REQUEST" | "CANCEL",
  options: { timeZone: string; from: string; now: number },
): Promise<EnqueueResult | null> {
  const recipients = [...new Set([...(event.organizer?.email ? [event.organizer.email] : []), ...event.attendees.map((a) => a.email)])];
  if (recipients.length === 0) return null;
  const ics = renderCalendar([event], { method, timeZone: options.timeZone, fallbackOrganizerEmail: addressOf(options.from) });
  const when = formatStamp(event.start, options.timeZone);
  const sv = event.locale === "sv";
  const subject =
    method === "CANCEL"
      ? `${sv ? "Inställd" : "Cancelled"}: ${event.summary} ${when}`
      : event.sequence > 0
        ? `${sv ? "Ny tid" : "New time"}: ${event.summary} ${when}`
        : `${event.summary} ${when}`;
  const body = `${method === "CANCEL" ? (sv ? "Dialogen är inställd.\n\n" : "The dialogue is cancelled.\n\n") : ""}${event.description}`;
  const id = randomUUID();
  await insertPending(trx, {
    id,
    channel: "smtp",
    dialogueId: event.dialogueId,
    method,
    sequence: event.sequence,
    recipients,
    subject,
    body,
    ics,
    now: options.now,
  });
  return { outboxId: id, recipients, withoutEmail: event.withoutEmail };
}

/** What a Graph outbox row carries: the organizer's mailbox and the event as Graph wants it. */
export interface GraphOutboxPayload {
  userId: string;
  event: GraphEventBody;
  comment: string;
}

/**
 * Queues the Outlook side of a change (create/update, or cancel) for Microsoft Graph, in
 * the change's transaction. Outlook then sends the invitations; no SMTP mail is queued.
 */
export async function enqueueGraphEvent(
  trx: Transaction<Database>,
  event: DialogueCalendarEvent,
  method: "REQUEST" | "CANCEL",
  options: { timeZone: string; now: number },
): Promise<EnqueueResult | null> {
  const userId = event.organizer?.email;
  if (!userId) return null;
  const local = (ms: number) => formatInstant(ms, options.timeZone).slice(0, 19);
  const attendees = event.attendees.filter((a) => a.email.toLowerCase() !== userId.toLowerCase());
  const id = randomUUID();
  const payload: GraphOutboxPayload = {
    userId,
    comment: event.locale === "sv" ? "Dialogen är inställd." : "The dialogue is cancelled.",
    event: {
      subject: event.summary,
      body: { contentType: "text", content: event.description },
      start: { dateTime: local(event.start), timeZone: options.timeZone },
      end: { dateTime: local(event.end), timeZone: options.timeZone },
      location: { displayName: event.location },
      attendees: attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: "required" })),
      isOnlineMeeting: event.digital && !event.meetingUrl,
      ...(event.digital && !event.meetingUrl ? { onlineMeetingProvider: "teamsForBusiness" as const } : {}),
      transactionId: id,
    },
  };
  const recipients = [userId, ...attendees.map((a) => a.email)];
  const ics = renderCalendar([event], { method, timeZone: options.timeZone });
  await insertPending(trx, {
    id,
    channel: "graph",
    dialogueId: event.dialogueId,
    method,
    sequence: event.sequence,
    recipients,
    subject: event.summary,
    body: JSON.stringify(payload),
    ics,
    now: options.now,
  });
  return { outboxId: id, recipients, withoutEmail: event.withoutEmail };
}

/** One outbox row, due at once, not yet claimed by any sender. */
async function insertPending(
  trx: Transaction<Database>,
  row: {
    id: string;
    channel: "smtp" | "graph";
    dialogueId: string;
    method: "REQUEST" | "CANCEL";
    sequence: number;
    recipients: string[];
    subject: string;
    body: string;
    ics: string;
    now: number;
  },
): Promise<void> {
  await trx
    .insertInto("mail_outbox")
    .values({
      id: row.id,
      channel: row.channel,
      dialogue_id: row.dialogueId,
      method: row.method,
      sequence: row.sequence,
      recipients: JSON.stringify(row.recipients),
      subject: row.subject,
      body: row.body,
      ics: row.ics,
      status: "pending",
      attempts: 0,
      next_attempt_at: row.now,
      lease_owner: null,
      lease_until: null,
      last_error: null,
      created_at: row.now,
      sent_at: null,
    })
    .execute();
}

/** `Name <a@b.se>` → `a@b.se`. */
export function addressOf(from: string): string {
  const match = /<([^>]+)>/.exec(from);
  return (match?.[1] ?? from).trim();
}

export async function listOutbox(
  db: Kysely<Database>,
  timeZone: string,
  query: { status?: OutboxStatus; dialogueId?: string; limit?: number } = {},
): Promise<OutboxEntry[]> {
  let q = db
    .selectFrom("mail_outbox")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("sequence", "desc")
    .orderBy("id")
    .limit(Math.max(1, Math.min(query.limit ?? 100, 1000)));
  if (query.status) q = q.where("status", "=", query.status);
  if (query.dialogueId) q = q.where("dialogue_id", "=", query.dialogueId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    dialogueId: r.dialogue_id,
    channel: r.channel === "graph" ? "graph" : "smtp",
    method: r.method === "CANCEL" ? "CANCEL" : "REQUEST",
    sequence: r.sequence,
    recipients: parseRecipients(r.recipients),
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: formatInstant(r.next_attempt_at, timeZone),
    lastError: r.last_error,
    createdAt: formatInstant(r.created_at, timeZone),
    sentAt: r.sent_at === null ? null : formatInstant(r.sent_at, timeZone),
  }));
}

export function parseRecipients(text: string): string[] {
  return readJsonArray("mail_outbox.recipients", text);
}
