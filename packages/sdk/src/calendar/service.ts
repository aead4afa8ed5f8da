import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { NotFoundError, ValidationError } from "../errors";
import { ACTIVE_DIALOGUE_STATUSES } from "../domain/dialogue";
import type { Database } from "../store/schema";
import type { Deps } from "../services/context";
import { enqueueGraphEvent, enqueueInvitation, listOutbox, type EnqueueResult, type OutboxEntry } from "../mail/outbox";
import { createGraphClient, type BusyInterval, type GraphClientOptions } from "./graph";
import { loadCalendarEvent, type DialogueCalendarEvent } from "./event";
import { renderCalendar, type CalendarMethod } from "./ics";
import type { AttendeeSource, CalendarSettings } from "./settings";
import { feedToken, hashToken, newNonce, signDialogueLink, verifyDialogueLink } from "./tokens";
import type { CalendarService } from "../api/calendar";

const DAY = 86_400_000;
/** Cancelled dialogues stay in feeds this long, so subscribers see them disappear as cancelled. */
export const CANCELLED_FEED_DAYS = 30;
/** Past dialogues kept in a feed. */
export const PAST_FEED_DAYS = 90;
export const DEFAULT_LINK_TTL_SECONDS = 30 * 86_400;

export interface CalendarFeed {
  staffId: string;
  ics: string;
  /** Strong validator: a hash of the body. */
  etag: string;
  lastModified: Date;
}

/** What happens to invitations for a change: who gets a mail, who cannot. */
export interface InvitationNotice {
  /** `outlook`: Microsoft Graph puts it in the organizer's Outlook, which invites the rest. */
  channel: "mail" | "outlook" | "none";
  recipients: string[];
  withoutEmail: string[];
}

