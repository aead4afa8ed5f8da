import { describe, expect, it } from "vitest";
import { readEnv, RuntimeEnvError, VARIABLES } from "../src/index";

describe("readEnv", () => {
  it("defaults to the embedded SQLite file, info logs, Swedish and no metrics", () => {
    const env = readEnv({});
    expect(env.store).toEqual({ kind: "sqlite", file: "./data/samverkan.db" });
    expect(env.logLevel).toBe("info");
    expect(env.cli).toEqual({ user: undefined, locale: "sv", now: undefined });
    expect(env.metrics).toEqual({ token: undefined, port: undefined });
  });

  it("uses PostgreSQL when DATABASE_URL is set, and reads the CLI's settings", () => {
    const env = readEnv({
      DATABASE_URL: "postgres://bot@db:5432/samverkan",
      SAMVERKAN_PG_SCHEMA: "bot",
      SAMVERKAN_LANG: "en-GB",
      SAMVERKAN_NOW: "2026-11-23T09:00:00+01:00",
      METRICS_PORT: "9464",
    });
    expect(env.store).toEqual({ kind: "postgres", url: "postgres://bot@db:5432/samverkan", schema: "bot" });
    expect(env.cli.locale).toBe("en");
    expect(env.cli.now?.toISOString()).toBe("2026-11-23T08:00:00.000Z");
    expect(env.metrics.port).toBe(9464);
  });

  it("treats blank values as unset", () => {
    expect(readEnv({ DATABASE_URL: " ", SAMVERKAN_DB: "" }).store).toEqual({ kind: "sqlite", file: "./data/samverkan.db" });
  });

  it("lists every problem by variable name and never echoes a value", () => {
    const secret = "mysql://root:hunter2@db/x";
    let caught: unknown;
    try {
      readEnv({ DATABASE_URL: secret, LOG_LEVEL: "loud", METRICS_TOKEN: "short", SAMVERKAN_NOW: "igår" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuntimeEnvError);
    const message = (caught as Error).message;
    for (const name of ["DATABASE_URL", "LOG_LEVEL", "METRICS_TOKEN", "SAMVERKAN_NOW"]) expect(message).toContain(name);
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("short");
  });

  it("keeps only documented variables in the snapshot the apps read", () => {
    const env = readEnv({ SLACK_BOT_TOKEN: "xoxb-1", MicrosoftAppId: "abc", HOME: "/root", AWS_SECRET_ACCESS_KEY: "x" });
    expect(env.vars).toEqual({ SLACK_BOT_TOKEN: "xoxb-1", MicrosoftAppId: "abc" });
    expect(Object.isFrozen(env.vars)).toBe(true);
  });

  it("documents each variable once", () => {
    const names = VARIABLES.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
