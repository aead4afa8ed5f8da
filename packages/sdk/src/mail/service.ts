import { randomUUID } from "node:crypto";
import type { Deps } from "../services/context";
import type { CalendarSettings } from "../calendar/settings";
import { listOutbox, type OutboxEntry, type OutboxStatus } from "./outbox";
import { flushOutbox, smtpTransport, startOutboxLoop, type FlushResult, type MailTransport, type RunningSender } from "./sender";

export interface MailServiceOptions {
  /** Replaces SMTP delivery (tests of failure paths, other transports). */
  transport?: MailTransport;
}

/** The invitation outbox: what is queued, sent or failed, and the senders that drain it. */
export function createMailService(deps: Deps, settings: CalendarSettings, options: MailServiceOptions = {}) {
  const owner = randomUUID();
  let transport: MailTransport | null = options.transport ?? null;
  function activeTransport(): MailTransport | null {
    if (!transport && settings.mail) transport = smtpTransport(settings.mail.smtpUrl, settings.mail.from);
    return transport;
  }
  const service = {
    /** True when SMTP_URL and SAMVERKAN_MAIL_FROM were given (invitations are queued). */
    enabled: settings.mail !== null,

    outbox(query: { status?: OutboxStatus; dialogueId?: string; limit?: number } = {}): Promise<OutboxEntry[]> {
      return listOutbox(deps.store.db, deps.config.timeZone, query);
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

export type MailService = ReturnType<typeof createMailService>;
