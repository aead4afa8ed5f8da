/**
 * The real Teams process (`pnpm start`) on SIGTERM: a turn in progress (its reply held by
 * the fake Bot Connector) finishes, new requests get 503 meanwhile, and the process exits 0.
 */
import { afterEach, describe, expect, it } from "vitest";
import { fixturesAvailable, fixturesMissingReason, message } from "./support/activities";
import { startFakeConnector, type FakeConnector } from "./support/fake-connector";
import { killStrayProcesses, startAppProcess, tempDatabase } from "./support/process";
import { rawRequest } from "@samverkan/vitest-config/raw-http";
import { TENANT_ID } from "./support/world";

describe.skipIf(!fixturesAvailable)(`the Teams app process${fixturesAvailable ? "" : ` (skipped: ${fixturesMissingReason})`}`, () => {
  let connector: FakeConnector | undefined;
  afterEach(async () => {
    killStrayProcesses();
    await connector?.close();
  });

  it("on SIGTERM refuses new work with 503, finishes the turn in progress and exits 0", async () => {
    connector = await startFakeConnector();
    const app = startAppProcess({
      TEAMS_DEV_NO_AUTH: "1",
      TEAMS_ALLOWED_TENANT_IDS: TENANT_ID,
      PORT: "0",
      SAMVERKAN_DB: tempDatabase(),
      SHUTDOWN_GRACE_SECONDS: "20",
    });
    const listening = await app.waitForLine((line) => typeof line.port === "number");
    const origin = `http://127.0.0.1:${String(listening.port)}`;
    expect((await rawRequest(origin, { method: "GET", path: "/favicon.ico" })).status).toBe(404);

    const release = connector.hold();
    const activity = message("personal", "hjälp", { serviceUrl: connector.serviceUrl });
    const post = (body: unknown) =>
      fetch(`${origin}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const inProgress = post(activity);
    await connector.waitFor((call) => call.body.type === "message", 1, 30_000);
    app.child.kill("SIGTERM");
    await app.waitForLine((line) => String(line.msg).startsWith("shutting down"));

    const refused = await post(message("personal", "hjälp", { serviceUrl: connector.serviceUrl }));
    expect(refused.status).toBe(503);
    expect((await rawRequest(origin, { method: "GET", path: "/healthz" })).status).toBe(503);

    release();
    expect((await inProgress).status).toBe(200);
    expect(await app.exitWithin(30_000)).toBe(0);
    expect(connector.messages()).toHaveLength(1);
    expect(app.lines.find((line) => line.msg === "stopped")).toMatchObject({ drained: true });
    expect(app.lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
  }, 120_000);
});
