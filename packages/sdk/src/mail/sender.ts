import { randomUUID } from "node:crypto";
import type { Transporter } from "nodemailer";
import type { Kysely } from "kysely";
import type { Database } from "../store/schema";
import type { Clock } from "../time";
import { parseRecipients } from "./outbox";

/** Delivers one outbox message; throws when the server did not accept it. */
export type MailTransport = (message: OutboxMessage) => Promise<void>;

export interface OutboxMessage {
  id: string;
  channel: "smtp" | "graph";
  dialogueId: string;
  method: "REQUEST" | "CANCEL";
  recipients: string[];
  subject: string;
  body: string;
  ics: string;
}

export interface FlushResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** After this many failed attempts a message is marked failed and left for a person to look at. */
export const MAX_ATTEMPTS = 10;
/** A claim outlives any single SMTP exchange (nodemailer's timeouts below are shorter). */
export const LEASE_MS = 5 * 60_000;

/** 30 s, 1 min, 2 min … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * SMTP through nodemailer; the .ics goes as the text/calendar alternative with its METHOD.
 * nodemailer (and the network modules it pulls in) loads on the first send, so a process
 * that never mails (a CLI command) does not pay for it at start.
 */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  let transporter: Promise<Transporter> | undefined;
  const connect = async (): Promise<Transporter> => {
    const { default: nodemailer } = await import("nodemailer");
    const created = nodemailer.createTransport(smtpUrl, { from });
    // Keep every exchange well inside the lease so a slow server cannot cause a double send.
    Object.assign(created.options, { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 });
    return created;
  };
  return async (message) => {
    transporter ??= connect();
    await (
      await transporter
    ).sendMail({
      to: message.recipients,
      subject: message.subject,
      text: message.body,
      // Receivers that see the same message twice (after a crash between send and commit) can drop it.
      messageId: `<${message.id}@samverkan>`,
      icalEvent: { method: message.method, filename: message.method === "CANCEL" ? "cancel.ics" : "invite.ics", content: message.ics },
    });
  };
}

/**
 * Sends what is due. Each row is claimed with one conditional UPDATE (status pending,
 * due, no live lease), which only one instance can win, so two instances on one store
 * never send the same message. A failure schedules a retry with backoff.
 */
export async function flushOutbox(
  db: Kysely<Database>,
  clock: Clock,
  transport: MailTransport,
  options: { owner?: string; limit?: number } = {},
): Promise<FlushResult> {
  const owner = options.owner ?? randomUUID();
  const result: FlushResult = { sent: 0, retrying: 0, failed: 0 };
  const now = clock().getTime();
  const due = await db
    .selectFrom("mail_outbox")
    .select("id")
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .orderBy("next_attempt_at")
    .limit(Math.max(1, options.limit ?? 50))
    .execute();
  for (const { id } of due) {
    const at = clock().getTime();
    const claim = await db
      .updateTable("mail_outbox")
      .set({ lease_owner: owner, lease_until: at + LEASE_MS })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", at)
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", at)]))
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const row = await db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    try {
      await transport({
        id: row.id,
        channel: row.channel === "graph" ? "graph" : "smtp",
        dialogueId: row.dialogue_id,
        method: row.method === "CANCEL" ? "CANCEL" : "REQUEST",
        recipients: parseRecipients(row.recipients),
        subject: row.subject,
        body: row.body,
        ics: row.ics,
      });
      await db
        .updateTable("mail_outbox")
        .set({ status: "sent", sent_at: clock().getTime(), attempts: row.attempts + 1, lease_owner: null, lease_until: null, last_error: null })
        .where("id", "=", id)
        .where("lease_owner", "=", owner)
        .execute();
      result.sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      await db
        .updateTable("mail_outbox")
        .set({
          status: failed ? "failed" : "pending",
          attempts,
          next_attempt_at: clock().getTime() + backoffMs(attempts),
          lease_owner: null,
          lease_until: null,
          last_error: describe(error),
        })
        .where("id", "=", id)
        .where("lease_owner", "=", owner)
        .execute();
      if (failed) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}

/** Short, secret-free description of a send failure (nodemailer errors carry a code and an SMTP response). */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: string; responseCode?: number }).code;
    const response = (error as Error & { response?: string }).response;
    return [code, response ?? error.message].filter(Boolean).join(": ").slice(0, 500);
  }
  return String(error).slice(0, 500);
}

export interface RunningSender {
  /** Stops after the current round; resolves when the loop has ended. */
  stop(): Promise<void>;
}

/** The apps' continuous sender: flush, wait, repeat, until stopped. Errors go to `onError`. */
export function startOutboxLoop(
  flush: () => Promise<FlushResult>,
  options: { intervalMs?: number; onError?: (error: unknown) => void; onFlush?: (result: FlushResult) => void } = {},
): RunningSender {
  const interval = options.intervalMs ?? 5_000;
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        const result = await flush();
        if (result.sent + result.retrying + result.failed > 0) options.onFlush?.(result);
      } catch (error) {
        options.onError?.(error);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval);
        timer.unref?.();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
