import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngineLogger } from "../../src/engine/index";
import { t } from "../../src/i18n";
import { chatWorld, seen } from "./world";

const hostile = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "",
    "   ",
    "x".repeat(10_000),
    "\u0000\u0007\u001b[31m\u202e",
    "<script>alert(1)</script>",
    "<!channel> <@U0KARIN> *bold* _x_ ~s~",
    "'; DROP TABLE dialogues; --",
    "boka dialog med '; DELETE FROM staff; -- imorgon kl 10",
    "logga U-99999999999999999999 140% ",
    "flytta dialogen till 31/2 kl 25:61",
    "🙂".repeat(3000),
  ),
);

/**
 * The engine turns every failure into a polite reply, so a crash would look like an answer.
 * The logger makes any error log fail the run instead.
 */
function failingLogger(): EngineLogger & { errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    warn: () => undefined,
    error(obj, msg) {
      errors.push(`${msg}: ${String((obj.err as Error | undefined)?.stack ?? JSON.stringify(obj))}`);
    },
  };
}

const SOMETHING_WRONG = t("sv").common.somethingWrong;

describe("hostile and random text", () => {
  it("never throws, never logs an error, answers with a message, and never writes to the domain", async () => {
    const logger = failingLogger();
    const w = await chatWorld({ logger });
    const before = await w.sv.counts();
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const reply = await w.say(text);
        expect(logger.errors).toEqual([]);
        // The kind of reply a text turn gets: messages to show, no form answer, and not the apology for a crash.
        expect(reply.messages.length).toBeGreaterThan(0);
        expect(reply.formErrors).toBeUndefined();
        expect(reply.closeForm).toBeUndefined();
        expect(seen(reply)).not.toContain(SOMETHING_WRONG);
        // Cancel whatever flow the text may have started, so the next text starts fresh.
        await w.say("avbryt");
        expect(logger.errors).toEqual([]);
      }),
      { numRuns: 150 },
    );
    expect(await w.sv.counts()).toEqual(before);
    expect(
      (await w.sv.audit.list({ limit: 1000 })).filter(
        (a) =>
          a.action !== "staff.create" &&
          !a.action.startsWith("plan") &&
          !a.action.startsWith("assignment.create") &&
          a.entityType !== "municipality" &&
          a.entityType !== "organizer" &&
          a.entityType !== "schoolUnit",
      ),
    ).toEqual([]);
  }, 120_000);

  it("fails loudly when a turn crashes: the apology is logged as an error", async () => {
    const logger = failingLogger();
    const w = await chatWorld({ logger });
    // A store that breaks mid-turn, the way a real bug would surface.
    w.sv.schools.search = () => Promise.reject(new Error("boom"));
    const reply = await w.say("sök Rinkebyskolan");
    expect(seen(reply)).toContain(SOMETHING_WRONG);
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0]).toMatch(/^turn failed: Error: boom/);
  });
});
