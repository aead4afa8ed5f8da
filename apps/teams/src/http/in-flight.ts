import type { ServerResponse } from "node:http";

/** Requests whose response has not been sent yet: a Teams turn runs inside its request. */
export interface RequestTracker {
  readonly count: number;
  /** Counts the request until its response closes. */
  track(res: ServerResponse): void;
  /** Resolves when no request is in progress. */
  idle(): Promise<void>;
}

export function createRequestTracker(): RequestTracker {
  let count = 0;
  let waiters: Array<() => void> = [];
  return {
    get count() {
      return count;
    },
    track(res) {
      count++;
      res.once("close", () => {
        count--;
        if (count > 0) return;
        const done = waiters;
        waiters = [];
        for (const resolve of done) resolve();
      });
    },
    idle() {
      return count === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}
