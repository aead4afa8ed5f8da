// The built Slack app as production runs it: `node apps/slack/dist/main.js`, one process,
// configured through the environment, against the fake Slack Web API, on a SQLite file.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ChildProcess } from "node:child_process";
import { APP_NODE_FLAGS, freePort, startApp, stopApp, treeRss } from "../../../scripts/app-process.mjs";

export { APP_NODE_FLAGS };
import { BOT_TOKEN, SIGNING_SECRET } from "../test/support/harness";
import { TEAM_ID } from "../test/support/world";

const entry = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/main.js");

export interface BuiltSlackApp {
  child: ChildProcess;
  /** Slack's request URL on the app. */
  url: string;
  origin: string;
  readyMs: number;
  /** Resident memory of the app's whole process tree, bytes. */
  rss(): number;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number>;
}

/** BENCH_NODE_FLAGS="--flag …": V8 flags to try on top of production's (NODE_OPTIONS refuses most V8 flags). */
export function benchNodeFlags(): string[] {
  return (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
}

export async function startBuiltSlack(options: {
  slackApiUrl: string;
  databaseFile: string;
  env?: Record<string, string>;
  nodeFlags?: readonly string[];
}): Promise<BuiltSlackApp> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`pnpm build\` first (the root's \`pnpm bench\` does).`);
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "warn",
    SAMVERKAN_DB: options.databaseFile,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_ALLOWED_TEAM_IDS: TEAM_ID,
    SLACK_API_URL: options.slackApiUrl,
    ...options.env,
  };
  // BENCH_V8_DEFAULTS=1 runs the app without production's V8 flags, to compare.
  const nodeFlags = options.nodeFlags ?? [...(process.env.BENCH_V8_DEFAULTS === "1" ? [] : APP_NODE_FLAGS), ...benchNodeFlags()];
  const { child, readyMs } = await startApp(entry, env, port, { nodeFlags });
  const origin = `http://127.0.0.1:${port}`;
  return { child, url: `${origin}/slack/events`, origin, readyMs, rss: () => treeRss(child.pid!), stop: () => stopApp(child, 30_000) };
}
