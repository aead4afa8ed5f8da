import type { Logger } from "pino";

/** What serves requests: on `drain` it refuses new ones (503) and lets accepted ones finish, for at most `graceMs`. */
export interface Drainable {
  /** Resolves true when everything accepted finished, false when the grace ran out first. */
  drain(graceMs: number): Promise<boolean>;
}

/** Background work or a resource to release once nothing serves requests any more (the store last). */
export interface Stoppable {
  /** For the log when stopping it fails. */
  name: string;
  stop(): unknown;
}

export interface GracefulShutdownOptions {
  /** Drained together, first. */
  servers: readonly Drainable[];
  /** Stopped one after the other, in this order, after the servers drained. */
  stoppables?: readonly Stoppable[];
  /** How long accepted work may take to finish. */
  graceMs: number;
  logger: Logger;
  /** Extra time after the grace for the stoppables; past it the process ends with 1 (default 5,000 ms). */
  hardStopMs?: number;
  /** Signals that start the shutdown (default SIGTERM and SIGINT). A second one ends the process at once. */
  signals?: readonly NodeJS.Signals[];
  /**
   * Whether losing the IPC channel to the parent starts the shutdown, as a signal would
   * (default true). Only a process spawned with an IPC channel has one: `samverkan start`
   * gives its apps one, so an app never outlives a supervisor that was killed outright.
   */
  followParent?: boolean;
  /** Ends the process (default `process.exit`). */
  exit?: (code: number) => void;
  /** Turns an error into what is logged as `err` (see `installProcessGuards`); the error itself by default. */
  describe?: (error: unknown) => unknown;
}

export interface Shutdown {
  /** Starts the shutdown as a signal would; resolves with the exit code passed to `exit`. */
  begin(reason: string): Promise<number>;
  /** Removes the signal handlers. */
  dispose(): void;
}

/**
 * Graceful shutdown for an app process. On the first SIGTERM or SIGINT: the servers drain
 * (new requests get 503, accepted work finishes within `graceMs`), then the stoppables stop
 * in order, the line "stopped" is logged with `drained`, and the process exits 0. A second
 * signal, a stoppable that fails, or a shutdown still running `hardStopMs` after the grace
 * ends the process with 1. A process spawned with an IPC channel also shuts down when its
 * parent goes (see `followParent`).
 */
export function gracefulShutdown(options: GracefulShutdownOptions): Shutdown {
  const { servers, graceMs, logger } = options;
  const stoppables = options.stoppables ?? [];
  const hardStopMs = options.hardStopMs ?? 5_000;
  const signals = options.signals ?? ["SIGTERM", "SIGINT"];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const describe = options.describe ?? ((error: unknown) => error);
  let running: Promise<number> | undefined;
  let ended = false;

  const end = (code: number): number => {
    if (!ended) {
      ended = true;
      exit(code);
    }
    return code;
  };

  async function run(reason: string): Promise<number> {
    logger.info({ signal: reason, graceMs }, "shutting down: finishing accepted work");
    let hardStop: NodeJS.Timeout | undefined;
    const overdue = new Promise<number>((resolve) => {
      hardStop = setTimeout(() => {
        logger.error({ graceMs, hardStopMs }, "shutdown did not finish in time; exiting");
        resolve(1);
      }, graceMs + hardStopMs);
      hardStop.unref();
    });
    const orderly = (async () => {
      const results = await Promise.all(servers.map((server) => server.drain(graceMs)));
      const drained = results.every(Boolean);
      for (const stoppable of stoppables) {
        try {
          await stoppable.stop();
        } catch (error) {
          logger.error({ err: describe(error), stopping: stoppable.name }, "shutdown failed");
          return 1;
        }
      }
      logger.info({ drained }, "stopped");
      return 0;
    })().catch((error: unknown) => {
      logger.error({ err: describe(error) }, "shutdown failed");
      return 1;
    });
    const code = await Promise.race([orderly, overdue]);
    clearTimeout(hardStop);
    return end(code);
  }

  const onSignal = (signal: NodeJS.Signals) => {
    if (running) {
      logger.warn({ signal }, "second signal during shutdown; exiting now");
      end(1);
      return;
    }
    running = run(signal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  // The channel closes however the parent ends, SIGKILL included (a signal cannot be relied on then).
  const onParentGone = () => {
    running ??= run("parent exited");
  };
  const following = (options.followParent ?? true) && process.connected;
  if (following) process.once("disconnect", onParentGone);

  return {
    begin(reason) {
      running ??= run(reason);
      return running;
    },
    dispose() {
      for (const signal of signals) process.off(signal, onSignal);
      if (following) process.off("disconnect", onParentGone);
    },
  };
}
