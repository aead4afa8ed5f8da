/**
 * installProcessGuards, in real processes: what a stray rejection and an uncaught exception
 * do to a long-running app.
 */
import { describe, expect, it } from "vitest";
import { runFixture } from "./support/child";

describe("installProcessGuards", () => {
  it("logs an unhandled rejection at error level and keeps the process running", async () => {
    const app = runFixture("guarded-process.ts", ["rejection"]);
    const logged = await app.waitForLine((line) => String(line.msg).startsWith("unhandled promise rejection"));
    expect(logged).toMatchObject({ level: 50, app: "guard-test", err: { message: "a stray rejection" } });
    await app.waitForLine((line) => line.msg === "still serving");
    expect(await app.exited).toBe(0);
  }, 30_000);

  it("logs an uncaught exception at fatal level and exits with 1", async () => {
    const app = runFixture("guarded-process.ts", ["exception"]);
    expect(await app.exited).toBe(1);
    expect(app.lines.find((line) => line.level === 60)).toMatchObject({ msg: "uncaught exception; exiting", err: { message: "an uncaught exception" } });
  }, 30_000);
});
