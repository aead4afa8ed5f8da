import type { RecordedRequest } from "./recorded-request";

/** A response to inject instead of the recording, for the first `times` matching requests. */
export type Fault = {
  match: (request: RecordedRequest) => boolean;
  status: number;
  headers?: Record<string, string>;
  /** JSON body; defaults to `{ status, message }` describing the fault. */
  body?: unknown;
  times: number;
};

export type FaultQueue = {
  /** The first fault that matches and still has uses left; consumes one use. */
  take(request: RecordedRequest): Fault | undefined;
};

export function createFaultQueue(faults: readonly Fault[]): FaultQueue {
  const remaining = faults.map((fault) => ({ fault, left: fault.times }));
  return {
    take(request) {
      const entry = remaining.find((candidate) => candidate.left > 0 && candidate.fault.match(request));
      if (!entry) return undefined;
      entry.left -= 1;
      return entry.fault;
    },
  };
}
