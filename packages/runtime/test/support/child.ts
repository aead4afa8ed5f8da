import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export type LogLine = Record<string, unknown>;

export interface FixtureProcess {
  child: ChildProcess;
  /** The JSON lines written to stdout so far. */
  lines: LogLine[];
  /** Resolves with the first line (seen or still to come) that matches. */
  waitForLine(match: (line: LogLine) => boolean): Promise<LogLine>;
  /** Resolves with the exit code (a signal counts as 128 + its number's stand-in, never 0). */
  exited: Promise<number>;
}

/** Runs `test/fixtures/<name>` with plain node (type stripping, as the built apps run). */
export function runFixture(name: string, args: string[] = [], options: { ipc?: boolean; nodeFlags?: readonly string[] } = {}): FixtureProcess {
  const file = fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
  const stdio = options.ipc ? (["ignore", "pipe", "pipe", "ipc"] as const) : (["ignore", "pipe", "pipe"] as const);
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), file, ...args], { stdio: [...stdio], env: { PATH: process.env.PATH ?? "" } });
  const lines: LogLine[] = [];
  let waiters: Array<{ match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }> = [];
  let buffered = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split("\n");
    buffered = complete.pop() ?? "";
    for (const text of complete) {
      if (!text.trim()) continue;
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      waiters = waiters.filter((waiter) => (waiter.match(line) ? (waiter.resolve(line), false) : true));
    }
  });
  // With an IPC channel the parent closed, Node emits "exit" but never "close".
  const exited = new Promise<number>((resolve) => child.once(options.ipc ? "exit" : "close", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  return {
    child,
    lines,
    exited,
    waitForLine(match) {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then((code) => reject(new Error(`${name} exited with ${code} before the line came; stderr:\n${stderr}`)));
      });
    },
  };
}
