import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReplayServer, type ReplayServer } from "@samverkan/replay-server";
import { REGISTER_PREFIX, registerExchanges, syntheticRegister } from "../../../packages/sdk/test/support/register-fixture";
import { runCli, tempDbEnv } from "./cli-helpers";

const SPAWNS_TIMEOUT = 180_000;

describe("samverkan sync --register, status and organizers add", { timeout: SPAWNS_TIMEOUT }, () => {
  const env: Record<string, string> = { ...tempDbEnv(), SAMVERKAN_NOW: "2026-11-23T09:00:00+01:00" };
  const asUlla = ["--as", "ulla@spsm.se"];
  const register = syntheticRegister(12, 20);
  let server: ReplayServer;

  beforeAll(async () => {
    server = await startReplayServer({ exchanges: registerExchanges(register.organizers, register.units) });
    env.SKOLENHETSREGISTRET_API_URL = `${server.url}${REGISTER_PREFIX}`;
    expect((await runCli(["staff", "add", "--name", "Ulla Chef", "--email", "ulla@spsm.se", "--agency", "spsm", "--role", "admin"], env)).code).toBe(0);
  });
  afterAll(() => server.close());

  it("syncs the register from SKOLENHETSREGISTRET_API_URL and says what changed, in Swedish", async () => {
    const { code, stdout, stderr } = await runCli(["sync", "--register"], env);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("12 huvudmän och 20 skolenheter listade");
    expect(stdout).toMatch(/Huvudmän: 12 nya, 0 ändrade, 0 oförändrade, 0 inte längre aktiva/);
    const again = JSON.parse((await runCli(["sync", "--register", "--json"], env)).stdout) as {
      organizers: Record<string, number>;
      schoolUnits: Record<string, number>;
    };
    expect(again.organizers).toEqual({ new: 0, changed: 0, unchanged: 12, noLongerActive: 0 });
    expect(again.schoolUnits).toEqual({ new: 0, changed: 0, unchanged: 20, noLongerActive: 0 });
  });

  it("status --json keeps its shape, adds register, and the goal is the active organizers; met counts held dialogues", async () => {
    const first = register.organizers[0]!.organizationNumber;
    const booked = await runCli(["dialogues", "book", "--organizer", first, "--start", "2026-11-24T10:00", "--digital", "--json", ...asUlla], env);
    expect(booked.stderr).toBe("");
    const { id } = JSON.parse(booked.stdout) as { id: string };
    expect((await runCli(["dialogues", "held", id, ...asUlla], { ...env, SAMVERKAN_NOW: "2026-11-25T09:00:00+01:00" })).code).toBe(0);

    const { stdout } = await runCli(["status", "--json"], { ...env, SAMVERKAN_NOW: "2026-11-25T09:00:00+01:00" });
    const status = JSON.parse(stdout) as { coverage: Record<string, unknown>; register: unknown };
    expect(Object.keys(status)).toEqual(["store", "counts", "coverage", "register"]);
    expect(status.coverage).toMatchObject({ met: 1, goal: 12, goalSource: "register" });
    expect(status.register).toEqual({
      organizers: { active: 12, inactive: 0 },
      // syntheticRegister closes every 50th unit: unit 0 here.
      schoolUnits: { active: 19, inactive: 1 },
      syncedAt: expect.stringMatching(/^2026-11-2\dT/),
    });
  });

  it("organizers add completes the population with a preschool-only organizer", async () => {
    const added = await runCli(["organizers", "add", "556677-8895", "Förskolan", "Lyckan", "AB", "--municipality", "2281", ...asUlla], env);
    // 5566778895 has a wrong check digit: a clear message, nothing added.
    expect(added.code).not.toBe(0);
    expect(added.stderr).toContain("fel kontrollsiffra (Luhn)");
    const ok = await runCli(["organizers", "add", "556677-8899", "Förskolan", "Lyckan", "AB", "--municipality", "2281", ...asUlla], env);
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("Lade till 556677-8899 Förskolan Lyckan AB");
    const status = JSON.parse((await runCli(["status", "--json"], env)).stdout) as { coverage: { goal: number } };
    expect(status.coverage.goal).toBe(13);
  });
});
