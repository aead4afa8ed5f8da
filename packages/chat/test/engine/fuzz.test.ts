import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chatWorld } from "./world";

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

describe("hostile and random text", () => {
  it("never throws and never writes to the domain", async () => {
    const w = await chatWorld();
    const before = await w.sv.counts();
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const reply = await w.say(text);
        expect(reply.messages.length).toBeGreaterThan(0);
        // Cancel whatever flow the text may have started, so the next text starts fresh.
        await w.say("avbryt");
      }),
      { numRuns: 150 },
    );
    expect(await w.sv.counts()).toEqual(before);
    expect((await w.sv.audit.list({ limit: 1000 })).filter((a) => a.action !== "staff.create" && !a.action.startsWith("plan") && !a.action.startsWith("assignment.create") && a.entityType !== "municipality" && a.entityType !== "organizer" && a.entityType !== "schoolUnit")).toEqual([]);
  }, 120_000);
});
