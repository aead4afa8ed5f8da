import type { Samverkan } from "@samverkan/sdk";
import type { Logger } from "pino";

/** The nightly register and statistics refresh belongs to housekeeping too (see scheduled-sync.ts). */
export { runScheduledSync, startScheduledSync, SCHEDULED_SYNC_NAMESPACE, type ScheduledSyncSettings, type ScheduledSyncOutcome } from "./scheduled-sync";

/** Platforms redeliver within minutes; a day of processed event ids is plenty. */
export const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** One pass: forget old processed-event ids and expired conversation state. */
export async function runHousekeeping(samverkan: Samverkan): Promise<{ events: number; states: number }> {
  const events = await samverkan.state.pruneEvents(EVENT_RETENTION_MS);
  const states = await samverkan.state.sweep();
  return { events, states };
}

/** Housekeeping every `everyMs` (hourly); failures are logged and retried next time. Returns a stopper. */
export function startHousekeeping(samverkan: Samverkan, logger: Logger, everyMs = 60 * 60 * 1000): () => void {
  const tick = async () => {
    try {
      const pruned = await runHousekeeping(samverkan);
      if (pruned.events + pruned.states > 0) logger.debug(pruned, "pruned old events and expired state");
    } catch (error) {
      logger.warn({ err: error }, "housekeeping failed; will try again");
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
