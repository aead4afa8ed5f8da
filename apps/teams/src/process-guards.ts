import { describeError, type Logger } from "./log";

/**
 * Last line of defence for a long-running bot: a promise nobody awaited (a stray
 * connector call, a timer) is logged instead of killing the process. An uncaught
 * exception leaves the process in an unknown state, so it is logged and the process
 * exits for the supervisor to restart it.
 */
export function installProcessGuards(logger: Logger): void {
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: describeError(reason) }, "unhandled promise rejection (process kept running)");
  });
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: describeError(error) }, "uncaught exception; exiting");
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 100).unref();
  });
}
