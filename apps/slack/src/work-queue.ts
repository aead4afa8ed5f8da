import type { Logger } from "pino";

/**
 * Work that runs after Slack has been acknowledged. Slack gives an ack 3 seconds and an
 * answer through response_url 30 minutes, so acks come first:
 * - at most `concurrency` tasks are in flight;
 * - at most one task *starts* per turn of the event loop (an engine turn's first stretch is
 *   synchronous: SQLite answers without yielding);
 * - while requests are arriving (`busy()`: some wait for their ack, or one came within the
 *   last few milliseconds, as in a burst), a start waits, but never longer than
 *   `maxDeferMs`, so answers keep flowing under sustained load.
 */
export interface WorkQueue {
  /** Queues a task; its errors are logged, never thrown. */
  run(label: string, task: () => Promise<void>): void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  readonly pending: number;
  /** True when `limit` tasks are queued or running: new requests are turned away (see shed-load.ts). */
  readonly saturated: boolean;
}

export interface WorkQueueOptions {
  concurrency: number;
  /** Tasks queued or running beyond which the queue reports itself saturated (default unbounded). */
  limit?: number;
  logger: Logger;
  /** True while requests are arriving or waiting for their ack; starts yield to them. */
  busy?: () => boolean;
  maxDeferMs?: number;
}

export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  const busy = options.busy ?? (() => false);
  const maxDeferMs = options.maxDeferMs ?? 25;
  let deferredSince: number | undefined;
  const queue: Array<{ label: string; task: () => Promise<void> }> = [];
  let running = 0;
  let starterScheduled = false;
  let waiters: Array<() => void> = [];

  const settle = () => {
    if (running > 0 || queue.length > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const startOne = () => {
    starterScheduled = false;
    if (busy()) {
      deferredSince ??= performance.now();
      if (performance.now() - deferredSince < maxDeferMs) {
        schedule();
        return;
      }
    }
    deferredSince = undefined;
    const next = running < options.concurrency ? queue.shift() : undefined;
    if (!next) return;
    running++;
    next
      .task()
      .catch((error: unknown) => options.logger.error({ err: error, task: next.label }, "background task failed"))
      .finally(() => {
        running--;
        schedule();
        settle();
      });
    schedule();
  };

  // setImmediate from inside setImmediate runs on the *next* loop iteration, after pending I/O.
  const schedule = () => {
    if (starterScheduled || queue.length === 0 || running >= options.concurrency) return;
    starterScheduled = true;
    setImmediate(startOne);
  };

  return {
    run(label, task) {
      queue.push({ label, task });
      schedule();
    },
    idle() {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    get pending() {
      return running + queue.length;
    },
    get saturated() {
      return running + queue.length >= (options.limit ?? Number.POSITIVE_INFINITY);
    },
  };
}
