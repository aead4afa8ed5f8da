import { randomUUID } from "node:crypto";
import type { Deps } from "../services/context";
import type { CalendarSettings } from "../calendar/settings";
import { listOutbox, type OutboxEntry, type OutboxStatus } from "./outbox";
import { flushOutbox, smtpTransport, startOutboxLoop, type FlushResult, type MailTransport, type RunningSender } from "./sender";
import { createGraphClient, type GraphClientOptions } from "../calendar/graph";
import { graphTransport } from "../calendar/graph-transport";
import type { MailService } from "../api/mail";

export interface MailServiceOptions {
  /** Replaces SMTP delivery (tests of failure paths, other transports). */
  transport?: MailTransport;
  graph?: GraphClientOptions;
}

/** The invitation outbox: what is queued, sent or failed, and the senders that drain it. */
export function createMailService(deps: Deps, settings: CalendarSettings, options: MailServiceOptions = {}): MailService {
  const owner = randomUUID();
  let smtp: MailTransport | null = options.transport ?? null;
  const graph = settings.graph ? graphTransport(deps.store.db, createGraphClient(settings.graph, options.graph), deps.clock) : null;
  function activeTransport(): MailTransport | null {
    if (!smtp && settings.mail) smtp = smtpTransport(settings.mail.smtpUrl, settings.mail.from);
    if (!smtp && !graph) return null;
    return async (message) => {
      const transport = message.channel === "graph" ? graph : smtp;
      if (!transport) throw new Error(`No ${message.channel === "graph" ? "Microsoft Graph" : "SMTP"} configuration to send this message.`);
      await transport(message);
    };
  }
  const service = {
    /** True when invitations are queued: SMTP (SMTP_URL and SAMVERKAN_MAIL_FROM) or Microsoft Graph is configured. */
    enabled: settings.mail !== null || settings.graph !== null,

    outbox(query: { status?: OutboxStatus; dialogueId?: string; limit?: number } = {}): Promise<OutboxEntry[]> {
      return listOutbox(deps.store.db, deps.config.timeZone, query);
    },

    /** How many messages the outbox holds per status (the metrics' outbox size); one grouped count. */
    async outboxSize(): Promise<Record<OutboxStatus, number>> {
      const rows = await deps.store.db
        .selectFrom("mail_outbox")
        .select(["status", (eb) => eb.fn.countAll<number | string>().as("n")])
        .groupBy("status")
        .execute();
      const out: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
      for (const r of rows) if (r.status === "pending" || r.status === "sent" || r.status === "failed") out[r.status] = Number(r.n);
      return out;
    },

    /** Sends every message that is due now; safe to run from several instances at once. */
    async flush(flushOptions: { limit?: number } = {}): Promise<FlushResult> {
      const t = activeTransport();
      if (!t) return { sent: 0, retrying: 0, failed: 0 };
      return flushOutbox(deps.store.db, deps.clock, t, { owner, ...flushOptions });
    },

    /** The apps' continuous sender; `stop()` ends it. */
    startSender(loopOptions: { intervalMs?: number; onError?: (error: unknown) => void; onFlush?: (result: FlushResult) => void } = {}): RunningSender {
      return startOutboxLoop(() => service.flush(), loopOptions);
    },
  };
  return service;
}

export type { MailService };
