import type { Logger } from "pino";

export interface ProcessGuardOptions {
  /**
   * Turns an error into what is logged as `err`. By default the error itself (the logger's
   * own serializer applies); an app whose errors may carry secrets (a connector error with
   * the outgoing request's headers) passes a function that keeps only safe fields.
   */
  describe?: (error: unknown) => unknown;
  /** Ends the process after an uncaught exception (default `process.exit`). */
  exit?: (code: number) => void;
  /** Milliseconds between logging an uncaught exception and ending the process, so the line is written (default 100). */
  exitDelayMs?: number;
}

/**
 * The last line of defence for a long-running app, installed once at start:
 * - a promise nobody awaited that rejects (a stray platform call, a timer) is logged at
 *   error level and the process carries on serving everyone else;
 * - an uncaught exception leaves the process in an unknown state: it is logged at fatal
 *   level and the process exits with 1 for the supervisor to restart it;
 * - Node's process warnings (deprecations, listener leaks) are logged at warn level.
 * Returns a function that removes the guards again.
 */
export function installProcessGuards(logger: Logger, options: ProcessGuardOptions = {}): () => void {
  const describe = options.describe ?? ((error: unknown) => error);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const exitDelayMs = options.exitDelayMs ?? 100;

  const onRejection = (reason: unknown) => {
    logger.error({ err: describe(reason) }, "unhandled promise rejection (process kept running)");
  };
  const onException = (error: Error) => {
    logger.fatal({ err: describe(error) }, "uncaught exception; exiting");
    process.exitCode = 1;
    setTimeout(() => exit(1), exitDelayMs).unref();
  };
  const onWarning = (warning: Error) => {
    logger.warn({ err: describe(warning) }, "process warning");
  };
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  process.on("warning", onWarning);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
    process.off("warning", onWarning);
  };
}
