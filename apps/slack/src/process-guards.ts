import type { Logger } from "pino";

/**
 * A stray rejected promise (a library's background timer, a forgotten await) must not take
 * the bot down for everyone: it is logged and the process carries on. Bolt's own listener
 * errors go to `app.error` and never get here.
 */
export function installProcessGuards(logger: Logger): void {
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled promise rejection (kept running)");
  });
  process.on("warning", (warning) => {
    logger.warn({ err: warning }, "process warning");
  });
}
