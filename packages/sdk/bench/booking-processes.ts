import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BookingBenchRow } from "./booking";
import { percentile } from "./stats";

const here = dirname(fileURLToPath(import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

interface WorkerResult {
  latencies: number[];
  conflicts: number;
  wallMs: number;
}

/**
 * `processes` OS processes booking on one SQLite file at the same time (the Slack and the
 * Teams app side by side). Each booking waits for the file's write lock (BEGIN IMMEDIATE);
 * an error other than a booking conflict fails the benchmark.
 */
export async function runMultiProcessBooking(label: string, file: string, processes: number, perProcess: number): Promise<BookingBenchRow[]> {
  const children = Array.from({ length: processes }, (_, w) =>
    spawn(
      process.execPath,
      [tsxCli, "--conditions=@samverkan/source", join(here, "booking-worker.ts"), file, String(20_000 + w * perProcess), String(perProcess)],
      {
        stdio: ["pipe", "pipe", "inherit"],
      },
    ),
  );
  let ready = 0;
  const results = await Promise.all(
    children.map(
      (child) =>
        new Promise<WorkerResult>((resolve, reject) => {
          let out = "";
          child.stdout.on("data", (chunk: Buffer) => {
            const before = out.includes("ready\n");
            out += chunk.toString();
            if (!before && out.includes("ready\n") && ++ready === processes) for (const c of children) c.stdin.write("go\n");
          });
          child.on("close", (code) => {
            if (code !== 0) return reject(new Error(`booking process exited with ${code}`));
            resolve(JSON.parse(out.trim().split("\n").at(-1)!) as WorkerResult);
          });
        }),
    ),
  );
  const latencies = results.flatMap((r) => r.latencies);
  const conflicts = results.reduce((sum, r) => sum + r.conflicts, 0);
  const wallMs = Math.max(...results.map((r) => r.wallMs));
  const perSecond = Math.round((latencies.length / wallMs) * 1000);
  return [
    {
      store: label,
      operation: `book, ${processes} processes at once (${conflicts} conflicts, 0 errors; ${perSecond} bookings/s together)`,
      iterations: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
    },
  ];
}
