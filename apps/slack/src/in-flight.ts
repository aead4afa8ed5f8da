import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

/** Counts requests whose Bolt middleware chain (up to and including the listener) still runs. */
export interface InFlight {
  middleware: Middleware<AnyMiddlewareArgs>;
  readonly count: number;
  /** Resolves the next time no request is in the chain. */
  drained(): Promise<void>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: Array<() => void> = [];
  return {
    async middleware({ next }) {
      count++;
      try {
        await next();
      } finally {
        count--;
        if (count === 0) {
          const done = waiters;
          waiters = [];
          for (const resolve of done) resolve();
        }
      }
    },
    get count() {
      return count;
    },
    drained() {
      return count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}
