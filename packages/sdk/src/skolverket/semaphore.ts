import { ValidationError } from "../errors";

/** Limits how many async tasks run at once; the rest wait in FIFO order. */
export type Semaphore = {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
};

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) {
    throw ValidationError.field("concurrency", {
      sv: `concurrency ska vara ett positivt heltal, fick ${limit}`,
      en: `concurrency must be a positive integer, got ${limit}`,
    });
  }
  let active = 0;
  const queue: Array<() => void> = [];

  const acquire = (): Promise<void> => {
    if (active < limit) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => queue.push(resolve));
  };

  const release = (): void => {
    const next = queue.shift();
    // Hand the slot straight to the next waiter, so `active` never dips below the limit.
    if (next) next();
    else active -= 1;
  };

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
