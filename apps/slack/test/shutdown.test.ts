import { afterEach, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack } from "./support/fake-slack";
import { BOT_TOKEN, SIGNING_SECRET } from "./support/harness";
import { killStrayProcesses, slackAppEnv, startAppProcess } from "./support/process";
import { rawRequest } from "@samverkan/vitest-config/raw-http";
import { postSigned } from "./support/signer";
import { slashCommand } from "./support/slack-payloads";
import { BOT_ID, BOT_USER_ID, KARIN, TEAM_ID } from "./support/world";

/** The real `pnpm start` process against a fake Slack: what a deployment's SIGTERM meets. */
describe("the Slack app process", () => {
  let fake: FakeSlack | undefined;
  afterEach(async () => {
    killStrayProcesses();
    await fake?.close();
  });

  it("survives stray requests, then on SIGTERM refuses new work with 503, finishes what it acked and exits 0", async () => {
    fake = await startFakeSlack({ teamId: TEAM_ID, botUserId: BOT_USER_ID, botId: BOT_ID });
    const app = startAppProcess(
      slackAppEnv({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, teamId: TEAM_ID, apiUrl: fake.apiUrl }, { SHUTDOWN_GRACE_SECONDS: "20" }),
    );
    const listening = await app.waitForLine((line) => typeof line.url === "string");
    const url = String(listening.url);
    const origin = new URL(url).origin;

    // Stray traffic first: the process answers and lives on.
    expect((await rawRequest(origin, { method: "GET", path: "/favicon.ico" })).status).toBe(404);
    expect((await rawRequest(origin, { method: "POST", path: "/slack/events", body: "{oops", headers: { "content-type": "application/json" } })).status).toBe(
      400,
    );
    expect((await rawRequest(origin, { method: "GET", path: "/healthz" })).status).toBe(200);

    // An acknowledged command whose answer is still on its way when SIGTERM arrives.
    const release = fake.holdHooks();
    const inFlight = fake.responseUrl();
    const ack = await postSigned(url, SIGNING_SECRET, { kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl: inFlight }) });
    expect(ack.status).toBe(200);
    await fake.waitFor("the answer to be on its way", () => fake!.hooksAt(inFlight).length === 1, 30_000);
    app.child.kill("SIGTERM");
    await app.waitForLine((line) => String(line.msg).startsWith("shutting down"));

    const late = fake.responseUrl();
    const refused = await postSigned(url, SIGNING_SECRET, { kind: "command", fields: slashCommand(KARIN, "hjälp", { responseUrl: late }) });
    expect(refused.status).toBe(503);
    expect((await rawRequest(origin, { method: "GET", path: "/healthz" })).status).toBe(503);

    release();
    expect(await app.exitWithin(30_000)).toBe(0);
    expect(fake.answeredHooks).toBe(1);
    expect(fake.hooksAt(late)).toEqual([]);
    expect(app.lines.find((line) => line.msg === "stopped")).toMatchObject({ drained: true });
    expect(app.lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  }, 120_000);
});
