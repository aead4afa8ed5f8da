import { describe, expect, it } from "vitest";
import { entitiesSchema, intentNameSchema } from "@samverkan/chat";
import { runCli, tempDbEnv } from "./cli-helpers";

describe("samverkan parse", () => {
  it("prints {text, intent, entities} for one utterance, resolved against --now", async () => {
    // No store (a database file that does not exist): parsing works without the register.
    const { code, stdout } = await runCli(
      ["parse", "boka dialog med Borås kommun imorgon kl 10 i Göteborg", "--json", "--now", "2026-11-23T09:00:00+01:00"],
      tempDbEnv(),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      text: "boka dialog med Borås kommun imorgon kl 10 i Göteborg",
      intent: "dialogue.book",
      entities: {
        organizer: "Borås kommun",
        start: "2026-11-24T10:00:00+01:00",
        when: { kind: "instant", at: "2026-11-24T10:00:00+01:00", zone: "Europe/Stockholm" },
        office: "Göteborg",
      },
    });
  });

  it("adds the typed time next to start and end: a day, an instant or a range", async () => {
    const input = ["boka dialog med Borås kommun på fredag", "boka dialog med Borås kommun imorgon kl 10-11", "mina dialoger nästa vecka"].join("\n");
    const { stdout } = await runCli(["parse", "--json", "--now", "2026-11-23T09:00:00+01:00"], tempDbEnv(), input);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { entities: Record<string, unknown> });
    for (const line of lines) expect(entitiesSchema.safeParse(line.entities).success).toBe(true);
    expect(lines.map((l) => [l.entities.start, l.entities.end, l.entities.when])).toEqual([
      ["2026-11-27", undefined, { kind: "day", date: "2026-11-27", zone: "Europe/Stockholm" }],
      [
        "2026-11-24T10:00:00+01:00",
        "2026-11-24T11:00:00+01:00",
        { kind: "range", unit: "instant", from: "2026-11-24T10:00:00+01:00", to: "2026-11-24T11:00:00+01:00", zone: "Europe/Stockholm" },
      ],
      ["2026-11-30", "2026-12-06", { kind: "range", unit: "day", from: "2026-11-30", to: "2026-12-06", zone: "Europe/Stockholm" }],
    ]);
  });

  it("reads digest commands as digest.* intents, in Swedish and English", async () => {
    const input = [
      "digest varje måndag 08:00 län 22",
      "digest every friday 14:00 office Göteborg",
      "digest lista",
      "digest pausa D-3",
      "digest resume D-3",
      "digest ta bort D-3",
      "digest preview D-1",
      "digset lsita",
    ].join("\n");
    const { stdout } = await runCli(["parse", "--json"], tempDbEnv(), input);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { intent: string; entities: Record<string, unknown> });
    for (const line of lines) expect(intentNameSchema.safeParse(line.intent).success && entitiesSchema.safeParse(line.entities).success).toBe(true);
    expect(lines.map((l) => l.intent)).toEqual([
      "digest.create",
      "digest.create",
      "digest.list",
      "digest.pause",
      "digest.resume",
      "digest.remove",
      "digest.preview",
      "digest.list",
    ]);
    expect(lines[0]?.entities).toEqual({ digest: { cron: "0 8 * * 1", scope: { kind: "counties", counties: ["22"] }, postWhenEmpty: false } });
    expect(lines[1]?.entities).toEqual({ digest: { cron: "0 14 * * 5", scope: { kind: "office", officeId: "göteborg" }, postWhenEmpty: false } });
    expect(lines[3]?.entities).toEqual({ digestRef: "D-3" });
  });

  it("reads one utterance per line from stdin and answers in order", async () => {
    const input = ["sök harnosand", "logga U12 60% klar med kartläggningen", "hjälp", "", "tack"].join("\n");
    const { stdout } = await runCli(["parse", "--json", "--now", "2026-11-23T09:00:00+01:00"], tempDbEnv(), input);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { intent: string; entities: Record<string, unknown> });
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

    const input = [
      "boka dialog med Malmö stad om två veckor kl 13",
      "visa huvudman malmo kommun",
      "täckning i Skåne län",
      "boka dialog med Okänd AB imorgon kl 9",
    ].join("\n");
    const { stdout, stderr } = await runCli(["parse", "--json"], env, input);
    expect(stderr).toBe("");
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { intent: string; entities: Record<string, unknown> });
    expect(lines[0]).toMatchObject({
      intent: "dialogue.book",
      entities: { organizer: "Malmö kommun", organizerId: malmo.id, start: "2026-12-07T13:00:00+01:00" },
    });
    expect(lines[1]).toMatchObject({ intent: "organizer.show", entities: { organizer: "Malmö kommun", organizerId: malmo.id } });
    expect(lines[2]).toMatchObject({ intent: "coverage.show", entities: { area: "Skåne län" } });
    // Not in the register: the words as written, and no id.
    expect(lines[3]?.entities).toEqual({
      organizer: "Okänd AB",
      start: "2026-11-24T09:00:00+01:00",
      when: { kind: "instant", at: "2026-11-24T09:00:00+01:00", zone: "Europe/Stockholm" },
    });
  }, 120_000);
});
