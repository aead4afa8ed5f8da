// Child process: a bare Bolt app that only acks (the baseline), on plain Bolt. The Samverkan
// app runs from its build output in a process of its own (built-app.ts).
import { App, HTTPReceiver, LogLevel } from "../src/bolt";
import { BOT_TOKEN, SIGNING_SECRET } from "../test/support/harness";
import type { BenchMessage } from "./ipc";

const apiUrl = process.env.BENCH_SLACK_API_URL;
if (!apiUrl) throw new Error("BENCH_SLACK_API_URL is not set");

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
  if (message.cmd === "exit") void bareReceiver.stop().then(() => process.exit(0));
});
process.send?.({ cmd: "ready", urls: { bare: `http://127.0.0.1:${bareAddress.port}/slack/events` } } satisfies BenchMessage);
