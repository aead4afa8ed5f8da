/**
 * TEAMS_DEV_NO_AUTH=1 turns off authentication of /api/messages, so it is for a laptop
 * only: the bot then listens on loopback, and refuses to start in production.
 */
import { networkInterfaces } from "node:os";
import type { AddressInfo } from "node:net";
import { createEngine } from "@samverkan/chat";
import { afterEach, describe, expect, it } from "vitest";
import { createTeamsApp } from "../src/app";
import { loadTeamsConfig, TeamsConfigError } from "../src/config";
import { captureLogger } from "./support/harness";
import { killStrayProcesses, startAppProcess, tempDatabase } from "./support/process";
import { buildWorld, TENANT_ID } from "./support/world";

describe("Teams dev mode without authentication", () => {
  afterEach(killStrayProcesses);

  it("listens on 127.0.0.1 only, not on every interface", async () => {
    const { config } = loadTeamsConfig({ TEAMS_DEV_NO_AUTH: "1", TEAMS_ALLOWED_TENANT_IDS: TENANT_ID, PORT: "0" });
    expect(config.host).toBe("127.0.0.1");
    const world = await buildWorld();
    const { logger } = captureLogger();
    const app = createTeamsApp({ config, samverkan: world.samverkan, engine: createEngine({ samverkan: world.samverkan }), logger });
    try {
      const port = await app.listen();
      expect((app.server.address() as AddressInfo).address).toBe("127.0.0.1");
      // From any other address of this machine the port is closed.
      const external = Object.values(networkInterfaces())
        .flat()
        .find((nic) => nic && nic.family === "IPv4" && !nic.internal);
      if (external) await expect(fetch(`http://${external.address}:${port}/healthz`)).rejects.toThrow();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
      await world.store.close();
    }
  });

  it("refuses a non-loopback HOST without authentication, and keeps HOST with it", () => {
    expect(() => loadTeamsConfig({ TEAMS_DEV_NO_AUTH: "1", TEAMS_ALLOWED_TENANT_IDS: TENANT_ID, HOST: "0.0.0.0" })).toThrow(TeamsConfigError);
    expect(loadTeamsConfig({ TEAMS_DEV_NO_AUTH: "1", TEAMS_ALLOWED_TENANT_IDS: TENANT_ID, HOST: "::1" }).config.host).toBe("::1");
    const app = "11111111-2222-3333-4444-555555555555";
    expect(loadTeamsConfig({ MICROSOFT_APP_ID: app, MICROSOFT_APP_PASSWORD: "s", MICROSOFT_APP_TENANT_ID: TENANT_ID, HOST: "0.0.0.0" }).config.host).toBe(
      "0.0.0.0",
    );
  });

  it("refuses NODE_ENV=production, naming the variable", () => {
    let error: unknown;
    try {
      loadTeamsConfig({ TEAMS_DEV_NO_AUTH: "1", TEAMS_ALLOWED_TENANT_IDS: TENANT_ID, NODE_ENV: "production" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TeamsConfigError);
    expect((error as TeamsConfigError).variable).toBe("TEAMS_DEV_NO_AUTH");
    expect((error as Error).message).toContain("NODE_ENV=production");
  });

  it("the real process exits 1 with that message instead of serving unauthenticated in production", async () => {
    const app = startAppProcess({
      TEAMS_DEV_NO_AUTH: "1",
      TEAMS_ALLOWED_TENANT_IDS: TENANT_ID,
      NODE_ENV: "production",
      PORT: "0",
      SAMVERKAN_DB: tempDatabase(),
    });
    expect(await app.exitWithin(45_000)).toBe(1);
    const fatal = app.lines.find((line) => line.level === 60);
    expect(String(fatal?.msg)).toContain("TEAMS_DEV_NO_AUTH: must not be set when NODE_ENV=production");
    expect(app.lines.some((line) => String(line.msg).includes("listening"))).toBe(false);
  }, 60_000);
});
