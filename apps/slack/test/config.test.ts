import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_SLACK_API_URL, loadConfig } from "../src/config";

const valid = {
  SLACK_BOT_TOKEN: "xoxb-1111-2222-secretsecret",
  SLACK_SIGNING_SECRET: "s3cr3t-signing",
  SLACK_ALLOWED_TEAM_IDS: "T0SAMVERK, T0OTHER1",
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration from the environment", () => {
  it("reads a complete HTTP-mode environment with defaults", () => {
    const config = loadConfig(valid);
    expect(config.allowedTeamIds).toEqual(new Set(["T0SAMVERK", "T0OTHER1"]));
    expect(config.slackApiUrl).toBe(DEFAULT_SLACK_API_URL);
    expect(config.port).toBe(3000);
    expect(config.command).toBe("/samverkan");
    expect(config.appToken).toBeUndefined();
    expect(config.store).toEqual({ kind: "sqlite", file: undefined });
  });

  it("names every missing variable at once", () => {
    const found = problems({});
    expect(found.some((p) => p.startsWith("SLACK_BOT_TOKEN is missing"))).toBe(true);
    expect(found.some((p) => p.startsWith("SLACK_ALLOWED_TEAM_IDS is missing"))).toBe(true);
    expect(found.some((p) => p.startsWith("SLACK_SIGNING_SECRET is missing"))).toBe(true);
  });

  it("explains malformed values without echoing secrets", () => {
    const found = problems({ ...valid, SLACK_BOT_TOKEN: "xoxp-user-token-value", SLACK_ALLOWED_TEAM_IDS: "acme", PORT: "http" });
    expect(found.join("\n")).toMatch(/SLACK_BOT_TOKEN must be a bot token starting with xoxb-/);
    expect(found.join("\n")).toMatch(/SLACK_ALLOWED_TEAM_IDS holds a value that is not a Slack team id/);
    expect(found.join("\n")).toMatch(/PORT/);
    expect(found.join("\n")).not.toContain("xoxp-user-token-value");
  });

  it("refuses an empty allow-list: the app never serves every workspace", () => {
    expect(problems({ ...valid, SLACK_ALLOWED_TEAM_IDS: " , " }).join()).toMatch(/SLACK_ALLOWED_TEAM_IDS is (empty|missing)/);
  });

  it("takes a Web API base override and normalises its trailing slash", () => {
    expect(loadConfig({ ...valid, SLACK_API_URL: "http://127.0.0.1:9999/api" }).slackApiUrl).toBe("http://127.0.0.1:9999/api/");
  });

  it("needs no signing secret in Socket Mode", () => {
    const config = loadConfig({ ...valid, SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "xapp-1-A111-222-abc" });
    expect(config.appToken).toBe("xapp-1-A111-222-abc");
    expect(config.signingSecret).toBeUndefined();
  });

  it("uses PostgreSQL when DATABASE_URL is set, SQLite (SAMVERKAN_DB) otherwise", () => {
    expect(loadConfig({ ...valid, DATABASE_URL: "postgres://bot@db:5432/samverkan" }).store).toEqual({
      kind: "postgres",
      url: "postgres://bot@db:5432/samverkan",
      schema: undefined,
    });
    expect(loadConfig({ ...valid, SAMVERKAN_DB: "/var/lib/samverkan.db" }).store).toEqual({ kind: "sqlite", file: "/var/lib/samverkan.db" });
    expect(problems({ ...valid, DATABASE_URL: "mysql://x" }).join()).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
  });
});
