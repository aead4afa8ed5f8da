/** Messages between the benchmark and its two child processes. */
export type BenchMessage =
  { cmd: "ready"; urls: Record<string, string> } | { cmd: "stats"; hookCount?: number; lastHookAt?: number } | { cmd: "idle"; at?: number } | { cmd: "exit" };