export function createCalendarService(
  deps: Deps,
  settings: CalendarSettings,
  sources: readonly AttendeeSource[],
  graphOptions: GraphClientOptions = {},
): CalendarService {
  const { db } = deps.store;
  const tz = deps.config.timeZone;
  const graph = settings.graph ? createGraphClient(settings.graph, graphOptions) : null;

  async function event(dialogueId: string, q: typeof db | Transaction<Database> = db): Promise<DialogueCalendarEvent> {
    const e = await loadCalendarEvent(deps, settings, sources, dialogueId, q);
    if (!e)
      throw new NotFoundError("dialogue", dialogueId, { sv: `Ingen kvalitetsdialog med id ${dialogueId}.`, en: `No quality dialogue with id ${dialogueId}.` });
    return e;
  }

  function needLinks(): { publicUrl: string; secret: string } {
    if (!settings.publicUrl || !settings.linkSecret) {
      throw ValidationError.field("calendar", {
        sv: "Kalenderlänkar kräver SAMVERKAN_PUBLIC_URL (appens publika adress) och SAMVERKAN_LINK_SECRET (minst 32 tecken).",
        en: "Calendar links need SAMVERKAN_PUBLIC_URL (the app's public address) and SAMVERKAN_LINK_SECRET (at least 32 characters).",
      });
    }
    return { publicUrl: settings.publicUrl, secret: settings.linkSecret };
  }

  async function feedFor(staffId: string): Promise<CalendarFeed> {
    const now = deps.clock().getTime();
    const rows = await db
      .selectFrom("dialogues as d")
      .select(["d.id"])
      .where((eb) =>
        eb.exists(eb.selectFrom("dialogue_participants as p").select("p.staff_id").whereRef("p.dialogue_id", "=", "d.id").where("p.staff_id", "=", staffId)),
      )
      .where((eb) =>
        eb.or([
          eb.and([eb("d.status", "in", [...ACTIVE_DIALOGUE_STATUSES, "held"]), eb("d.end_at", ">=", now - PAST_FEED_DAYS * DAY)]),
          eb.and([eb("d.status", "=", "cancelled"), eb("d.updated_at", ">=", now - CANCELLED_FEED_DAYS * DAY)]),
        ]),
      )
      .orderBy("d.start_at")
      .orderBy("d.id")
      .limit(2000)
      .execute();
    const events: DialogueCalendarEvent[] = [];
    for (const r of rows) events.push(await event(r.id));
    const staff = await db.selectFrom("staff").select(["name", "locale"]).where("id", "=", staffId).executeTakeFirst();
    const name = staff ? `Samverkan – ${staff.name}` : "Samverkan";
    const ics = renderCalendar(events, { method: "PUBLISH", timeZone: tz, name });
    const feedRow = await db.selectFrom("calendar_feeds").select("created_at").where("staff_id", "=", staffId).executeTakeFirst();
    const lastChange = Math.max(feedRow?.created_at ?? 0, ...events.map((e) => e.updatedAt));
    return {
      staffId,
      ics,
      etag: `"${createHash("sha256").update(ics).digest("base64url")}"`,
      // HTTP dates have whole seconds.
      lastModified: new Date(Math.floor(lastChange / 1000) * 1000),
    };
  }

  return {
    settings,

    /** One dialogue as iCalendar text; `PUBLISH` for downloads and `samverkan dialogues ics`. */
    async ics(dialogueId: string, method: CalendarMethod = "PUBLISH"): Promise<string> {
      return renderCalendar([await event(dialogueId)], { method, timeZone: tz, ...(settings.mail ? { fallbackOrganizerEmail: settings.mail.from } : {}) });
    },

    event: (dialogueId: string) => event(dialogueId),

    /** The personal feed of a staff member (their dialogues; cancelled ones for 30 days). */
    feed: feedFor,

    /** The feed behind a token, or null for an unknown or revoked token. */
    async feedForToken(token: string): Promise<CalendarFeed | null> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
      const row = await db.selectFrom("calendar_feeds").select("staff_id").where("token_hash", "=", hashToken(token)).executeTakeFirst();
      return row ? feedFor(row.staff_id) : null;
    },

    /**
     * The subscribable URL of a staff member's feed, created on first use. `rotate` replaces
     * the token: the old URL answers 404 from then on.
     */
    async feedUrl(staffId: string, options: { rotate?: boolean } = {}): Promise<{ url: string; created: boolean }> {
      const { publicUrl, secret } = needLinks();
      const staff = await db.selectFrom("staff").select("id").where("id", "=", staffId).executeTakeFirst();
      if (!staff) throw new NotFoundError("staff", staffId, { sv: `Ingen medarbetare med id ${staffId}.`, en: `No staff member with id ${staffId}.` });
      const existing = await db.selectFrom("calendar_feeds").select(["nonce"]).where("staff_id", "=", staffId).executeTakeFirst();
      if (existing && !options.rotate) return { url: `${publicUrl}/calendar/${feedToken(secret, staffId, existing.nonce)}.ics`, created: false };
      const nonce = newNonce();
      const token = feedToken(secret, staffId, nonce);
      const now = deps.clock().getTime();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("calendar_feeds").where("staff_id", "=", staffId).execute();
        await trx
          .insertInto("calendar_feeds")
          .values({ staff_id: staffId, token_hash: hashToken(token), nonce, created_at: now })
          .execute();
      });
      return { url: `${publicUrl}/calendar/${token}.ics`, created: true };
    },

    /** Turns a feed off; true when there was one. */
    async revokeFeed(staffId: string): Promise<boolean> {
      const result = await db.deleteFrom("calendar_feeds").where("staff_id", "=", staffId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** A signed, expiring download link for one dialogue's .ics, or null when links are not configured. */
    dialogueLink(dialogueId: string, options: { ttlSeconds?: number } = {}): string | null {
      if (!settings.publicUrl || !settings.linkSecret) return null;
      const expires = Math.floor(deps.clock().getTime() / 1000) + (options.ttlSeconds ?? DEFAULT_LINK_TTL_SECONDS);
      const sig = signDialogueLink(settings.linkSecret, dialogueId, expires);
      return `${settings.publicUrl}/calendar/dialogues/${encodeURIComponent(dialogueId)}.ics?expires=${expires}&sig=${sig}`;
    },

    /** Checks a link made by `dialogueLink`: the signature and that it has not expired. */
    verifyDialogueLink(dialogueId: string, expires: number, signature: string): "ok" | "invalid" | "expired" {
      if (!settings.linkSecret || !Number.isInteger(expires)) return "invalid";
      if (!verifyDialogueLink(settings.linkSecret, dialogueId, expires, signature)) return "invalid";
      return expires * 1000 < deps.clock().getTime() ? "expired" : "ok";
    },

    /** Invitation mails of a dialogue, newest first. */
    invitations(dialogueId: string): Promise<OutboxEntry[]> {
      return listOutbox(db, tz, { dialogueId });
    },

    /**
     * Called by the dialogue service inside a booking, reschedule or cancel transaction:
     * queues the invitation mail when mail is configured.
     */
    async notifyInTransaction(trx: Transaction<Database>, dialogueId: string, method: "REQUEST" | "CANCEL"): Promise<EnqueueResult | null> {
      const { mail } = settings;
      if (!mail && !settings.graph) return null;
      const e = await event(dialogueId, trx);
      const now = deps.clock().getTime();
      // With Graph, Outlook sends the invitations; SMTP would send them twice. (No mail means Graph is set.)
      if (settings.graph || !mail) return enqueueGraphEvent(trx, e, method, { timeZone: tz, now });
      return enqueueInvitation(trx, e, method, { timeZone: tz, from: mail.from, now });
    },

    /**
     * Outlook busy times of these staff (Graph getSchedule), for free-slot suggestions.
     * Empty without Graph; a Graph failure rejects and the caller falls back to the bot's own view.
     */
    async outlookBusy(staffIds: readonly string[], from: number, to: number): Promise<BusyInterval[]> {
      if (!graph || staffIds.length === 0) return [];
      const staff = await db
        .selectFrom("staff")
        .select(["email"])
        .where("id", "in", [...staffIds])
        .execute();
      const addresses = staff.map((s) => s.email).filter((e): e is string => Boolean(e));
      const [first] = addresses;
      if (first === undefined) return [];
      const busy = await graph.getSchedule(first, addresses, from, to);
      return [...busy.values()].flat();
    },

    /** Who an invitation for this dialogue goes to, for the chat's confirmation. */
    async invitationNotice(dialogueId: string): Promise<InvitationNotice> {
      const e = await event(dialogueId);
      if (!settings.mail && !settings.graph) return { channel: "none", recipients: [], withoutEmail: e.withoutEmail };
      const [latest] = await listOutbox(db, tz, { dialogueId, limit: 1 });
      return { channel: settings.graph ? "outlook" : "mail", recipients: latest?.recipients ?? [], withoutEmail: e.withoutEmail };
    },
  };
}

export type { CalendarService };
