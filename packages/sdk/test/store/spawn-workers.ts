import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

export interface WorkerOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The worker's last stdout line, parsed. */
  result: unknown;
}

function start(script: string, args: readonly string[]): ChildProcess {
  const child = spawn(process.execPath, [tsxCli, "--conditions=@samverkan/source", join(here, "workers", script), ...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  // A worker that already exited closes its stdin; the start signal then has no reader.
  child.stdin.on("error", () => undefined);
  return child;
}

function outcome(child: ChildProcess, onReady?: () => void): Promise<WorkerOutcome> {
  let stdout = "";
  let stderr = "";
  let announced = false;
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (!announced && stdout.includes("ready\n")) {
      announced = true;
      onReady?.();
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      // A worker that died before it was ready must not keep the others waiting.
      if (!announced) onReady?.();
      const last = stdout.trim().split("\n").at(-1) ?? "";
      let result: unknown;
      try {
        result = JSON.parse(last);
      } catch {
        result = undefined;
      }
      resolve({ code, signal, stdout, stderr, result });
    });
  });
}

/**
 * Runs real OS processes (node + tsx) side by side: each loads its modules and says
 * `ready`; when all have, every one is told `go` in the same tick.
 */
export async function runTogether(script: string, argsPerWorker: ReadonlyArray<readonly string[]>): Promise<WorkerOutcome[]> {
  const children = argsPerWorker.map((args) => start(script, args));
  let ready = 0;
  const outcomes = children.map((child) =>
    outcome(child, () => {
      if (++ready === children.length) for (const c of children) if (c.exitCode === null) c.stdin!.write("go\n");
    }),
  );
  return Promise.all(outcomes);
}

/** One worker process, without the start signal. */
export function runWorker(script: string, args: readonly string[]): Promise<WorkerOutcome> {
  const child = start(script, args);
  child.stdin!.end();
  return outcome(child);
}
