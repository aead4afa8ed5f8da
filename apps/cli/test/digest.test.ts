import { beforeAll, describe, expect, it } from "vitest";
import { checkSlackLimits, type SlackPayload } from "@samverkan/chat";
import { validateAdaptiveCard } from "../../../packages/chat/test/cards/adaptive-validate";
import { addStaffTeam, runCli, tempDbEnv } from "./cli-helpers";

describe("samverkan digest", () => {
  const env: Record<string, string> = { ...tempDbEnv(), SAMVERKAN_NOW: "2026-11-23T09:00:00+01:00" };
  const asKarin = ["--as", "karin.lind@spsm.se"];
  // The CLI is an operator's tool and has no channel of its own: digests there need a unit head or admin.
  const asUlla = ["--as", "ulla@spsm.se"];

  beforeAll(async () => {
    await addStaffTeam(env, { viewer: true });
    // School data comes from imports elsewhere; here the SDK adds a little directly.
    const { createSqliteStore } = await import("@samverkan/sdk/sqlite");
    const { createSamverkan } = await import("@samverkan/sdk");
    const store = await createSqliteStore({ file: env.SAMVERKAN_DB });
    const sv = createSamverkan({ store, clock: () => new Date("2026-11-16T09:00:00+01:00") });
    const system = { actor: { system: "test" }, channel: "system" } as const;
    await sv.municipalities.upsert([{ code: "2280", name: "Härnösand", countyCode: "22" }], system);
    const organizer = await sv.organizers.upsert(
      { organizationNumber: "2120002411", name: "Härnösands kommun", type: "municipal", municipalityCode: "2280" },
      system,
    );
    const karin = await sv.staff.find("karin.lind@spsm.se");
    await sv.dialogues.book(
      { organizerId: organizer.id, start: "2026-11-25T10:00", durationMinutes: 60, digital: true, staffIds: [karin!.id] },
      { actor: { staffId: karin!.id }, channel: "cli" },
    );
    await store.close();
  });

  it("adds, lists, pauses and removes subscriptions", async () => {
    const added = await runCli(["digest", "subscriptions", "add", "--slack", "T0SAMVERK:C0DIGEST", "--scope", "county:22", "--json", ...asUlla], env);
    expect(added.stderr).toBe("");
    expect(JSON.parse(added.stdout)).toMatchObject({
      ref: "D-1",
      cron: "0 8 * * 1",
      scope: { kind: "counties", counties: ["22"] },
      target: { platform: "slack", teamId: "T0SAMVERK", channelId: "C0DIGEST" },
      status: "active",
    });
    const teams = await runCli(
      [
        "digest",
        "subscriptions",
        "add",
        "--teams",
        "19:abc@thread.tacv2",
        "--scope",
        "office:Göteborg",
        "--cron",
        "0 14 * * 5",
        "--lang",
        "en",
        "--post-when-empty",
        ...asUlla,
      ],
      env,
    );
    expect(teams.stdout).toContain("Skapad: D-2  teams 19:abc@thread.tacv2  office:goteborg  varje fredag 14:00  en  aktiv");

    const list = await runCli(["digest", "subscriptions", "list"], env);
    expect(list.stdout).toContain("D-1  slack T0SAMVERK/C0DIGEST   county:22        varje måndag 08:00  sv  aktiv");

    const paused = await runCli(["digest", "subscriptions", "pause", "D-2", "--reason", "Jullov", ...asUlla], env);
    expect(paused.stdout).toContain("Pausad: D-2");
    expect(paused.stdout).toContain("pausad: Jullov");
    expect((await runCli(["digest", "subscriptions", "resume", "d2", ...asUlla], env)).stdout).toContain("Återupptagen: D-2");
    expect((await runCli(["digest", "subscriptions", "remove", "D-2", ...asUlla], env)).stdout).toContain("Borttagen: D-2");
    expect((await runCli(["digest", "subscriptions", "list", "--json"], env)).stdout).not.toContain("D-2");
  });

  it("refuses bad input with exit code 2 and viewers with 5, in Swedish", async () => {
    const noChannel = await runCli(["digest", "subscriptions", "add", "--scope", "country", ...asKarin], env);
    expect(noChannel.code).toBe(2);
    expect(noChannel.stderr).toContain("Ange en kanal");
    const badScope = await runCli(["digest", "subscriptions", "add", "--slack", "T1:C1", "--scope", "kommun:0180", ...asKarin], env);
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toContain("Okänt omfång");
    const badCron = await runCli(["digest", "subscriptions", "add", "--slack", "T1:C1", "--scope", "country", "--cron", "*/5 * * * *", ...asKarin], env);
    expect(badCron.code).toBe(2);
    expect(badCron.stderr).toContain("minuten ska vara ett tal");
    const viewer = await runCli(["digest", "subscriptions", "add", "--slack", "T1:C1", "--scope", "country", "--as", "vera@skolverket.se"], env);
    expect(viewer.code).toBe(5);
    // An advisor sets up and changes a channel's digests from that channel, not from the CLI.
    const advisor = await runCli(["digest", "subscriptions", "add", "--slack", "T1:C1", "--scope", "country", ...asKarin], env);
    expect(advisor.code).toBe(5);
    expect(advisor.stderr).toContain("En digest skapas i kanalen som ska få den.");
    const advisorPause = await runCli(["digest", "subscriptions", "pause", "D-1", ...asKarin], env);
    expect(advisorPause.code).toBe(5);
    expect(advisorPause.stderr).toContain("Digest D-1 hör till en annan kanal.");
  });

  it("previews exactly what would be posted as text, Slack JSON and an Adaptive Card", async () => {
    const text = await runCli(["digest", "preview", "--scope", "county:22"], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Samverkan: Västernorrlands län");
    expect(text.stdout).toContain("ons 25 nov 10:00–11:00 · Härnösands kommun");
    const slack = await runCli(["digest", "preview", "--subscription", "D-1", "--format", "slack"], env);
    const payload = JSON.parse(slack.stdout) as SlackPayload;
    expect(checkSlackLimits(payload)).toEqual([]);
    expect(JSON.stringify(payload)).toContain("Digest D-1");
    const teams = await runCli(["digest", "preview", "--scope", "country", "--format", "teams", "--lang", "en"], env);
    const card = JSON.parse(teams.stdout) as { type: string };
    expect(card.type).toBe("AdaptiveCard");
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(teams.stdout).toContain("all of Sweden");
    const both = await runCli(["digest", "preview"], env);
    expect(both.code).toBe(2);
  });

  it("lists runs, with JSON for scripts", async () => {
    expect((await runCli(["digest", "runs"], env)).stdout).toContain("Inga körningar ännu.");
    const { createSqliteStore } = await import("@samverkan/sdk/sqlite");
    const { createSamverkan } = await import("@samverkan/sdk");
    const store = await createSqliteStore({ file: env.SAMVERKAN_DB });
    const sv = createSamverkan({ store, clock: () => new Date("2026-11-23T08:00:03+01:00") });
    const run = await sv.digests.claimRun({
      subscriptionId: (await sv.digests.get("D-1")).id,
      scheduledFor: new Date("2026-11-23T07:00:00Z"),
      periodStart: new Date("2026-11-16T07:00:00Z"),
      late: true,
      claimedBy: "test",
    });
    await sv.digests.finishRun(run!.id, { status: "failed", attempts: 3, error: "Error: HTTP 503" });
    await store.close();
    const runs = await runCli(["digest", "runs"], env);
    expect(runs.stdout).toContain("2026-11-23 08:00  D-1  failed  försenad  3  Error: HTTP 503");
    const json = JSON.parse((await runCli(["digest", "runs", "--subscription", "D-1", "--json"], env)).stdout) as unknown[];
    expect(json).toEqual([expect.objectContaining({ periodKey: "2026-11-23T07:00:00.000Z", status: "failed", late: true, attempts: 3 })]);
  });
});
