// Child process: the fake Slack (Web API + response_url hooks), kept off the app's event loop.
import { startFakeSlack } from "../test/support/fake-slack";
import { BOT_ID, BOT_USER_ID, TEAM_ID } from "../test/support/world";
import type { BenchMessage } from "./ipc";

const fake = await startFakeSlack({ teamId: TEAM_ID, botUserId: BOT_USER_ID, botId: BOT_ID, countOnly: true });
process.on("message", (message: BenchMessage) => {
  if (message.cmd === "stats") process.send?.({ cmd: "stats", hookCount: fake.hookCount, lastHookAt: fake.lastHookAt ?? 0 } satisfies BenchMessage);
  if (message.cmd === "exit") void fake.close().then(() => process.exit(0));
});
process.send?.({ cmd: "ready", urls: { fake: fake.url, api: fake.apiUrl } } satisfies BenchMessage);
