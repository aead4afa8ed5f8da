// Child process: the Samverkan Slack app and a bare Bolt app that only acks, side by side.
import { pino } from "pino";
import { App, HTTPReceiver, LogLevel } from "../src/bolt";
import { createSlackApp } from "../src/app";
import { BOT_TOKEN, SIGNING_SECRET } from "../test/support/harness";
import { TEAM_ID } from "../test/support/world";
import { buildBenchWorld } from "./bench-world";
import type { BenchMessage } from "./ipc";

const apiUrl = process.env.BENCH_SLACK_API_URL;
if (!apiUrl) throw new Error("BENCH_SLACK_API_URL is not set");

const samverkan = createSlackApp({
  config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: undefined, allowedTeamIds: new Set([TEAM_ID]), slackApiUrl: apiUrl, port: 0, host: "127.0.0.1", command: "/samverkan" },
  samverkan: await buildBenchWorld(),
  logger: pino({ level: "warn" }, pino.destination(2)),
  // For experiments: BENCH_QUIET_MS, BENCH_MAX_DEFER_MS, BENCH_CONCURRENCY.
  scheduling: {
    ...(process.env.BENCH_QUIET_MS ? { quietMs: Number(process.env.BENCH_QUIET_MS) } : {}),
    ...(process.env.BENCH_MAX_DEFER_MS ? { maxDeferMs: Number(process.env.BENCH_MAX_DEFER_MS) } : {}),
    ...(process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {}),
  },
});
const started = await samverkan.start();
if (started.mode !== "http") throw new Error("expected HTTP mode");

// The baseline: Bolt's own HTTP receiver and a listener that does nothing but ack.
const bareReceiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: "/slack/events", logLevel: LogLevel.ERROR });
const bare = new App({ token: BOT_TOKEN, receiver: bareReceiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: apiUrl } });
bare.command("/samverkan", async ({ ack }) => {
  await ack();
});
const bareServer = await bareReceiver.start({ port: 0, host: "127.0.0.1" });
const bareAddress = bareServer.address();
if (bareAddress === null || typeof bareAddress === "string") throw new Error("bare app has no port");

process.on("message", (message: BenchMessage) => {
  if (message.cmd === "idle") void samverkan.idle().then(() => process.send?.({ cmd: "idle", at: Date.now() } satisfies BenchMessage));
  if (message.cmd === "exit") void Promise.all([samverkan.stop(1000), bareReceiver.stop()]).then(() => process.exit(0));
});
process.send?.({ cmd: "ready", urls: { samverkan: started.url, bare: `http://127.0.0.1:${bareAddress.port}/slack/events` } } satisfies BenchMessage);
