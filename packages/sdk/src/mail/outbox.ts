import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../store/schema";
import { renderCalendar, type CalendarMethod } from "../calendar/ics";
import type { DialogueCalendarEvent } from "../calendar/event";
import { formatInstant } from "../time";

export type OutboxStatus = "pending" | "sent" | "failed";

/** One invitation (or cancellation) mail, as `samverkan mail outbox` shows it. */
export interface OutboxEntry {
  id: string;
  dialogueId: string;
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
  const ics = renderCalendar([event], { method: method as CalendarMethod, timeZone: options.timeZone, fallbackOrganizerEmail: addressOf(options.from) });
  const when = formatInstant(event.start, options.timeZone).slice(0, 16).replace("T", " ");
  const sv = event.locale === "sv";
  const subject =
    method === "CANCEL"
      ? `${sv ? "Inställd" : "Cancelled"}: ${event.summary} ${when}`
      : event.sequence > 0
        ? `${sv ? "Ny tid" : "New time"}: ${event.summary} ${when}`
        : `${event.summary} ${when}`;
  const body = `${method === "CANCEL" ? (sv ? "Dialogen är inställd.\n\n" : "The dialogue is cancelled.\n\n") : ""}${event.description}`;
  const id = randomUUID();
  await trx
    .insertInto("mail_outbox")
    .values({
      id,
      dialogue_id: event.dialogueId,
      method,
      sequence: event.sequence,
      recipients: JSON.stringify(recipients),
      subject,
      body,
      ics,
      status: "pending",
      attempts: 0,
      next_attempt_at: options.now,
      lease_owner: null,
      lease_until: null,
      last_error: null,
      created_at: options.now,
      sent_at: null,
    })
    .execute();
  return { outboxId: id, recipients, withoutEmail: event.withoutEmail };
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
  let q = db.selectFrom("mail_outbox").selectAll().orderBy("created_at", "desc").orderBy("sequence", "desc").orderBy("id").limit(Math.max(1, Math.min(query.limit ?? 100, 1000)));
  if (query.status) q = q.where("status", "=", query.status);
  if (query.dialogueId) q = q.where("dialogue_id", "=", query.dialogueId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    dialogueId: r.dialogue_id,
    method: r.method === "CANCEL" ? "CANCEL" : "REQUEST",
    sequence: r.sequence,
    recipients: parseRecipients(r.recipients),
    subject: r.subject,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: formatInstant(r.next_attempt_at, timeZone),
    lastError: r.last_error,
    createdAt: formatInstant(r.created_at, timeZone),
    sentAt: r.sent_at === null ? null : formatInstant(r.sent_at, timeZone),
  }));
}

export function parseRecipients(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
