import type { Kysely } from "kysely";
import type { Database } from "../store/schema";
import type { Clock } from "../time";
import type { MailTransport } from "../mail/sender";
import type { GraphOutboxPayload } from "../mail/outbox";
import type { GraphClient } from "./graph";

/**
 * Delivers Graph outbox rows: the first REQUEST creates the event in the organizer's
 * calendar (Outlook invites the attendees), later ones update it, CANCEL cancels it.
 * The event id is kept per dialogue so every change lands on the same Outlook event.
 */
export function graphTransport(db: Kysely<Database>, graph: GraphClient, clock: Clock): MailTransport {
  return async (message) => {
    const payload = JSON.parse(message.body) as GraphOutboxPayload;
    const existing = await db.selectFrom("graph_events").selectAll().where("dialogue_id", "=", message.dialogueId).executeTakeFirst();
    if (message.method === "CANCEL") {
      if (existing) await graph.cancelEvent(existing.user_id, existing.event_id, payload.comment);
      return;
    }
    if (existing && existing.user_id.toLowerCase() === payload.userId.toLowerCase()) {
      await graph.updateEvent(existing.user_id, existing.event_id, payload.event);
      return;
    }
    const eventId = await graph.createEvent(payload.userId, payload.event);
    const now = clock().getTime();
    await db
      .insertInto("graph_events")
      .values({ dialogue_id: message.dialogueId, user_id: payload.userId, event_id: eventId, updated_at: now })
      .onConflict((oc) => oc.column("dialogue_id").doUpdateSet({ user_id: payload.userId, event_id: eventId, updated_at: now }))
      .execute();
  };
}
