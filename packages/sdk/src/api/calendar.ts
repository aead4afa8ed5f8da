import type { Transaction } from "kysely";
import type { Database } from "../store/schema";
import type { EnqueueResult, OutboxEntry } from "../mail/outbox";
import type { BusyInterval } from "../calendar/graph";
import type { DialogueCalendarEvent } from "../calendar/event";
import type { CalendarMethod } from "../calendar/ics";
import type { CalendarSettings } from "../calendar/settings";
import type { CalendarFeed, InvitationNotice } from "../calendar/service";

/** iCalendar, personal feeds, signed .ics links and invitations. Reached as `sv.calendar`. */
export interface CalendarService {
  /** The resolved calendar settings (mail, public URL, link secret, Graph); null parts are off. */
  readonly settings: CalendarSettings;
  /**
   * One dialogue as iCalendar text; `PUBLISH` for downloads and `samverkan dialogues ics`.
   * @throws {@link NotFoundError} when there is no such dialogue.
   * @example
   * ```ts
   * const text = await sv.calendar.ics(d.id);
   * ```
   */
  ics(dialogueId: string, method?: CalendarMethod): Promise<string>;
  /**
   * One dialogue as a calendar event (people, place, times).
   * @throws {@link NotFoundError} when there is no such dialogue.
   * @example
   * ```ts
   * const event = await sv.calendar.event(d.id);
   * ```
   */
  event(dialogueId: string): Promise<DialogueCalendarEvent>;
  /**
   * The personal feed of a staff member (their dialogues; cancelled ones for 30 days).
   * @example
   * ```ts
   * const feed = await sv.calendar.feed(karin.id);
   * ```
   */
  feed(staffId: string): Promise<CalendarFeed>;
  /**
   * The feed behind a token, or null for an unknown or revoked token.
   * @example
   * ```ts
   * const feed = await sv.calendar.feedForToken(token);
   * ```
   */
  feedForToken(token: string): Promise<CalendarFeed | null>;
  /**
   * The subscribable URL of a staff member's feed, created on first use. `rotate` replaces
   * the token: the old URL answers 404 from then on.
   * @throws {@link ValidationError} when calendar links are not configured.
   * @throws {@link NotFoundError} when the staff member is unknown.
   * @example
   * ```ts
   * const { url } = await sv.calendar.feedUrl(karin.id);
   * ```
   */
  feedUrl(staffId: string, options?: { rotate?: boolean }): Promise<{ url: string; created: boolean }>;
  /**
   * Turns a feed off; true when there was one.
   * @example
   * ```ts
   * await sv.calendar.revokeFeed(karin.id);
   * ```
   */
  revokeFeed(staffId: string): Promise<boolean>;
  /**
   * A signed, expiring download link for one dialogue's .ics, or null when links are not configured.
   * @example
   * ```ts
   * const link = sv.calendar.dialogueLink(d.id, { ttlSeconds: 3600 });
   * ```
   */
  dialogueLink(dialogueId: string, options?: { ttlSeconds?: number }): string | null;
  /**
   * Checks a link made by `dialogueLink`: the signature and that it has not expired.
   * @example
   * ```ts
   * if (sv.calendar.verifyDialogueLink(id, Number(expires), sig) !== "ok") return notFound();
   * ```
   */
  verifyDialogueLink(dialogueId: string, expires: number, signature: string): "ok" | "invalid" | "expired";
  /**
   * Invitation mails of a dialogue, newest first.
   * @example
   * ```ts
   * const sent = await sv.calendar.invitations(d.id);
   * ```
   */
  invitations(dialogueId: string): Promise<OutboxEntry[]>;
  /**
   * Called by the dialogue service inside a booking, reschedule or cancel transaction:
   * queues the invitation mail when mail is configured. Not for apps: bookings call it.
   * @throws {@link NotFoundError} when there is no such dialogue.
   * @example
   * ```ts
   * await sv.calendar.notifyInTransaction(trx, d.id, "REQUEST");
   * ```
   */
  notifyInTransaction(trx: Transaction<Database>, dialogueId: string, method: "REQUEST" | "CANCEL"): Promise<EnqueueResult | null>;
  /**
   * Outlook busy times of these staff (Graph getSchedule), for free-slot suggestions.
   * Empty without Graph; a Graph failure rejects and the caller falls back to the bot's own view.
   * @throws {@link GraphError} when Microsoft Graph answers with an error.
   * @example
   * ```ts
   * const busy = await sv.calendar.outlookBusy([karin.id], Date.now(), Date.now() + 7 * 86_400_000);
   * ```
   */
  outlookBusy(staffIds: readonly string[], from: number, to: number): Promise<BusyInterval[]>;
  /**
   * Who an invitation for this dialogue goes to, for the chat's confirmation.
   * @throws {@link NotFoundError} when there is no such dialogue.
   * @example
   * ```ts
   * const notice = await sv.calendar.invitationNotice(d.id);
   * ```
   */
  invitationNotice(dialogueId: string): Promise<InvitationNotice>;
}
