import { describe, expect, it } from "vitest";
import { runCli, tempDbEnv } from "./cli-helpers";

/** No chat platform configured, nobody registered, no school data: `samverkan start` runs its first-run setup. */
const firstRun = (lang: "sv" | "en") => ({
  ...tempDbEnv(),
  SAMVERKAN_LANG: lang,
  SAMVERKAN_USER: "",
  SAMVERKAN_NOW: "2026-11-23T09:00:00+01:00",
  SLACK_BOT_TOKEN: "",
  SLACK_SIGNING_SECRET: "",
  SLACK_APP_TOKEN: "",
  MICROSOFT_APP_ID: "",
  MicrosoftAppId: "",
  TEAMS_DEV_NO_AUTH: "",
});

// Name, e-mail, "load an export", a path that is not there, then one chat turn.
const script = (help: string) => ["Karin Lind", "karin.lind@spsm.se", "1", "/no/such/export.csv", help].join("\n");

describe("the first-run setup of `samverkan start` speaks SAMVERKAN_LANG", () => {
  it("asks and answers in English with SAMVERKAN_LANG=en, and the new administrator chats in English", async () => {
    const { code, stdout } = await runCli(["start"], firstRun("en"), script("help"));
    expect(code).toBe(0);
    expect(stdout).toContain("Welcome to Samverkan! This is the first start, so I am adding you as an administrator.");
    expect(stdout).toContain("What is your name? ");
    expect(stdout).toContain("Your e-mail address (optional): ");
    expect(stdout).toContain("There is no school data yet.\n  1) Load Skolverket's statistics export (CSV file)\n  2) Fetch from Skolverket's API");
    expect(stdout).toContain("  3) Skip\nChoose 1, 2 or 3 [1]: ");
    expect(stdout).toContain("File or folder with the export [./data/]: ");
    expect(stdout).toContain("Could not find /no/such/export.csv. You can load it later with `samverkan import <file.csv>`.");
    expect(stdout).toContain("What I can do");
    // The goodbye at the end of the script follows the new administrator's own locale.
    expect(stdout.trimEnd().endsWith("Bye!")).toBe(true);
    expect(stdout).not.toMatch(/Välkommen|Vad heter du|Det finns ingen skoldata|Hittade inte/);
  }, 120_000);

  it("asks and answers in Swedish with SAMVERKAN_LANG=sv", async () => {
    const { code, stdout } = await runCli(["start"], firstRun("sv"), script("hjälp"));
    expect(code).toBe(0);
    expect(stdout).toContain("Välkommen till Samverkan! Det här är första starten, så jag lägger upp dig som administratör.");
    expect(stdout).toContain("Vad heter du? ");
    expect(stdout).toContain("Din e-postadress (valfritt): ");
    expect(stdout).toContain("Det finns ingen skoldata ännu.\n  1) Läs in Skolverkets statistikexport (CSV-fil)\n  2) Hämta från Skolverkets API");
    expect(stdout).toContain("  3) Hoppa över\nVälj 1, 2 eller 3 [1]: ");
    expect(stdout).toContain("Hittade inte /no/such/export.csv. Du kan läsa in den senare med `samverkan import <fil.csv>`.");
    expect(stdout).toContain("Det här kan jag");
    expect(stdout.trimEnd().endsWith("Hej då!")).toBe(true);
    expect(stdout).not.toMatch(/Welcome|What is your name|There is no school data|Could not find/);
  }, 120_000);
});
