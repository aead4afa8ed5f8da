import type { OutboxEntry, OutboxStatus } from "../mail/outbox";
import type { FlushResult, RunningSender } from "../mail/sender";

/** The invitation outbox (SMTP or Microsoft Graph). Reached as `sv.mail`. */
export interface MailService {
  /** True when invitations are queued: SMTP (SMTP_URL and SAMVERKAN_MAIL_FROM) or Microsoft Graph is configured. */
  readonly enabled: boolean;
  /**
   * Outbox messages, newest first, by status or dialogue.
   * @example
   * ```ts
   * const failed = await sv.mail.outbox({ status: "failed", limit: 20 });
   * ```
   */
  outbox(query?: { status?: OutboxStatus; dialogueId?: string; limit?: number }): Promise<OutboxEntry[]>;
  /**
   * How many messages the outbox holds per status (the metrics' outbox size); one grouped count.
   * @example
   * ```ts
   * const { pending } = await sv.mail.outboxSize();
   * ```
   */
  outboxSize(): Promise<Record<OutboxStatus, number>>;
  /**
   * Sends every message that is due now; safe to run from several instances at once.
   * @example
   * ```ts
   * const result = await sv.mail.flush({ limit: 50 });
   * ```
   */
  flush(flushOptions?: { limit?: number }): Promise<FlushResult>;
  /**
   * The apps' continuous sender; `stop()` ends it.
   * @example
   * ```ts
   * const sender = sv.mail.startSender({ intervalMs: 30_000, onError: (e) => log.error(e) });
   * ```
   */
  startSender(loopOptions?: { intervalMs?: number; onError?: (error: unknown) => void; onFlush?: (result: FlushResult) => void }): RunningSender;
}
