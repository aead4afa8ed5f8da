import { createInterface } from "node:readline";

/**
 * Worker side of the start signal: a worker has loaded its modules when it prints
 * `ready`, and begins when the test writes `go`, so that all workers start at once.
 */
export async function readyThenGo(): Promise<void> {
  process.stdout.write("ready\n");
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === "go") break;
  }
  lines.close();
}

/** The worker's result: one JSON line, last on stdout. */
export function report(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
