import { describe, expect, it } from "vitest";
import { runCli, tempDbEnv } from "./cli-helpers";

/**
 * The terminal chat's contract: it reads a script from standard input, one line per turn, and
 * answers each in order; SAMVERKAN_NOW fixes the clock so relative dates are reproducible.
 */
describe("samverkan chat reading a script from stdin", () => {
  it("plays one turn per line against the fixed clock", async () => {
    const env: Record<string, string> = { ...tempDbEnv(), SAMVERKAN_NOW: "2026-11-23T09:00:00+01:00" };
    const { createSqliteStore } = await import("@samverkan/sdk/sqlite");
    const { createSamverkan } = await import("@samverkan/sdk");
    const store = await createSqliteStore({ file: env.SAMVERKAN_DB! });
    const sv = createSamverkan({ store });
    const system = { actor: { system: "test" }, channel: "system" } as const;
    await sv.municipalities.upsert([{ code: "1490", name: "Borås", countyCode: "14" }], system);
    await sv.organizers.upsert({ organizationNumber: "2120001561", name: "Borås kommun", type: "municipal", municipalityCode: "1490" }, system);
    const admin = await sv.staff.create({ name: "Ulla Chef", agency: "spsm", role: "admin" }, system);
    await sv.staff.create(
      { name: "Karin Lind", email: "karin.lind@spsm.se", agency: "spsm", role: "advisor" },
      { actor: { staffId: admin.id }, channel: "api" },
    );
    await store.close();

    const script = [
      "boka dialog med Boras stad fredag kvart över nio digitalt",
      "hjälp",
      "ja",
      "flytta dialogen med Borås kommun till kl 14",
      "ja",
      "mina dialoger",
    ].join("\n");
    const { code, stdout } = await runCli(["chat", "--as", "karin.lind@spsm.se"], env, script);
    expect(code).toBe(0);
    expect(stdout).toContain("fre 27 nov 09:15–10:15");
    expect(stdout).toContain("Vi är fortfarande mitt i bokningen");
    expect(stdout).toContain("Dialogen är bokad");
    expect(stdout).toContain("Dialogen är flyttad");
    expect(stdout).toContain("fre 27 nov 14:00–15:00 · Borås kommun");
  }, 120_000);
});
