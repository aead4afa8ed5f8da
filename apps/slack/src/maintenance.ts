import type { Samverkan } from "@samverkan/sdk";
import type { Logger } from "pino";

/** Slack redelivers within minutes; a day of processed event ids is plenty. */
export const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Hourly: forget old processed-event ids and expired conversation state. Returns a stopper. */
export function startMaintenance(samverkan: Samverkan, logger: Logger, everyMs = 60 * 60 * 1000): () => void {
  const tick = async () => {
    try {
      const events = await samverkan.state.pruneEvents(EVENT_RETENTION_MS);
      const states = await samverkan.state.sweep();
      if (events + states > 0) logger.debug({ events, states }, "pruned old Slack events and expired state");
    } catch (error) {
      logger.warn({ err: error }, "maintenance failed; will try again");
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
