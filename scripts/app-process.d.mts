// Types for app-process.mjs (used by the apps' TypeScript benchmarks).
import type { ChildProcess } from "node:child_process";

export const METRICS_TOKEN: string;
export const APP_NODE_FLAGS: readonly string[];
export function fakeSlackApi(): Promise<{ url: string; close(): Promise<void> }>;
export function freePort(): Promise<number>;
export function appEnv(app: "slack" | "teams", options: { port: number; dataDir: string; slackApiUrl?: string }): Record<string, string>;
export function startApp(
  entry: string,
  env: Record<string, string | undefined>,
  port: number,
  options?: { timeoutMs?: number; nodeFlags?: readonly string[] },
): Promise<{ child: ChildProcess; readyMs: number; output(): string }>;
export function treeRss(pid: number): number;
export function stopApp(child: ChildProcess, timeoutMs?: number): Promise<number>;
