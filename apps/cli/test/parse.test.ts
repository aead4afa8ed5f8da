import { describe, expect, it } from "vitest";
import { runCli, tempDbEnv } from "./cli-helpers";

describe("samverkan parse", () => {
  it("prints {text, intent, entities} for one utterance, resolved against --now", async () => {
    // No store (a database file that does not exist): parsing works without the register.
    const { code, stdout } = await runCli(["parse", "boka dialog med Borås kommun imorgon kl 10 i Göteborg", "--json", "--now", "2026-11-23T09:00:00+01:00"], tempDbEnv());
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      text: "boka dialog med Borås kommun imorgon kl 10 i Göteborg",
      intent: "dialogue.book",
      entities: { organizer: "Borås kommun", start: "2026-11-24T10:00:00+01:00", office: "Göteborg" },
    });
  });

  it("reads one utterance per line from stdin and answers in order", async () => {
    const input = ["sök harnosand", "logga U12 60% klar med kartläggningen", "hjälp", "", "tack"].join("\n");
    const { stdout } = await runCli(["parse", "--json", "--now", "2026-11-23T09:00:00+01:00"], tempDbEnv(), input);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as { intent: string; entities: Record<string, unknown> });
    expect(lines.map((l) => l.intent)).toEqual(["school.search", "assignment.log_progress", "help", "unknown", "unknown"]);
    expect(lines[1]?.entities).toMatchObject({ assignmentRef: "U-12", percent: 60 });
  });

  it("links names against the store when there is one, adding organizerId", async () => {
    const env: Record<string, string> = { ...tempDbEnv(), SAMVERKAN_NOW: "2026-11-23T09:00:00+01:00" };
    const { createSqliteStore } = await import("@samverkan/sdk/sqlite");
    const { createSamverkan } = await import("@samverkan/sdk");
    const store = await createSqliteStore({ file: env.SAMVERKAN_DB! });
    const sv = createSamverkan({ store });
    const system = { actor: { system: "test" }, channel: "system" } as const;
    await sv.municipalities.upsert([{ code: "1280", name: "Malmö", countyCode: "12" }], system);
    const malmo = await sv.organizers.upsert({ organizationNumber: "2120000845", name: "Malmö kommun", type: "municipal", municipalityCode: "1280" }, system);
    await store.close();

    const input = ["boka dialog med Malmö stad om två veckor kl 13", "visa huvudman malmo kommun", "täckning i Skåne län", "boka dialog med Okänd AB imorgon kl 9"].join("\n");
    const { stdout, stderr } = await runCli(["parse", "--json"], env, input);
    expect(stderr).toBe("");
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as { intent: string; entities: Record<string, unknown> });
    expect(lines[0]).toMatchObject({ intent: "dialogue.book", entities: { organizer: "Malmö kommun", organizerId: malmo.id, start: "2026-12-07T13:00:00+01:00" } });
    expect(lines[1]).toMatchObject({ intent: "organizer.show", entities: { organizer: "Malmö kommun", organizerId: malmo.id } });
    expect(lines[2]).toMatchObject({ intent: "coverage.show", entities: { area: "Skåne län" } });
    // Not in the register: the words as written, and no id.
    expect(lines[3]?.entities).toEqual({ organizer: "Okänd AB", start: "2026-11-24T09:00:00+01:00" });
  }, 120_000);
});
